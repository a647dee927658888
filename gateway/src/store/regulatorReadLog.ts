import crypto from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from './primaryData';

/**
 * One read in which a regulator (or the platform admin) saw more of a record than the public does:
 * who, when, through which route, about which subject. Primary data, not derived from the ledger
 * (reads leave no trace there), so its collection is `primary_` and reprojection never drops it.
 */
export interface RegulatorRead {
  /** `<ISO time>|<uuid>`: sorts by time, and `_id` is the one field every store indexes. */
  _id: string;
  at: Date;
  /** The token's subject: the regulator's enrollment id, or the admin's. */
  who: string;
  role: string;
  /** The route read, as Express names it, e.g. `GET /coldchain/lots/:lotId`. */
  route: string;
  subjectId: string;
}

export interface RegulatorReadPage {
  reads: RegulatorRead[];
  page: number;
  pages: number;
}

/** Append-only: reads are recorded and listed, never changed or deleted. */
export interface RegulatorReadLog {
  record(read: Omit<RegulatorRead, '_id' | 'at'>): Promise<void>;
  /** Newest first, `size` a page, pages counted from 0. */
  page(page: number, size: number): Promise<RegulatorReadPage>;
}

export function regulatorReadLog(connection: Connection): RegulatorReadLog {
  const schema = new Schema<RegulatorRead>(
    {
      _id: String,
      at: { type: Date, required: true, immutable: true },
      who: { type: String, required: true, immutable: true },
      role: { type: String, required: true, immutable: true },
      route: { type: String, required: true, immutable: true },
      subjectId: { type: String, required: true, immutable: true },
    },
    { collection: `${PRIMARY_COLLECTION_PREFIX}regulator_reads`, versionKey: false },
  );
  const model = connection.models.RegulatorRead ?? connection.model<RegulatorRead>('RegulatorRead', schema);
  return {
    record: async (read) => {
      const at = new Date();
      // insertOne, never an upsert: an entry once written is not overwritten.
      await model.collection.insertOne({ _id: `${at.toISOString()}|${crypto.randomUUID()}` as never, at, ...read });
    },
    page: async (page, size) => {
      const total = await model.estimatedDocumentCount();
      const reads = await model.find({}).sort({ _id: -1 }).skip(page * size).limit(size).lean<RegulatorRead[]>().exec();
      return { reads, page, pages: Math.max(1, Math.ceil(total / size)) };
    },
  };
}
