import type { Model } from 'mongoose';
import type { LedgerSource } from './ledgerModel';

/**
 * A list that grows with the events about one subject (a subject's trace events, its clues), kept
 * as pages of at most a fixed number of items so that no document grows without bound. The head
 * document (`_id` = the list id) holds the newest, open page; full pages sit under
 * `<listId>|<n>`, oldest first (list ids never contain `|`: subject ids are URI paths).
 */
export interface ListPage<T> {
  _id: string;
  items: T[];
  /** Head only: how many full pages precede it. */
  fullPages?: number;
  /** Head only: the last ledger position appended; a replayed block's events at or before it are skipped. */
  highWater?: LedgerSource;
  source: LedgerSource;
}

/** One page of a list as the API answers it. */
export interface ListPageAnswer<T> {
  items: T[];
  /** 0 is the oldest page. */
  page: number;
  pages: number;
}

const pageId = (listId: string, page: number): string => `${listId}|${page}`;

const after = (a: LedgerSource, b: LedgerSource): boolean => a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.txIndex > b.txIndex);

/**
 * Appends items, in ledger order, to a paged list. Full pages are written before the head, so a
 * crash between the two is repaired by the replay: the head still names the old high-water mark and
 * the same pages are written again. One transaction may append several items (a batch of lots): they
 * are all compared with the mark the head had before this call. Returns the head as written.
 */
export async function appendToPagedList<T>(model: Model<ListPage<T>>, listId: string, entries: readonly { item: T; source: LedgerSource }[], pageItems: number): Promise<ListPage<T>> {
  const stored = (await model.findById(listId).lean()) as ListPage<T> | null;
  const head: ListPage<T> = stored ?? { _id: listId, items: [], fullPages: 0, source: entries[0].source };
  const mark = stored?.highWater;
  const full: ListPage<T>[] = [];
  for (const { item, source } of entries) {
    if (mark && !after(source, mark)) continue;
    head.items.push(item);
    head.highWater = source;
    head.source = source;
    if (head.items.length >= pageItems) {
      full.push({ _id: pageId(listId, head.fullPages ?? 0), items: head.items, source });
      head.fullPages = (head.fullPages ?? 0) + 1;
      head.items = [];
    }
  }
  for (const page of full) await model.replaceOne({ _id: page._id }, page, { upsert: true });
  await model.replaceOne({ _id: listId }, head, { upsert: true });
  return head;
}

/** One page of a list (oldest first; the default is the newest), or undefined when the list does not exist. */
export async function readPagedList<T>(model: Model<ListPage<T>>, listId: string, page?: number): Promise<ListPageAnswer<T> | undefined> {
  const head = (await model.findById(listId).lean()) as ListPage<T> | null;
  if (!head) return undefined;
  const fullPages = head.fullPages ?? 0;
  const pages = fullPages + (head.items.length > 0 || fullPages === 0 ? 1 : 0);
  const wanted = page ?? pages - 1;
  if (wanted < 0 || wanted >= pages) return { items: [], page: wanted, pages };
  if (wanted === fullPages) return { items: head.items, page: wanted, pages };
  const stored = (await model.findById(pageId(listId, wanted)).lean()) as ListPage<T> | null;
  return { items: stored?.items ?? [], page: wanted, pages };
}
