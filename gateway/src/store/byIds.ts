import type { Model } from 'mongoose';
import { mapParallel } from './mapParallel';

/** Lookups at once: enough to overlap the store's round trips, few enough not to crowd other readers. */
const PARALLEL_LOOKUPS = 16;

/**
 * The documents of `ids` that exist, in the order of `ids`, each read by `_id` alone. Not `{_id: {$in}}`:
 * FerretDB 1.24 answers `$in` with a scan of the whole collection (docs/performance.md), so its cost grows
 * with the volume projected, while an `_id` lookup stays an index search.
 *
 * @example const counters = await byIds(models.riskClueCounts, ['330100|2026-07', '330100|2026-08']);
 */
export async function byIds<T>(model: Model<T>, ids: readonly string[]): Promise<T[]> {
  const docs = await mapParallel([...new Set(ids)], PARALLEL_LOOKUPS, async (id) => (await model.findById(id).lean()) as T | null);
  return docs.filter((doc): doc is NonNullable<typeof doc> => doc !== null) as T[];
}
