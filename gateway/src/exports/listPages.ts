import type { Model } from 'mongoose';
import { mapParallel } from '../store/mapParallel';
import type { ListPage } from '../projection/pagedList';

/** Full pages asked for in one `$in` read, and such reads in flight at once. */
const PAGES_PER_READ = 8;
const PARALLEL_READS = 4;

/** A paged list's head and what it holds: rows are `fullPages × page size + head items`. */
export async function listHead<T>(model: Model<ListPage<T>>, listId: string): Promise<ListPage<T> | undefined> {
  return ((await model.findById(listId).lean()) as ListPage<T> | null) ?? undefined;
}

/** How many items a list holds, from its head alone. */
export const itemsIn = <T>(head: ListPage<T> | undefined, pageItems: number): number => (head ? (head.fullPages ?? 0) * pageItems + head.items.length : 0);

/**
 * Every item of a paged list, oldest first: its full pages by `_id` (a few per read, some reads in
 * parallel), then the head's. The head is the one read before, so items appended since are not mixed in.
 */
export async function allItems<T>(model: Model<ListPage<T>>, listId: string, head: ListPage<T> | undefined): Promise<T[]> {
  if (!head) return [];
  const ids = Array.from({ length: head.fullPages ?? 0 }, (_, n) => `${listId}|${n}`);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += PAGES_PER_READ) chunks.push(ids.slice(i, i + PAGES_PER_READ));
  const read = await mapParallel(chunks, PARALLEL_READS, async (chunk) => {
    const pages = (await model.find({ _id: { $in: chunk } }).lean()) as ListPage<T>[];
    const byId = new Map(pages.map((page) => [page._id, page.items]));
    return chunk.flatMap((id) => byId.get(id) ?? []);
  });
  return [...read.flat(), ...head.items];
}
