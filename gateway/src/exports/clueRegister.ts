import type { Model } from 'mongoose';
import { clueKindOf, clueStateOf, type RiskClue } from '../../../model/src';
import type { ProjectedDocument } from '../projection/models';
import type { ListPage } from '../projection/pagedList';
import { clueKindListId, clueRegionListId, CLUE_REGION_PAGE_ITEMS } from '../projection/clues';
import { Refusal } from '../refusal';
import { allItems, itemsIn, listHead } from './listPages';
import type { Sheet } from './spreadsheet';
import { byIds } from '../store/byIds';

/** Clues one register export holds at most (read and sorted in memory). */
export const MAX_CLUE_EXPORT_ROWS = 200_000;

export interface ClueRegisterFilter {
  /** A region checked against the reader's scope, or `all`. */
  region: string;
  state?: string;
  kind?: string;
}

/**
 * The clues of a region's register, oldest first: the region's kind list when a kind is asked (fewer
 * entries), its state list otherwise, exactly the lists `GET /regulator/clues` pages through; the
 * clues by `_id`, each once, in the state they are in now.
 */
export async function clueRegister(lists: Model<ListPage<string>>, clues: Model<ProjectedDocument>, filter: ClueRegisterFilter): Promise<RiskClue[]> {
  const listId = filter.kind ? clueKindListId(filter.region, filter.kind) : clueRegionListId(filter.region, filter.state);
  const head = await listHead(lists, listId);
  const listed = itemsIn(head, CLUE_REGION_PAGE_ITEMS);
  if (listed > MAX_CLUE_EXPORT_ROWS) throw new Refusal('CONFLICT', `region ${filter.region} lists ${listed} clues, more than the ${MAX_CLUE_EXPORT_ROWS} one export holds; ask for a state or a kind, or a region within it`);
  const ids = [...new Set(await allItems(lists, listId, head))];
  const docs = (await byIds(clues, ids)).map((doc) => doc.record as unknown as RiskClue);
  return docs
    .filter((clue) => (filter.state === undefined || clueStateOf(clue) === filter.state) && (filter.kind === undefined || clueKindOf(clue) === filter.kind))
    .sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.subjectId.localeCompare(b.subjectId) || a.clueId.localeCompare(b.clueId));
}

/** The clue register: one row per clue with where it is, who handles it, its deadline and what became of it. */
export const clueRegisterSheet: Sheet<RiskClue> = {
  name: 'clues',
  columns: [
    { header: 'filed at', type: 'dateTime', width: 20, value: (clue) => clue.filedAt },
    { header: 'clue id', type: 'text', width: 30, value: (clue) => clue.clueId },
    { header: 'subject', type: 'text', width: 36, value: (clue) => clue.subjectId },
    { header: 'kind', type: 'text', width: 18, value: (clue) => clueKindOf(clue) },
    { header: 'source', type: 'text', width: 10, value: (clue) => clue.source },
    { header: 'severity', type: 'text', width: 9, value: (clue) => clue.severity },
    { header: 'state', type: 'text', width: 10, value: (clue) => clueStateOf(clue) },
    { header: 'region', type: 'text', width: 8, value: (clue) => clue.regionCode },
    { header: 'enterprise', type: 'text', width: 20, value: (clue) => clue.enterpriseId },
    { header: 'unit', type: 'text', width: 14, value: (clue) => clue.unitId },
    { header: 'deadline', type: 'dateTime', width: 20, value: (clue) => clue.deadline },
    { header: 'escalations', type: 'number', width: 10, value: (clue) => clue.escalations },
    { header: 'complaint', type: 'text', width: 40, value: (clue) => clue.text },
    { header: 'findings', type: 'text', width: 40, value: (clue) => clue.verification?.findings },
    { header: 'case number', type: 'text', width: 24, value: (clue) => clue.case?.caseNumber },
    { header: 'penalty decision', type: 'text', width: 40, value: (clue) => clue.case?.penalty?.decision },
    { header: 'published', type: 'text', width: 9, value: (clue) => (clue.case?.penalty ? (clue.case.penalty.publish ? 'yes' : 'no') : undefined) },
    { header: 'dismissal reason', type: 'text', width: 30, value: (clue) => clue.dismissal?.reason },
    { header: 'closed at', type: 'dateTime', width: 20, value: (clue) => clue.closedAt },
    { header: 'transaction id', type: 'text', width: 66, value: (clue) => clue.txId },
  ],
};
