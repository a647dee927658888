import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

export type ReadingAssurance = 'device-signed' | 'typed';

/**
 * Where an anchored reading sits: its window (the anchor key), the window's size and anchoring
 * transaction. Its leaf index is its place in the window's leaf order (time, then reading id; see
 * `readingWindows.ts`), recomputed by the proof route rather than stored, so that placing a window's
 * readings is one update per thousand readings instead of one per reading.
 */
export interface ReadingPlacement {
  windowStart: string;
  treeSize: number;
  txId: string;
}

/**
 * A raw temperature reading as the logger's owner uploaded it. Primary data: it exists nowhere else
 * (the ledger holds only the window's root), so reprojection never touches it and backups must
 * include it. Stored before anchoring; `window` is set once its window committed.
 */
export interface StoredReading {
  /** `<loggerId>|<readingId>`: a re-upload upserts onto the same document. */
  _id: string;
  loggerId: string;
  readingId: string;
  /** As sent, with its UTC offset. */
  time: string;
  timeMs: number;
  tenthsC: number;
  signature?: string;
  /** RFC 6962 leaf hash of the canonical reading bytes, hex. */
  leafHash: string;
  assurance: ReadingAssurance;
  uploadedBy: string;
  uploadedAt: Date;
  window?: ReadingPlacement;
}

export const readingDocumentId = (loggerId: string, readingId: string): string => `${loggerId}|${readingId}`;

/** The answer of a finished upload per (principal, Idempotency-Key), so a retry gets it back as it was. */
export interface ReadingUploadReceipt {
  _id: string;
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: Date;
}

export interface ReadingModels {
  readings: Model<StoredReading>;
  uploads: Model<ReadingUploadReceipt>;
}

export function readingModels(connection: Connection): ReadingModels {
  const placement = new Schema<ReadingPlacement>(
    { windowStart: String, treeSize: Number, txId: String },
    { _id: false },
  );
  const readingSchema = new Schema<StoredReading>(
    {
      _id: String,
      loggerId: { type: String, required: true },
      readingId: { type: String, required: true },
      time: { type: String, required: true },
      timeMs: { type: Number, required: true },
      tenthsC: { type: Number, required: true },
      signature: String,
      leafHash: { type: String, required: true },
      assurance: { type: String, required: true },
      uploadedBy: { type: String, required: true },
      uploadedAt: { type: Date, required: true },
      window: { type: placement, required: false },
    },
    { collection: `${PRIMARY_COLLECTION_PREFIX}coldchain_readings`, versionKey: false },
  );
  readingSchema.index({ loggerId: 1, timeMs: 1 });
  readingSchema.index({ loggerId: 1, 'window.windowStart': 1 });
  const receiptSchema = new Schema<ReadingUploadReceipt>(
    { _id: String, requestHash: { type: String, required: true }, status: Number, body: Schema.Types.Mixed, createdAt: { type: Date, required: true } },
    { collection: `${PRIMARY_COLLECTION_PREFIX}coldchain_reading_uploads`, versionKey: false, minimize: false },
  );
  return {
    readings: connection.models.ColdChainReading ?? connection.model<StoredReading>('ColdChainReading', readingSchema),
    uploads: connection.models.ColdChainReadingUpload ?? connection.model<ReadingUploadReceipt>('ColdChainReadingUpload', receiptSchema),
  };
}
