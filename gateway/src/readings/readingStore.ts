import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

export type ReadingAssurance = 'device-signed' | 'typed';

/**
 * Raw temperature readings as loggers' owners uploaded them. Primary data: it exists nowhere else (the
 * ledger holds only each window's root), so reprojection never touches it and backups must include it.
 *
 * Stored per window, not per reading, and every lookup is by `_id` (FerretDB pushes only `{_id}`
 * filters down to SQLite; any other filter decodes the whole collection):
 *
 * | collection (primary_coldchain_…) | `_id`                               | holds                                              |
 * | -------------------------------- | ----------------------------------- | -------------------------------------------------- |
 * | `reading_windows`                | `<loggerId>\|<windowStart>`         | window header: count, chunks, anchor once anchored |
 * | `reading_chunks`                 | `<loggerId>\|<windowStart>\|<k>`    | up to {@link READINGS_PER_CHUNK} readings in leaf order, one line each in one string |
 * | `reading_ids`                    | `<loggerId>\|<bucket>`              | `readingId windowStart leaf16` per stored reading, in 16 buckets by a hash of the id, one string per upload |
 * | `reading_directory`              | `<loggerId>`                        | the logger's window starts (readings before a window, for open excursions) |
 *
 * A window's chunks are written before its header, and chunk 0 is the claim: a second upload of the
 * same window collides on it. The id buckets find a reading's window for proofs and refuse a reading
 * id reused with other content; `leaf16` is the first 16 hex digits of the reading's leaf hash.
 */
export const READINGS_PER_CHUNK = 5_000;
export const READING_ID_BUCKETS = 16;

export interface ReadingWindowDocument {
  _id: string;
  loggerId: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  chunks: number;
  deviceSignedCount: number;
  uploadedBy: string;
  uploadedAt: Date;
  /** Set once the window's root is committed on the ledger. */
  anchor?: { txId: string; merkleRoot: string };
}

/**
 * Readings of one chunk in leaf order (time, then id), as ONE string: a line per reading,
 * `readingId TAB time-as-sent TAB tenthsC TAB signature-or-empty TAB 1-if-device-signed-else-0`.
 * One string field instead of arrays of thousands of values: FerretDB converts every value of a
 * document between BSON and its SQLite JSON, so a chunk costs one value, not five per reading.
 * Reading ids are printable ASCII without spaces and times are ISO 8601, so neither holds a tab or newline.
 */
export interface ReadingChunkDocument {
  _id: string;
  count: number;
  readings: string;
}

/** Per upload that stored readings of the bucket, one string of `readingId SPACE windowStart SPACE leaf16` lines. */
export interface ReadingIdBucket {
  _id: string;
  entries: string[];
}

export interface ReadingDirectory {
  _id: string;
  windowStarts: string[];
}

export const readingWindowId = (loggerId: string, windowStart: string): string => `${loggerId}|${windowStart}`;
export const readingChunkId = (loggerId: string, windowStart: string, chunk: number): string => `${loggerId}|${windowStart}|${chunk}`;

/** The id bucket of a reading id: FNV-1a of its characters (ids are printable ASCII). */
export function readingIdBucket(loggerId: string, readingId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < readingId.length; i++) {
    hash = Math.imul(hash ^ readingId.charCodeAt(i), 0x01000193);
  }
  return `${loggerId}|${(hash >>> 0) % READING_ID_BUCKETS}`;
}

/** The answer of a finished upload per (principal, Idempotency-Key), so a retry gets it back as it was. */
export interface ReadingUploadReceipt {
  _id: string;
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: Date;
}

export interface ReadingModels {
  windows: Model<ReadingWindowDocument>;
  chunks: Model<ReadingChunkDocument>;
  ids: Model<ReadingIdBucket>;
  directory: Model<ReadingDirectory>;
  uploads: Model<ReadingUploadReceipt>;
}

export function readingModels(connection: Connection): ReadingModels {
  const collection = (name: string): string => `${PRIMARY_COLLECTION_PREFIX}coldchain_${name}`;
  const options = (name: string): { collection: string; versionKey: false; minimize: false } => ({ collection: collection(name), versionKey: false, minimize: false });
  const model = <T>(name: string, schema: Schema<T>): Model<T> => (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
  return {
    windows: model('ColdChainReadingWindow', new Schema<ReadingWindowDocument>(
      {
        _id: String, loggerId: String, windowStart: String, windowEnd: String, count: Number, chunks: Number, deviceSignedCount: Number,
        uploadedBy: String, uploadedAt: Date, anchor: { type: new Schema({ txId: String, merkleRoot: String }, { _id: false }), required: false },
      },
      options('reading_windows'),
    )),
    chunks: model('ColdChainReadingChunk', new Schema<ReadingChunkDocument>(
      { _id: String, count: Number, readings: String },
      options('reading_chunks'),
    )),
    ids: model('ColdChainReadingIds', new Schema<ReadingIdBucket>({ _id: String, entries: [String] }, options('reading_ids'))),
    directory: model('ColdChainReadingDirectory', new Schema<ReadingDirectory>({ _id: String, windowStarts: [String] }, options('reading_directory'))),
    uploads: model('ColdChainReadingUpload', new Schema<ReadingUploadReceipt>(
      { _id: String, requestHash: { type: String, required: true }, status: Number, body: Schema.Types.Mixed, createdAt: { type: Date, required: true } },
      options('reading_uploads'),
    )),
  };
}
