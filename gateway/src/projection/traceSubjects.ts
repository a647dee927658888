import type { TraceEvent } from '../../../model/src';
import { bulkReplace, mapParallel } from './bulkReplace';
import type { BlockProjection, ProjectedEvent } from './handlers';
import type { LedgerModels, LedgerSource } from './models';

export type SubjectEvent = TraceEvent & { source: LedgerSource };

/** All trace events of one subject, oldest first (`ledger_trace_subjects`, `_id` = subject id). */
export interface TraceSubjectTimeline {
  _id: string;
  events: SubjectEvent[];
  source: LedgerSource;
}

const eventKey = (source: LedgerSource): string => `${source.txId}:${source.eventIndex}`;

/**
 * Trace events: each under its ledger identity (`<txId>:<eventIndex>`) and in its subject's timeline,
 * one read-modify-write per touched subject per block. Timelines merge by event identity, so a
 * replayed block rewrites the same documents.
 */
export class TraceEventBlockProjection implements BlockProjection {
  readonly events: readonly string[] = ['TraceEventRecorded'];

  reset(): void {}

  async project(models: LedgerModels, events: readonly ProjectedEvent[]): Promise<void> {
    const bySubject = new Map<string, SubjectEvent[]>();
    for (const { record, source } of events) {
      const event = { ...(record as TraceEvent), source };
      bySubject.set(event.subjectId, [...(bySubject.get(event.subjectId) ?? []), event]);
    }
    const subjects = [...bySubject.keys()];
    const timelines = await mapParallel(subjects, 32, async (subjectId) => {
      const existing = (await models.traceSubjects.findById(subjectId).lean()) as TraceSubjectTimeline | null;
      const merged = new Map((existing?.events ?? []).map((e) => [eventKey(e.source), e]));
      const added = bySubject.get(subjectId) ?? [];
      for (const event of added) merged.set(eventKey(event.source), event);
      const ordered = [...merged.values()].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.source.blockNumber - b.source.blockNumber || a.source.txIndex - b.source.txIndex);
      return { _id: subjectId, events: ordered, source: ordered[ordered.length - 1].source };
    });
    await bulkReplace(models.traceEvents, events.map(({ record, source }) => ({ _id: eventKey(source), record, source })));
    await bulkReplace(models.traceSubjects, timelines);
  }
}
