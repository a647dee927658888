import type { Enterprise, IdentityBinding, PrefixAssignment, PrefixDelegation, RegulatorBinding } from '../../../model/src';
import { projectKeyConfirmation, projectRekeying } from './boundIdentities';
import { ColdChainBlockProjection } from './coldChainHandlers';
import type { LedgerModels, LedgerSource } from './models';
import { projectRiskClue } from './riskClues';
import { TraceEventBlockProjection } from './traceSubjects';

/** Applies one chaincode event to the projection. Must be an idempotent upsert: blocks can be replayed. */
export type ProjectionHandler = (models: LedgerModels, record: unknown, source: LedgerSource) => Promise<void>;

/** One chaincode event of a block, with where it came from. */
export interface ProjectedEvent {
  record: unknown;
  source: LedgerSource;
}

/**
 * Projects all events of the named kinds in one block at once, so documents that many transactions
 * touch are read and written once per block. Must be idempotent: blocks can be replayed.
 */
export interface BlockProjection {
  readonly events: readonly string[];
  project(models: LedgerModels, events: readonly ProjectedEvent[]): Promise<void>;
  /** Forgets anything remembered about the store (it is being rebuilt). */
  reset(): void;
}

/**
 * State records (enterprises, bindings) are keyed by their domain id and hold the latest version;
 * replaying in block order ends in the same document. Immutable events are keyed by
 * `<txId>:<eventIndex>`, so a replay rewrites the same document instead of adding one.
 */
export const eventKey = (source: LedgerSource): string => `${source.txId}:${source.eventIndex}`;

const upsert = async (model: LedgerModels[keyof LedgerModels], id: string, record: unknown, source: LedgerSource): Promise<void> => {
  await model.replaceOne({ _id: id }, { _id: id, record, source }, { upsert: true });
};

const regulatorId = (binding: RegulatorBinding): string => `${binding.mspId}/${binding.enrollmentId}`;

const prefixId = (assignment: Pick<PrefixAssignment, 'kind' | 'prefix'>): string => `${assignment.kind}|${assignment.prefix}`;
const delegationId = (delegation: PrefixDelegation): string => `${prefixId(delegation)}|${delegation.delegateId}`;

const coreProjectionHandlers: Record<string, ProjectionHandler> = {
  EnterpriseRegistered: (m, record, source) => upsert(m.enterprises, (record as Enterprise).id, record, source),
  EnterpriseRevoked: (m, record, source) => upsert(m.enterprises, (record as Enterprise).id, record, source),
  IdentityBound: (m, record, source) => {
    const binding = record as IdentityBinding;
    return upsert(m.identityBindings, `${binding.mspId}/${binding.enrollmentId}`, record, source);
  },
  RegulatorRegistered: (m, record, source) => upsert(m.regulators, regulatorId(record as RegulatorBinding), record, source),
  RegulatorRevoked: (m, record, source) => upsert(m.regulators, regulatorId(record as RegulatorBinding), record, source),
  IdentityKeyConfirmed: projectKeyConfirmation,
  IdentityRekeyed: projectRekeying,
  CompanyPrefixAssigned: (m, record, source) => upsert(m.companyPrefixes, prefixId(record as PrefixAssignment), record, source),
  CompanyPrefixDelegated: (m, record, source) => upsert(m.prefixDelegations, delegationId(record as PrefixDelegation), record, source),
  CompanyPrefixDelegationWithdrawn: (m, record, source) => upsert(m.prefixDelegations, delegationId(record as PrefixDelegation), record, source),
  RiskClueFiled: projectRiskClue,
};

/** Handlers of events projected one at a time, by chaincode event name. */
export const projectionHandlers: Record<string, ProjectionHandler> = coreProjectionHandlers;

/** Projections applied per block (a fresh set per projector: they may remember what they wrote). */
export const blockProjections = (): BlockProjection[] => [new ColdChainBlockProjection(), new TraceEventBlockProjection()];
