import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';
import type { WriteOutcome } from './writeOutcome';

/** One write per Idempotency-Key (primary data: only here, never reprojected). */
export interface IdempotencyRecord {
  /** `<principal subject>:<Idempotency-Key>:<step>` */
  _id: string;
  requestHash: string;
  txId: string;
  /**
   * The prepared, unsigned proposal (base64): a retry after the first attempt's process died re-sends
   * it as it is, so at most one transaction commits.
   */
  proposal: string;
  state: 'pending' | 'done';
  /** Set with `state: 'done'`. */
  outcome?: WriteOutcome;
  createdAt: Date;
}

export function idempotencyModel(connection: Connection): Model<IdempotencyRecord> {
  const schema = new Schema<IdempotencyRecord>(
    {
      _id: String,
      requestHash: { type: String, required: true },
      txId: { type: String, required: true },
      proposal: { type: String, required: true },
      state: { type: String, required: true },
      outcome: Schema.Types.Mixed,
      createdAt: { type: Date, required: true },
    },
    { collection: `${PRIMARY_COLLECTION_PREFIX}idempotency_keys`, versionKey: false, minimize: false },
  );
  return connection.models.IdempotencyRecord ?? connection.model<IdempotencyRecord>('IdempotencyRecord', schema);
}
