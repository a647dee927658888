import { Schema, type Connection, type Model } from 'mongoose';
import { clueModels } from './clues';
import { coldChainModels } from './coldchain';
import { drugModels } from './drug';
import { elevatorModels } from './elevator';
import { LEDGER_COLLECTION_PREFIX } from './ledgerModel';
import { recallModels } from './recalls';
import { referenceModels } from './reference';
import { registryModels } from './registry';
import { samplingModels } from './sampling';
import { traceModels } from './trace';

export { LEDGER_COLLECTION_PREFIX, type LedgerSource, type ProjectedDocument } from './ledgerModel';

/** Every ledger-derived collection: each domain declares its own in its folder. */
export function ledgerModels(connection: Connection) {
  return {
    ...coldChainModels(connection),
    ...registryModels(connection),
    ...traceModels(connection),
    ...clueModels(connection),
    ...drugModels(connection),
    ...elevatorModels(connection),
    ...referenceModels(connection),
    ...recallModels(connection),
    ...samplingModels(connection),
  };
}

export type LedgerModels = ReturnType<typeof ledgerModels>;

/**
 * Bump when projected documents change shape or keys: a projector finding an older version in the
 * checkpoint rebuilds every ledger-derived collection from block 0 by itself.
 */
export const PROJECTION_VERSION = 19;

export interface ProjectionCheckpoint {
  _id: string;
  /** The next block to project; every block below it is fully projected. */
  nextBlock: number;
  /** {@link PROJECTION_VERSION} of the code that wrote the documents. */
  version?: number;
  /** The projector lease term of the process that wrote it (projectorLease.ts): a fencing token. */
  term?: number;
  updatedAt: Date;
}

export function checkpointModel(connection: Connection): Model<ProjectionCheckpoint> {
  const schema = new Schema<ProjectionCheckpoint>(
    { _id: String, nextBlock: { type: Number, required: true }, version: Number, term: Number, updatedAt: Date },
    { collection: `${LEDGER_COLLECTION_PREFIX}checkpoints`, versionKey: false },
  );
  return connection.models.ProjectionCheckpoint ?? connection.model<ProjectionCheckpoint>('ProjectionCheckpoint', schema);
}
