import { clueKindOf, clueStateOf, RiskClueEvents, type RiskClue } from '../../../../model/src';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import { bulkReplace } from '../../store/bulkReplace';
import { mapParallel } from '../../store/mapParallel';
import { appendToPagedList } from '../pagedList';
import { applyCounts, countChange, countIds, enterpriseClueCountId, isOverdueClue } from './clueCounts';
import type { ClueCounts, ClueModels } from './models';
import { byIds } from '../../store/byIds';

/**
 * The projected document id of a risk clue: subject and clue id, the two parts of its ledger key.
 * A clue id alone is unique per subject only (every code flagged in one hour gets `scan:<hour>`).
 * Subject ids hold a fixed number of `/` and no clue id holds `|` unless it names its subject, so no two
 * clues share a document id.
 *
 * @example riskClueDocumentId({ subjectId: '01/09521234543213/21/SN1', clueId: 'scan:2026-11-29T22:00:00.000Z' })
 * // '01/09521234543213/21/SN1|scan:2026-11-29T22:00:00.000Z'
 */
export const riskClueDocumentId = (clue: Pick<RiskClue, 'subjectId' | 'clueId'>): string => `${clue.subjectId}|${clue.clueId}`;

/** Clue ids per page of a subject's clue list. */
export const CLUE_LIST_PAGE_ITEMS = 500;
/** Lists written at once: each is its own documents, so they do not contend. */
const LIST_WRITERS = 8;

/** Clue document ids per page of a region's lists. */
export const CLUE_REGION_PAGE_ITEMS = 200;

/** The list of a region's clues (`all` for every region), or of those that entered `state` there. */
export const clueRegionListId = (region: string, state?: string): string => (state ? `${region}|${state}` : region);
/** The list of a region's clues of one kind (see clueKindOf). */
export const clueKindListId = (region: string, kind: string): string => `${region}|kind:${kind}`;
/** The list of a region's cases whose penalty decision is to be published, in the order decided. */
export const publishedCaseListId = (region: string): string => `${region}|published`;
/** The list of a region's clues as each became overdue; a clue closed since is no longer overdue: readers check it. */
export const overdueClueListId = (region: string): string => `${region}|overdue`;

const published = (clue: RiskClue | undefined): boolean => clue?.case?.penalty?.publish === true;

/**
 * Projects each clue as last written; appends a raised clue to its subject's list; lists it under
 * its region, the regions above it and `all`, per state it enters, under its kind, once overdue under the overdue
 * clues, and once its penalty is to be published under the published cases; lists it under its deadline day;
 * and keeps the counters closure rates, overdue counts and credit grades are read from. Lists are appended, never
 * rewritten: an entry left behind by a clue that moved on is dropped by readers.
 */
export function clueProjection(collections: ClueModels): DomainProjection {
  return {
    name: 'clues',
    events: Object.values(RiskClueEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      // A group's clues at once: the documents as they were before it, then every write gathered per
      // document and per list, so a burst of clues costs a few store calls per list, not per clue.
      const updatedIds = [...new Set(events.filter((e) => e.name !== RiskClueEvents.riskClueFiled).map((e) => riskClueDocumentId(e.record as RiskClue)))];
      const current = new Map<string, RiskClue>();
      if (updatedIds.length > 0) {
        for (const doc of await byIds(collections.riskClues, updatedIds)) current.set(doc._id, doc.record as unknown as RiskClue);
      }
      const docs = new Map<string, { _id: string; record: unknown; source: ProjectedEvent['source'] }>();
      const subjectLists = new Map<string, { item: string; source: ProjectedEvent['source'] }[]>();
      const regionLists = new Map<string, { item: string; source: ProjectedEvent['source'] }[]>();
      const deadlineLists = new Map<string, { item: string; source: ProjectedEvent['source'] }[]>();
      const push = (lists: Map<string, { item: string; source: ProjectedEvent['source'] }[]>, listId: string, item: string, source: ProjectedEvent['source']): void => {
        const list = lists.get(listId);
        if (list) list.push({ item, source });
        else lists.set(listId, [{ item, source }]);
      };
      const counts: { id: string; source: ProjectedEvent['source']; change: (c: ClueCounts) => void }[] = [];
      for (const { name, record, source } of events) {
        const clue = record as RiskClue;
        const id = riskClueDocumentId(clue);
        const raised = name === RiskClueEvents.riskClueFiled;
        // Replayed after a crash, `before` may already show this step: lists and counters keep their own marks.
        const before = raised ? undefined : current.get(id);
        current.set(id, clue);
        docs.set(id, { _id: id, record, source });
        // The chain the ledger recorded when the clue was raised, never the read store's region table:
        // a rebuild must list every clue where the live projection did.
        const regions = clue.regionChain ?? (clue.regionCode ? [clue.regionCode] : []);
        const state = clueStateOf(clue);
        if (raised) push(subjectLists, clue.subjectId, clue.clueId, source);
        for (const region of [...regions, 'all']) {
          if (raised) push(regionLists, clueRegionListId(region), id, source);
          if (raised) push(regionLists, clueKindListId(region, clueKindOf(clue)), id, source);
          if (published(clue) && !published(before)) push(regionLists, publishedCaseListId(region), id, source);
          if (isOverdueClue(clue) && !isOverdueClue(before)) push(regionLists, overdueClueListId(region), id, source);
          if (raised || (before && clueStateOf(before) !== state)) push(regionLists, clueRegionListId(region, state), id, source);
        }
        if (clue.deadline && state !== 'closed' && clue.deadline !== before?.deadline) push(deadlineLists, clue.deadline.slice(0, 10), id, source);
        const change = countChange(before, clue);
        const enterpriseCounts = clue.enterpriseId ? [enterpriseClueCountId(clue.enterpriseId)] : [];
        for (const countId of [...countIds(clue, regions), ...enterpriseCounts]) counts.push({ id: countId, source, change });
      }
      await bulkReplace(collections.riskClues, [...docs.values()]);
      await mapParallel([...subjectLists], LIST_WRITERS, ([listId, entries]) => appendToPagedList(collections.riskClueSubjects, listId, entries, CLUE_LIST_PAGE_ITEMS));
      await mapParallel([...regionLists], LIST_WRITERS, ([listId, entries]) => appendToPagedList(collections.riskClueRegions, listId, entries, CLUE_REGION_PAGE_ITEMS));
      await mapParallel([...deadlineLists], LIST_WRITERS, ([listId, entries]) => appendToPagedList(collections.riskClueDeadlines, listId, entries, CLUE_REGION_PAGE_ITEMS));
      await applyCounts(collections, counts);
    },
    // No read caches clues: regulators' pages read them from the store.
    touchedKeys: () => [],
  };
}
