import type { Collection } from 'mongodb';
import { canonicalReadingText, leafHashOfText } from '../../../model/src';
import { Refusal } from '../refusal';
import {
  READINGS_PER_CHUNK,
  readingChunkId,
  readingIdBucket,
  readingWindowId,
  type ReadingChunkDocument,
  type ReadingDirectory,
  type ReadingIdBucket,
  type ReadingModels,
  type ReadingWindowDocument,
} from './readingStore';
import type { ReadingWindow } from './readingWindows';

/** A reading ready to store: parsed, its leaf hashed and its signature checked. */
export interface PreparedReading {
  readingId: string;
  time: string;
  timeMs: number;
  tenthsC: number;
  signature?: string;
  leaf: Buffer;
  deviceSigned: boolean;
}

/** Where the id buckets say a stored reading is. */
export interface KnownReading {
  windowStart: string;
  leaf16: string;
}

/** A stored window: its header and its readings in leaf order. */
export interface StoredWindow {
  header: ReadingWindowDocument;
  readings: PreparedReading[];
}

const DUPLICATE_KEY = 11000;
/** A chunk's lines without the signature columns: ECDSA signatures differ each time a device signs. */
const withoutSignatures = (lines: string): string => lines.split('\n').map((line) => line.split('\t').slice(0, 3).join('\t')).join('\n');
const isDuplicateKey = (error: unknown): boolean =>
  (error as { code?: number }).code === DUPLICATE_KEY || ((error as { writeErrors?: { code?: number }[] }).writeErrors ?? []).some((e) => e.code === DUPLICATE_KEY);

/**
 * Windows of readings in the primary store (layout in `readingStore.ts`): every read and write is by
 * `_id`, through the driver's collections (no per-element casting of 5,000-element arrays).
 */
export class ReadingWindowStore {
  readonly #windows: Collection<ReadingWindowDocument>;
  readonly #chunks: Collection<ReadingChunkDocument>;
  readonly #ids: Collection<ReadingIdBucket>;
  readonly #directory: Collection<ReadingDirectory>;

  constructor(models: ReadingModels) {
    this.#windows = models.windows.collection as unknown as Collection<ReadingWindowDocument>;
    this.#chunks = models.chunks.collection as unknown as Collection<ReadingChunkDocument>;
    this.#ids = models.ids.collection as unknown as Collection<ReadingIdBucket>;
    this.#directory = models.directory.collection as unknown as Collection<ReadingDirectory>;
  }

  /** Which of these reading ids the logger has stored, and where (one `_id` read per id bucket touched). */
  async known(loggerId: string, readingIds: readonly string[]): Promise<Map<string, KnownReading>> {
    const wanted = new Set(readingIds);
    const buckets = new Set(readingIds.map((id) => readingIdBucket(loggerId, id)));
    const found = new Map<string, KnownReading>();
    await Promise.all([...buckets].map(async (bucketId) => {
      const bucket = await this.#ids.findOne({ _id: bucketId });
      for (const upload of bucket?.entries ?? []) {
        for (const entry of upload.split('\n')) {
          const [readingId, windowStart, leaf16] = entry.split(' ');
          if (wanted.has(readingId)) {
            found.set(readingId, { windowStart, leaf16 });
          }
        }
      }
    }));
    return found;
  }

  /**
   * Stores a window's chunks, then its header. Chunk 0 is the claim: when it exists already, the
   * stored window must hold exactly these readings (a retry after a crash), else the upload is refused.
   * {@link index} then makes its readings findable.
   */
  async store(loggerId: string, window: ReadingWindow<PreparedReading>, uploadedBy: string): Promise<ReadingWindowDocument> {
    const chunks: ReadingChunkDocument[] = [];
    for (let start = 0, k = 0; start < window.readings.length; start += READINGS_PER_CHUNK, k++) {
      const part = window.readings.slice(start, start + READINGS_PER_CHUNK);
      chunks.push({
        _id: readingChunkId(loggerId, window.windowStart, k),
        count: part.length,
        readings: part.map((r) => `${r.readingId}\t${r.time}\t${r.tenthsC}\t${r.signature ?? ''}\t${r.deviceSigned ? 1 : 0}`).join('\n'),
      });
    }
    try {
      await this.#chunks.insertMany(chunks, { ordered: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.#requireSameWindow(loggerId, window, chunks);
    }
    const header: ReadingWindowDocument = {
      _id: readingWindowId(loggerId, window.windowStart),
      loggerId,
      windowStart: window.windowStart,
      windowEnd: window.windowEnd,
      count: window.readings.length,
      chunks: chunks.length,
      deviceSignedCount: window.readings.filter((r) => r.deviceSigned).length,
      uploadedBy,
      uploadedAt: new Date(),
    };
    await this.#windows.updateOne({ _id: header._id }, { $setOnInsert: header }, { upsert: true });
    return header;
  }

