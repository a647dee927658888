import type { Model } from 'mongoose';
import { mapParallel } from '../store/mapParallel';
import type { ListPage } from '../projection/pagedList';

/** Page reads in flight at once. */
const PARALLEL_READS = 8;

/** A paged list's head and what it holds: rows are `fullPages × page size + head items`. */
export async function listHead<T>(model: Model<ListPage<T>>, listId: string): Promise<ListPage<T> | undefined> {
  return ((await model.findById(listId).lean()) as ListPage<T> | null) ?? undefined;
}

/** How many items a list holds, from its head alone. */
export const itemsIn = <T>(head: ListPage<T> | undefined, pageItems: number): number => (head ? (head.fullPages ?? 0) * pageItems + head.items.length : 0);

/**
 * Every item of a paged list, oldest first: its full pages, each by its own `_id` equality (several
 * in flight), then the head's. An `$in` over page ids is no `_id` lookup on FerretDB: it decodes the
 * whole collection of pages, which at 100,000 rows never answers in time. The head is the one read
 * before, so items appended since are not mixed in.
 */
export async function allItems<T>(model: Model<ListPage<T>>, listId: string, head: ListPage<T> | undefined): Promise<T[]> {
  if (!head) return [];
  const ids = Array.from({ length: head.fullPages ?? 0 }, (_, n) => `${listId}|${n}`);
  const pages = await mapParallel(ids, PARALLEL_READS, async (id) => ((await model.findById(id).lean()) as ListPage<T> | null)?.items ?? []);
  return [...pages.flat(), ...head.items];
}
