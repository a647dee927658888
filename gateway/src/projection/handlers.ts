import type { Enterprise, IdentityBinding, RiskClue, TraceEvent } from '../../../model/src';
import { coldChainProjectionHandlers } from './coldChainHandlers';
import type { LedgerModels, LedgerSource } from './models';

/** Applies one chaincode event to the projection. Must be an idempotent upsert: blocks can be replayed. */
export type ProjectionHandler = (models: LedgerModels, record: unknown, source: LedgerSource) => Promise<void>;

/**
 * State records (enterprises, bindings) are keyed by their domain id and hold the latest version;
 * replaying in block order ends in the same document. Immutable events are keyed by
 * `<txId>:<eventIndex>`, so a replay rewrites the same document instead of adding one.
 */
export const eventKey = (source: LedgerSource): string => `${source.txId}:${source.eventIndex}`;

const upsert = async (model: LedgerModels[keyof LedgerModels], id: string, record: unknown, source: LedgerSource): Promise<void> => {
  await model.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
};

const coreProjectionHandlers: Record<string, ProjectionHandler> = {
  EnterpriseRegistered: (m, record, source) => upsert(m.enterprises, (record as Enterprise).id, record, source),
  EnterpriseRevoked: (m, record, source) => upsert(m.enterprises, (record as Enterprise).id, record, source),
  IdentityBound: (m, record, source) => {
    const binding = record as IdentityBinding;
    return upsert(m.identityBindings, `${binding.mspId}/${binding.enrollmentId}`, record, source);
  },
  TraceEventRecorded: (m, record, source) => upsert(m.traceEvents, eventKey(source), record as TraceEvent, source),
  RiskClueFiled: (m, record, source) => upsert(m.riskClues, (record as RiskClue).clueId, record, source),
};

/** Every domain's handlers, by chaincode event name. */
export const projectionHandlers: Record<string, ProjectionHandler> = { ...coreProjectionHandlers, ...coldChainProjectionHandlers };
