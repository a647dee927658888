import { Schema, type Connection } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from './primaryData';

/**
 * One revocation: of a single token (`_id` `jti:<jti>`), or of every token of a principal issued
 * before `notBefore` (`_id` `enterprise:<credit code>` or `enrollment:<enrollment id>`). Primary data:
 * it exists nowhere else.
 */
export interface TokenRevocation {
  _id: string;
  /** Principal revocations only: tokens issued before this instant are refused. */
  notBefore?: Date;
  /** After this, every token the record can refuse has expired anyway and the record may go. */
  expiresAt: Date;
  revokedAt: Date;
  revokedBy: string;
  reason?: string;
}

/** Where revocations are kept; `_id` lookups only, so any MongoDB-compatible store serves. */
export interface TokenRevocationRecords {
  find(ids: readonly string[]): Promise<TokenRevocation[]>;
  save(revocation: TokenRevocation): Promise<void>;
  /** Deletes records that expired before `now`. */
  prune(now: Date): Promise<void>;
}

/**
 * The store's revocations. FerretDB 1.x refuses TTL indexes (`expireAfterSeconds`), so expired
 * records are pruned by the deny list's own timer instead; the collection stays small either way.
 */
export function tokenRevocationRecords(connection: Connection): TokenRevocationRecords {
  const schema = new Schema<TokenRevocation>(
    {
      _id: String,
      notBefore: Date,
      expiresAt: { type: Date, required: true },
      revokedAt: { type: Date, required: true },
      revokedBy: { type: String, required: true },
      reason: String,
    },
    { collection: `${PRIMARY_COLLECTION_PREFIX}token_revocations`, versionKey: false },
  );
  const model = connection.models.TokenRevocation ?? connection.model<TokenRevocation>('TokenRevocation', schema);
  return {
    find: (ids) => model.find({ _id: { $in: ids } }).lean<TokenRevocation[]>().exec(),
    save: async (revocation) => {
      await model.replaceOne({ _id: revocation._id }, revocation, { upsert: true });
    },
    prune: async (now) => {
      await model.deleteMany({ expiresAt: { $lt: now } });
    },
  };
}