  /**
   * Records every reading id of these stored windows in its bucket (one upsert per bucket touched, for
   * the whole upload) and the windows in the logger's directory. A crash before this leaves the
   * windows stored but unfindable; the upload's retry finds chunk 0 taken with the same readings and
   * indexes them then (an entry twice is harmless: both say the same).
   */
  async index(loggerId: string, windows: readonly ReadingWindow<PreparedReading>[]): Promise<void> {
    const perBucket = new Map<string, string[]>();
    for (const window of windows) {
      for (const reading of window.readings) {
        const bucket = readingIdBucket(loggerId, reading.readingId);
        const entries = perBucket.get(bucket) ?? [];
        entries.push(`${reading.readingId} ${window.windowStart} ${reading.leaf.toString('hex', 0, 8)}`);
        perBucket.set(bucket, entries);
      }
    }
    if (perBucket.size === 0) {
      return;
    }
    // One updateOne per bucket, not one bulkWrite: FerretDB 1.24 hung with 32 uploads' bulk upserts in flight.
    for (const [bucketId, entries] of perBucket) {
      await this.#ids.updateOne({ _id: bucketId }, { $push: { entries: entries.join('\n') } }, { upsert: true });
    }
    await this.#directory.updateOne({ _id: loggerId }, { $addToSet: { windowStarts: { $each: windows.map((w) => w.windowStart) } } }, { upsert: true });
  }

  async #requireSameWindow(loggerId: string, window: ReadingWindow<PreparedReading>, chunks: ReadingChunkDocument[]): Promise<void> {
    for (const chunk of chunks) {
      const stored = await this.#chunks.findOne({ _id: chunk._id });
      if (!stored) {
        await this.#chunks.insertOne(chunk);
      } else if (withoutSignatures(stored.readings) !== withoutSignatures(chunk.readings)) {
        throw new Refusal('CONFLICT', `logger ${loggerId} already has a window starting ${window.windowStart} with other readings; a reading at the same instant as a stored one cannot be stored`);
      }
    }
  }

  header(loggerId: string, windowStart: string): Promise<ReadingWindowDocument | null> {
    return this.#windows.findOne({ _id: readingWindowId(loggerId, windowStart) });
  }

  async markAnchored(header: ReadingWindowDocument, anchor: { txId: string; merkleRoot: string }): Promise<void> {
    await this.#windows.updateOne({ _id: header._id }, { $set: { anchor } });
  }

  /** A window's readings in leaf order, leaves recomputed from the stored fields. */
  async readings(loggerId: string, header: ReadingWindowDocument, fromChunk = 0): Promise<PreparedReading[]> {
    const readings: PreparedReading[] = [];
    for (let k = fromChunk; k < header.chunks; k++) {
      const chunk = await this.#chunks.findOne({ _id: readingChunkId(loggerId, header.windowStart, k) });
      if (!chunk) {
        throw new Error(`chunk ${k} of window ${header.windowStart} of logger ${loggerId} is missing`);
      }
      for (const line of chunk.readings.split('\n')) {
        const [readingId, time, tenths, signature, signed] = line.split('\t');
        const tenthsC = Number(tenths);
        readings.push({
          readingId,
          time,
          timeMs: Date.parse(time),
          tenthsC,
          ...(signature ? { signature } : {}),
          leaf: leafHashOfText(canonicalReadingText({ loggerId, readingId, time, tenthsC })),
          deviceSigned: signed === '1',
        });
      }
    }
    return readings;
  }

  /**
   * Up to `limit` of the logger's readings in [fromMs, beforeMs), oldest first, from the windows that
   * start before `beforeMs` (newest windows first, their last chunks first).
   */
  async readingsBefore(loggerId: string, fromMs: number, beforeMs: number, limit: number): Promise<PreparedReading[]> {
    const directory = await this.#directory.findOne({ _id: loggerId });
    const starts = (directory?.windowStarts ?? []).filter((start) => Date.parse(start) < beforeMs).sort().reverse();
    const found: PreparedReading[] = [];
    for (const start of starts) {
      const header = await this.header(loggerId, start);
      if (!header || Date.parse(header.windowEnd) <= fromMs) {
        continue;
      }
      for (let k = header.chunks - 1; k >= 0 && found.length < limit; k--) {
        const part = (await this.readings(loggerId, { ...header, chunks: k + 1 }, k)).filter((r) => r.timeMs >= fromMs && r.timeMs < beforeMs);
        found.unshift(...part);
      }
      if (found.length >= limit) {
        break;
      }
    }
    return found.sort((a, b) => a.timeMs - b.timeMs).slice(-limit);
  }
}
