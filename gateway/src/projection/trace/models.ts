import type { Connection } from 'mongoose';
import type { TraceEvent } from '../../../../model/src';
import { ledgerModel, shapedModel, type LedgerSource } from '../ledgerModel';
import type { ListPage } from '../pagedList';

export type SubjectEvent = TraceEvent & { source: LedgerSource };

/** A page of one subject's trace events, oldest first (`ledger_trace_subjects`, head `_id` = subject id). */
export type TraceSubjectTimeline = ListPage<SubjectEvent>;

/** Trace events under their ledger identity, and each subject's paged timeline of them. */
export function traceModels(connection: Connection) {
  return {
    traceEvents: ledgerModel(connection, 'LedgerTraceEvent', 'trace_events'),
    traceSubjects: shapedModel<TraceSubjectTimeline>(connection, 'LedgerTraceSubject', 'trace_subjects'),
  };
}

export type TraceModels = ReturnType<typeof traceModels>;
