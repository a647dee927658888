import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/**
 * One upload of a lift's IoT runtime summaries, as received: primary data (the ledger holds only their
 * root and totals). `_id` = `<deviceCode>|<windowStart UTC>`, the anchor's own key; `lines` are the
 * summaries' canonical encodings in leaf order, one per line, so a proof can be rebuilt from them.
 */
export interface RuntimeUpload {
  _id: string;
  lines: string;
  merkleRoot: string;
  receivedAt: Date;
}

export function runtimeUploadModel(connection: Connection): Model<RuntimeUpload> {
  const schema = new Schema<RuntimeUpload>(
    { _id: String, lines: { type: String, required: true }, merkleRoot: { type: String, required: true }, receivedAt: { type: Date, required: true } },
    { collection: `${PRIMARY_COLLECTION_PREFIX}elevator_runtime_uploads`, versionKey: false },
  );
  return connection.models.RuntimeUpload ?? connection.model<RuntimeUpload>('RuntimeUpload', schema);
}
