import { RiskClueEvents, type RiskClue } from '../../../../model/src';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import { appendToPagedList } from '../pagedList';
import type { ClueModels } from './models';

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

/**
 * Projects each filed clue and appends its id to its subject's paged list, so "clues of this item"
 * is a few `_id` lookups, not a scan of all clues. Both writes are keyed by ledger identity: a replay
 * changes nothing. Clues are few: each is written as it comes, in ledger order.
 */
export function clueProjection(collections: ClueModels): DomainProjection {
  return {
    name: 'clues',
    events: Object.values(RiskClueEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      for (const { record, source } of events) {
        const clue = record as RiskClue;
        const id = riskClueDocumentId(clue);
        await collections.riskClues.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
        await appendToPagedList(collections.riskClueSubjects, clue.subjectId, [{ item: clue.clueId, source }], CLUE_LIST_PAGE_ITEMS);
      }
    },
    // No read caches clues: regulators' pages read them from the store.
    touchedKeys: () => [],
  };
}
