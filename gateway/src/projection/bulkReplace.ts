import type { Model } from 'mongoose';

/**
 * FerretDB 1.24 (SQLite) hangs the database on bulk upserts that replace existing documents when a
 * call holds 100 of them (~2 KB each), or when two bulk upsert calls run at once (measured). So: at
 * most 50 operations per call, one call at a time.
 */
export const MAX_BULK_OPERATIONS = 50;
const PARALLEL_BULK_CALLS = 1;

/**
 * Writes whole documents by `_id` (upsert), in bulk calls of at most {@link MAX_BULK_OPERATIONS}
 * operations, one after another; callers must not run two at once on one store. Replacing whole
 * documents keeps every write idempotent.
 */
export async function bulkReplace<T extends { _id: string }, M>(model: Model<M>, docs: readonly T[]): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < docs.length; i += MAX_BULK_OPERATIONS) chunks.push(docs.slice(i, i + MAX_BULK_OPERATIONS));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      await model.collection.bulkWrite(
        chunk.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })) as unknown as Parameters<typeof model.collection.bulkWrite>[0],
        { ordered: false },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BULK_CALLS, chunks.length) }, worker));
}

/** Runs `load` for every key, at most `parallel` at once, keeping the order of `keys`. */
export async function mapParallel<K, V>(keys: readonly K[], parallel: number, load: (key: K) => Promise<V>): Promise<V[]> {
  const results = new Array<V>(keys.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const index = next++;
      results[index] = await load(keys[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, keys.length) }, worker));
  return results;
}
