import { Schema, type Connection, type Model } from 'mongoose';
import { LEDGER_COLLECTION_PREFIX, type LedgerSource } from './ledgerModel';

/**
 * A committed transaction the projector could not apply while the store was healthy. Its event is
 * kept as JSON text, not as a document: what failed may be exactly a shape the store cannot hold.
 */
export interface DeadLetter {
  /** The transaction id: a replayed block dead-letters the same transaction once. */
  _id: string;
  source: LedgerSource;
  eventName: string;
  /** The event payload as committed, cut to {@link MAX_PAYLOAD_CHARS}. */
  payload: string;
  error: string;
  /** Read-cache keys (cacheKeys.ts) of what the transaction touched: their pages warn that data may be out of date. */
  touched: string[];
  at: Date;
}

const MAX_PAYLOAD_CHARS = 64 * 1024;
/** A hostile writer could commit many unprojectable transactions; the warning set stays bounded. */
const MAX_REMEMBERED_KEYS = 100_000;

function deadLetterModel(connection: Connection): Model<DeadLetter> {
  const schema = new Schema<DeadLetter>(
    { _id: String, source: Schema.Types.Mixed, eventName: String, payload: String, error: String, touched: [String], at: Date },
    // Ledger-derived: a reprojection drops them and tries those transactions again.
    { collection: `${LEDGER_COLLECTION_PREFIX}dead_letters`, versionKey: false },
  );
  return (connection.models.ProjectionDeadLetter as Model<DeadLetter> | undefined) ?? connection.model<DeadLetter>('ProjectionDeadLetter', schema);
}

/** The dead letters of the projection, and the keys they touched, remembered for the consumer page. */
export class DeadLetters {
  readonly model: Model<DeadLetter>;
  readonly #touched = new Set<string>();
  #count = 0;

  constructor(connection: Connection) {
    this.model = deadLetterModel(connection);
  }

  get count(): number {
    return this.#count;
  }

  /** Whether a dead-lettered transaction touched this read-cache key (cacheKeys.ts). */
  touches(key: string): boolean {
    return this.#touched.has(key);
  }

  /** Reads what is stored (after a restart or a rebuild). */
  async load(): Promise<void> {
    this.#touched.clear();
    this.#count = 0;
    for await (const letter of this.model.find({}, { touched: 1 }).lean().cursor()) {
      this.#count++;
      this.#remember(letter.touched);
    }
  }

  async add(letter: Omit<DeadLetter, '_id' | 'at' | 'payload'> & { payload: string }): Promise<void> {
    const doc: DeadLetter = { ...letter, _id: letter.source.txId, payload: letter.payload.slice(0, MAX_PAYLOAD_CHARS), at: new Date() };
    const result = await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true });
    if (result.upsertedCount > 0) this.#count++;
    this.#remember(doc.touched);
  }

  #remember(keys: readonly string[]): void {
    for (const key of keys) {
      if (this.#touched.size >= MAX_REMEMBERED_KEYS) return;
      this.#touched.add(key);
    }
  }
}
