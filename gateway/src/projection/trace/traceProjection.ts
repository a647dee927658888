import { TraceEvents, type TraceEvent } from '../../../../model/src';
import { bulkReplace } from '../../store/bulkReplace';
import { mapParallel } from '../../store/mapParallel';
import { cacheKeys } from '../cacheKeys';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import type { SubjectEvent, TraceModels } from './models';
import { projectionTuning } from '../../config';

/** Events per timeline page: a page of full events (≤ 32 details of ≤ 1 KB) stays far below the store's 16 MB and our 1 MB. */
export const TIMELINE_PAGE_EVENTS = projectionTuning().timelinePageEvents;

/** Immutable events are keyed by `<txId>:<eventIndex>`, so a replay rewrites the same document instead of adding one. */
const eventKey = (source: LedgerSource): string => `${source.txId}:${source.eventIndex}`;

/**
 * Trace events: each under its ledger identity (`<txId>:<eventIndex>`) and in its subject's paged
 * timeline, one read-modify-write per touched subject per block. Timelines append past their
 * high-water mark, so a replayed block rewrites the same documents.
 */
export function traceProjection(collections: TraceModels): DomainProjection {
  return {
    name: 'trace',
    events: Object.values(TraceEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      const bySubject = new Map<string, { item: SubjectEvent; source: LedgerSource }[]>();
      for (const { record, source } of events) {
        const event = { ...(record as TraceEvent), source };
        bySubject.set(event.subjectId, [...(bySubject.get(event.subjectId) ?? []), { item: event, source }]);
      }
      await bulkReplace(collections.traceEvents, events.map(({ record, source }) => ({ _id: eventKey(source), record, source })));
      await mapParallel([...bySubject.keys()], 8, (subjectId) => appendToPagedList(collections.traceSubjects, subjectId, bySubject.get(subjectId) ?? [], TIMELINE_PAGE_EVENTS));
    },
    touchedKeys: (_eventName, record) => [cacheKeys.subject(String((record as TraceEvent).subjectId))],
  };
}
