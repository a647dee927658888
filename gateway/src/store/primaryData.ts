import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Primary off-chain data: facts that exist only here (idempotency records, see ledgerWrites/; uploaded files,
 * raw sensor readings, scan logs and contact details as the domains land). Collections are prefixed
 * `primary_`; reprojection never touches them, and backups must include them (see README).
 */
export const PRIMARY_COLLECTION_PREFIX = 'primary_';

/** A consumer's contact details for a complaint: off chain only, deleted on the consumer's request. */
export interface ComplaintContact {
  /** The clue id (the filing transaction id). */
  _id: string;
  contact: string;
  /** SHA-256 of the token handed to the consumer, who alone can purge the contact. */
  purgeTokenHash: string;
  createdAt: Date;
}

export function complaintContactModel(connection: Connection): Model<ComplaintContact> {
  const schema = new Schema<ComplaintContact>(
    { _id: String, contact: { type: String, required: true }, purgeTokenHash: { type: String, required: true }, createdAt: { type: Date, required: true } },
    { collection: `${PRIMARY_COLLECTION_PREFIX}complaint_contacts`, versionKey: false },
  );
  return connection.models.ComplaintContact ?? connection.model<ComplaintContact>('ComplaintContact', schema);
}
