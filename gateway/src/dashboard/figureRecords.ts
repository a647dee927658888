import type { Model } from 'mongoose';
import { ALL, clueKindOf, clueStateOf, passRateCounterId, type RiskClue, type Sample } from '../../../model/src';
import { clueKindListId, clueMonth, clueRegionListId, isOverdueClue, overdueClueListId } from '../projection/clues';
import type { LedgerModels } from '../projection/models';
import { readPagedList, type ListPage } from '../projection/pagedList';
import { sampleListIds } from '../projection/sampling';
import { byIds } from '../store/byIds';
import { monthStart } from './dashboardPeriod';

/** The figures a click lists the records of. */
export const DashboardFigureNames = ['samples', 'raised', 'closed', 'overdue', 'kind'] as const;
export type DashboardFigureName = (typeof DashboardFigureNames)[number];

/** List pages one drill-down reads at most (newest first): a bound on work per click for a sparse figure. */
export const MAX_DRILL_PAGES = 25;
/** Records one drill-down answers at least (the records of whole chunks): the rest come with `page` and `before`. */
export const MAX_DRILL_RECORDS = 50;
/** Ids of a list page read at once, from its newest end: a click reads about this many documents, not a page of 200. */
const CHUNK_IDS = 50;

/** Where a drill-down goes on: a list page, and the position in it before which its ids are still to read. */
export interface DrillCursor {
  page: number;
  before?: number;
}

export interface FigureRecords<T> {
  records: T[];
  /** Where to ask next (`page`, `before`) when more records may lie behind the figure; absent when all were listed. */
  next?: DrillCursor;
  truncated: boolean;
}

/**
 * Reads a paged list from `from` (its newest entry unless given) back, a chunk of ids at a time, keeping the
 * records `keep` accepts, until a chunk holds nothing entered since `since` (lists are appended in ledger
 * order, so earlier entries are older), or {@link MAX_DRILL_RECORDS} were kept, or {@link MAX_DRILL_PAGES} were read.
 */
async function recordsBack<T>(
  model: Model<ListPage<string>>,
  listId: string,
  load: (ids: string[]) => Promise<T[]>,
  enteredAt: (record: T) => string,
  since: string | undefined,
  keep: (record: T) => boolean,
  from: DrillCursor | undefined,
): Promise<FigureRecords<T>> {
  const records: T[] = [];
  const newest = await readPagedList(model, listId);
  if (!newest) return { records, truncated: false };
  let before = from?.before;
  for (let page = Math.min(from?.page ?? newest.pages - 1, newest.pages - 1), read = 0; page >= 0; page--, read++) {
    if (read === MAX_DRILL_PAGES) return { records, next: { page }, truncated: true };
    const items = page === newest.page ? newest.items : ((await readPagedList(model, listId, page))?.items ?? []);
    for (let end = Math.min(before ?? items.length, items.length); end > 0; ) {
      const start = Math.max(0, end - CHUNK_IDS);
      const loaded = await load(items.slice(start, end));
      records.push(...loaded.filter(keep));
      end = start;
      if (since !== undefined && loaded.length > 0 && loaded.every((record) => enteredAt(record) < since)) return { records, truncated: false };
      if (records.length >= MAX_DRILL_RECORDS) {
        const next = end > 0 ? { page, before: end } : page > 0 ? { page: page - 1 } : undefined;
        return { records, ...(next ? { next } : {}), truncated: next !== undefined };
      }
    }
    before = undefined;
  }
  return { records, truncated: false };
}

/** When a clue became overdue: its first escalation. */
const overdueSince = (clue: RiskClue): string => clue.steps?.find((step) => step.action === 'escalated')?.at ?? clue.filedAt;

/**
 * The clues behind a clue figure of a region and month, exactly as the counters count them: raised in
 * the month (Asia/Shanghai) in the region or below, and for `closed` closed now, for `overdue` overdue
 * now, for `kind` of that kind. Each comes from the region's own list of that figure, read back from
 * its newest entry (or `from`) until the month is passed or enough were found (`next` continues).
 */
export async function cluesBehind(models: LedgerModels, region: string, period: string, figure: Exclude<DashboardFigureName, 'samples'>, kind?: string, from?: DrillCursor): Promise<FigureRecords<RiskClue>> {
  const load = async (ids: string[]): Promise<RiskClue[]> => (await byIds(models.riskClues, ids)).map((doc) => doc.record as unknown as RiskClue);
  const since = monthStart(period);
  const inMonth = (clue: RiskClue): boolean => clueMonth(clue.filedAt) === period;
  const lists = {
    raised: { id: clueRegionListId(region), enteredAt: (c: RiskClue) => c.filedAt, keep: inMonth },
    kind: { id: clueKindListId(region, kind ?? ''), enteredAt: (c: RiskClue) => c.filedAt, keep: (c: RiskClue) => inMonth(c) && clueKindOf(c) === kind },
    closed: { id: clueRegionListId(region, 'closed'), enteredAt: (c: RiskClue) => c.closedAt ?? c.filedAt, keep: (c: RiskClue) => inMonth(c) && clueStateOf(c) === 'closed' },
    overdue: { id: overdueClueListId(region), enteredAt: overdueSince, keep: (c: RiskClue) => inMonth(c) && isOverdueClue(c) },
  }[figure];
  const answer = await recordsBack(models.riskClueRegions, lists.id, load, lists.enteredAt, since, lists.keep, from);
  return { ...answer, records: answer.records.sort((a, b) => b.filedAt.localeCompare(a.filedAt)) };
}

/** The final evaluative samples the month's pass rate of every category counts in the region, in the order they became final. */
export async function samplesBehind(models: LedgerModels, region: string, period: string, from?: DrillCursor): Promise<FigureRecords<Sample>> {
  const listId = sampleListIds.final(passRateCounterId(period, region === 'all' ? ALL : region, ALL));
  const load = async (ids: string[]): Promise<Sample[]> => (await byIds(models.samples, ids)).map((doc) => doc.record as unknown as Sample);
  // The list is the month's own: every entry counts.
  return recordsBack(models.sampleLists, listId, load, () => '', undefined, () => true, from);
}
