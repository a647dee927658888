import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/**
 * One scan of a code, anonymised: the minute, the hour bucket, the coarse region the client claimed
 * (province and city digits of the administrative code, never finer) and a salted hash of the
 * client's network — enough to count independent sources, not to find a person. Primary data.
 */
export interface ScanEvent {
  subjectId: string;
  at: Date;
  hour: string;
  province?: string;
  city?: string;
  client: string;
}

export function scanEventModel(connection: Connection): Model<ScanEvent> {
  const schema = new Schema<ScanEvent>(
    { subjectId: { type: String, required: true }, at: { type: Date, required: true }, hour: { type: String, required: true }, province: String, city: String, client: { type: String, required: true } },
    { collection: `${PRIMARY_COLLECTION_PREFIX}scan_events`, versionKey: false },
  );
  schema.index({ subjectId: 1, hour: 1 });
  return connection.models.ScanEvent ?? connection.model<ScanEvent>('ScanEvent', schema);
}
