import type { TraceEvent } from '../../../model/src';
import { bulkReplace, mapParallel } from './bulkReplace';
import type { BlockProjection, ProjectedEvent } from './handlers';
import type { LedgerModels, LedgerSource } from './models';
import { appendToPagedList, type ListPage } from './pagedList';

export type SubjectEvent = TraceEvent & { source: LedgerSource };

/** A page of one subject's trace events, oldest first (`ledger_trace_subjects`, head `_id` = subject id). */
export type TraceSubjectTimeline = ListPage<SubjectEvent>;

/** Events per timeline page: a page of full events (≤ 32 details of ≤ 1 KB) stays far below the store's 16 MB and our 1 MB. */
export const TIMELINE_PAGE_EVENTS = Number(process.env.TRACELEDGER_TIMELINE_PAGE_EVENTS ?? 200);

const eventKey = (source: LedgerSource): string => `${source.txId}:${source.eventIndex}`;

/**
 * Trace events: each under its ledger identity (`<txId>:<eventIndex>`) and in its subject's paged
 * timeline, one read-modify-write per touched subject per block. Timelines append past their
 * high-water mark, so a replayed block rewrites the same documents.
 */
export class TraceEventBlockProjection implements BlockProjection {
  readonly events: readonly string[] = ['TraceEventRecorded'];

  reset(): void {}

  async project(models: LedgerModels, events: readonly ProjectedEvent[]): Promise<void> {
    const bySubject = new Map<string, { item: SubjectEvent; source: LedgerSource }[]>();
    for (const { record, source } of events) {
      const event = { ...(record as TraceEvent), source };
      bySubject.set(event.subjectId, [...(bySubject.get(event.subjectId) ?? []), { item: event, source }]);
    }
    await bulkReplace(models.traceEvents, events.map(({ record, source }) => ({ _id: eventKey(source), record, source })));
    await mapParallel([...bySubject.keys()], 8, (subjectId) => appendToPagedList(models.traceSubjects, subjectId, bySubject.get(subjectId) ?? [], TIMELINE_PAGE_EVENTS));
  }
}
