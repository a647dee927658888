import { Schema, type Connection, type Model } from 'mongoose';
import { coldChainModels } from './coldChainModels';
import { LEDGER_COLLECTION_PREFIX, ledgerModel, shapedModel } from './ledgerModel';
import type { ListPage } from './pagedList';
import type { TraceSubjectTimeline } from './traceSubjects';

export { LEDGER_COLLECTION_PREFIX, type LedgerSource, type ProjectedDocument } from './ledgerModel';


/** One model per kind of ledger record; each domain's models come from its own file. */
export function ledgerModels(connection: Connection) {
  return {
    ...coldChainModels(connection),
    enterprises: ledgerModel(connection, 'LedgerEnterprise', 'enterprises', [{ 'record.kinds': 1 }, { 'record.status': 1 }]),
    identityBindings: ledgerModel(connection, 'LedgerIdentityBinding', 'identity_bindings', [{ 'record.enterpriseId': 1 }]),
    /** `_id` = `<kind>|<prefix>`: GS1 company prefixes and their owners. */
    companyPrefixes: ledgerModel(connection, 'LedgerCompanyPrefix', 'company_prefixes', [{ 'record.enterpriseId': 1 }]),
    /** `_id` = `<kind>|<prefix>|<delegateId>`: delegations, with `withdrawnAt` once withdrawn. */
    prefixDelegations: ledgerModel(connection, 'LedgerPrefixDelegation', 'prefix_delegations'),
    /** `_id` = `<mspId>/<enrollmentId>`: regulator identities registered on chain, with their status. */
    regulators: ledgerModel(connection, 'LedgerRegulator', 'regulators'),
    traceEvents: ledgerModel(connection, 'LedgerTraceEvent', 'trace_events'),
    traceSubjects: shapedModel<TraceSubjectTimeline>(connection, 'LedgerTraceSubject', 'trace_subjects'),
    /** `_id` = `<subjectId>|<clueId>` (see riskClues.ts): clue ids are unique per subject only. */
    riskClues: ledgerModel(connection, 'LedgerRiskClue', 'risk_clues'),
    /** Paged lists of the clues' own ids (as on the ledger and in the API), head `_id` = subject id. */
    riskClueSubjects: shapedModel<ListPage<string>>(connection, 'LedgerRiskClueSubject', 'risk_clue_subjects'),
  };
}

export type LedgerModels = ReturnType<typeof ledgerModels>;

/**
 * Bump when projected documents change shape or keys: a projector finding an older version in the
 * checkpoint rebuilds every ledger-derived collection from block 0 by itself.
 */
export const PROJECTION_VERSION = 8;

export interface ProjectionCheckpoint {
  _id: string;
  /** The next block to project; every block below it is fully projected. */
  nextBlock: number;
  /** {@link PROJECTION_VERSION} of the code that wrote the documents. */
  version?: number;
  updatedAt: Date;
}

export function checkpointModel(connection: Connection): Model<ProjectionCheckpoint> {
  const schema = new Schema<ProjectionCheckpoint>(
    { _id: String, nextBlock: { type: Number, required: true }, version: Number, updatedAt: Date },
    { collection: `${LEDGER_COLLECTION_PREFIX}checkpoints`, versionKey: false },
  );
  return connection.models.ProjectionCheckpoint ?? connection.model<ProjectionCheckpoint>('ProjectionCheckpoint', schema);
}
