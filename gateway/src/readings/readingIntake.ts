import type { Request } from 'express';
import crypto from 'node:crypto';
import { canonicalJson, canonicalReadingBytes, leafHash, type ColdChainLedgerUpdate, type ReadingAnchor } from '../../../model/src';
import type { Principal, SigningIdentities } from '../auth';
import type { ClientIdentity, Ledger } from '../fabric';
import { badRequest, conflictRequest, forbiddenRequest, HttpError } from '../http/httpError';
import type { IdempotentWriter } from '../http/idempotentWrite';
import { deviceKeyOf, verifyDeviceSignature } from './deviceSignature';
import { LoggerLedger } from './loggerContext';
import { readingDocumentId, type ReadingModels, type StoredReading } from './readingStore';
import type { ReadingUpload } from './readingUpload';
import { groupIntoWindows, type ReadingWindow } from './readingWindows';
import { summariseWindow, type SummarisedReading } from './windowSummary';

/** How far back an excursion still open at a window's start is followed (readings and time). */
const EARLIER_READINGS_LIMIT = 2_000;
const EARLIER_READINGS_SPAN_MS = 24 * 3_600_000;
/** `$in` lists are kept to this size (FerretDB and MongoDB both handle it comfortably). */
const ID_CHUNK = 1_000;

/** One anchored window in an upload's answer. */
export interface AnchoredWindow {
  windowStart: string;
  windowEnd: string;
  merkleRoot: string;
  count: number;
  minTenthsC: number;
  maxTenthsC: number;
  deviceSignedCount: number;
  excursions: ReadingAnchor['excursions'];
  txId: string;
  /** `now` when this upload anchored it, `earlier` when its readings were anchored by an earlier upload. */
  anchored: 'now' | 'earlier';
  alerts: number;
}

export interface UploadAnswer {
  status: number;
  body: UploadResult;
  replayed: boolean;
}

export interface UploadResult {
  loggerId: string;
  received: number;
  stored: number;
  alreadyStored: number;
  deviceSigned: number;
  /** Readings that carried a signature the logger's key did not verify: stored as `typed`. */
  signatureRejected: string[];
  anchors: AnchoredWindow[];
}

/**
 * Takes a logger's bulk upload: checks the caller owns the logger, stores every reading (primary
 * data) with its leaf hash and assurance before anything is anchored, then anchors each window of
 * readings not yet anchored through the idempotent writer (step `anchor:<windowStart>`), and records
 * each reading's window (its leaf index follows from the window's leaf order). Every step can be repeated: a retry with the same
 * Idempotency-Key replays, a re-upload with a new key finds everything stored and anchored.
 */
export class ReadingIntake {
  readonly #loggers: LoggerLedger;

  constructor(
    private readonly models: ReadingModels,
    ledger: Ledger,
    readerIdentity: ClientIdentity,
    private readonly writer: IdempotentWriter,
    private readonly signing: SigningIdentities,
  ) {
    this.#loggers = new LoggerLedger(ledger, readerIdentity);
  }

  async upload(request: Request, principal: Principal, loggerId: string, upload: ReadingUpload): Promise<UploadAnswer> {
    const key = request.header('Idempotency-Key');
    if (!key || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
      throw badRequest('the Idempotency-Key header is required on write routes: 8–128 letters, digits or . _ : -');
    }
    const receiptId = `${principal.sub}:${key}:readings`;
    const requestHash = crypto.createHash('sha256').update(`${request.method} ${request.originalUrl}\n${canonicalJson(upload)}`).digest('hex');
    const receipt = await this.models.uploads.findById(receiptId).lean();
    if (receipt) {
      if (receipt.requestHash !== requestHash) {
        throw new HttpError(422, 'this Idempotency-Key was already used for a different request');
      }
      return { status: receipt.status, body: receipt.body as UploadResult, replayed: true };
    }

    const logger = await this.#loggers.logger(loggerId);
    if (logger.ownerId !== principal.ent) {
      throw forbiddenRequest(`only the owner ${logger.ownerId} of logger ${loggerId} may upload its readings`);
    }
    const candidates = this.#prepare(loggerId, upload, principal.ent, deviceKeyOf(logger.publicKeyPem));
    const stored = await this.#storeNew(candidates);
    const pending = (await this.#byIds(candidates.map((c) => c._id))).filter((reading) => !reading.window);
    const anchoredNow = new Map<string, { anchor: ReadingAnchor; alerts: number }>();
    for (const window of groupIntoWindows(pending)) {
      anchoredNow.set(window.windowStart, await this.#anchor(request, principal, loggerId, window));
    }
    const body: UploadResult = {
      loggerId,
      received: candidates.length,
      stored,
      alreadyStored: candidates.length - stored,
      deviceSigned: candidates.filter((c) => c.assurance === 'device-signed').length,
      signatureRejected: candidates.filter((c) => c.signature !== undefined && c.assurance !== 'device-signed').map((c) => c.readingId),
      anchors: await this.#windowsOf(loggerId, candidates, anchoredNow),
    };
    await this.models.uploads.create({ _id: receiptId, requestHash, status: 201, body, createdAt: new Date() });
    return { status: 201, body, replayed: false };
  }

  #prepare(loggerId: string, upload: ReadingUpload, enterpriseId: string, deviceKey: crypto.KeyObject | undefined): StoredReading[] {
    const uploadedAt = new Date();
    return upload.readings.map((input) => {
      const bytes = canonicalReadingBytes({ loggerId, readingId: input.readingId, time: input.time, tenthsC: input.tenthsC });
      const signed = deviceKey !== undefined && input.signature !== undefined && verifyDeviceSignature(deviceKey, bytes, input.signature);
      return {
        _id: readingDocumentId(loggerId, input.readingId),
        loggerId,
        readingId: input.readingId,
        time: input.time,
        timeMs: Date.parse(input.time),
        tenthsC: input.tenthsC,
        ...(input.signature !== undefined ? { signature: input.signature } : {}),
        leafHash: leafHash(bytes).toString('hex'),
        assurance: signed ? 'device-signed' : 'typed',
        uploadedBy: enterpriseId,
        uploadedAt,
      };
    });
  }

  /** Inserts the readings not stored yet; a stored reading id with other content refuses the whole upload. */
  async #storeNew(candidates: StoredReading[]): Promise<number> {
    const existing = new Map((await this.#byIds(candidates.map((c) => c._id))).map((reading) => [reading._id, reading]));
    const changed = candidates.filter((c) => existing.has(c._id) && existing.get(c._id)?.leafHash !== c.leafHash);
    if (changed.length > 0) {
      const shown = changed.slice(0, 10).map((c) => c.readingId).join(', ');
      throw conflictRequest(`${changed.length} reading id(s) were already stored with other content (time or temperature): ${shown}`);
    }
    const fresh = candidates.filter((c) => !existing.has(c._id));
    if (fresh.length > 0) {
      try {
        await this.models.readings.insertMany(fresh, { ordered: false });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) {
          throw conflictRequest('another upload is storing the same readings right now; retry with the same Idempotency-Key', { 'Retry-After': '2' });
        }
        throw error;
      }
    }
    return fresh.length;
  }

  async #byIds(ids: string[]): Promise<StoredReading[]> {
    const found: StoredReading[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      found.push(...(await this.models.readings.find({ _id: { $in: ids.slice(i, i + ID_CHUNK) } }).lean<StoredReading[]>()));
    }
    return found;
  }

  async #anchor(request: Request, principal: Principal, loggerId: string, window: ReadingWindow<StoredReading>): Promise<{ anchor: ReadingAnchor; alerts: number }> {
    const firstMs = window.readings[0].timeMs;
    const lastMs = window.readings[window.readings.length - 1].timeMs;
    const taken = await this.models.readings.exists({ loggerId, 'window.windowStart': window.windowStart });
    if (taken) {
      throw conflictRequest(`logger ${loggerId} already has an anchored window starting ${window.windowStart}; a reading at the same instant as an anchored one cannot be anchored`);
    }
    const earlier = await this.models.readings
      .find({ loggerId, timeMs: { $lt: firstMs, $gte: firstMs - EARLIER_READINGS_SPAN_MS } })
      .sort({ timeMs: -1 })
      .limit(EARLIER_READINGS_LIMIT)
      .lean<StoredReading[]>();
    const rules = await this.#loggers.excursionRules(loggerId, firstMs - EARLIER_READINGS_SPAN_MS, lastMs);
    const input = summariseWindow(loggerId, window, window.readings.map(summarised), rules, earlier.reverse().map(summarised));
    const answer = await this.writer.write(request, principal.sub, this.signing.for(principal), 'coldchain:anchorReadings', [JSON.stringify(input)], `anchor:${window.windowStart}`);
    if (answer.status >= 400) {
      const problem = answer.body as { detail?: string };
      throw new HttpError(answer.status, problem.detail ?? `anchoring window ${window.windowStart} failed`);
    }
    const { result, txId } = answer.body as { result: ColdChainLedgerUpdate; txId: string };
    const anchor = result.anchors[0] ?? { ...input, enterpriseId: principal.ent ?? '', anchoredAt: '', txId };
    // One update per chunk, not per reading: on FerretDB every write is its own SQLite transaction. The
    // leaf index is not stored: it is the reading's place in the window's leaf order (time, reading id).
    const placement = { windowStart: window.windowStart, treeSize: window.readings.length, txId: anchor.txId };
    const ids = window.readings.map((reading) => reading._id);
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      await this.models.readings.updateMany({ _id: { $in: ids.slice(i, i + ID_CHUNK) } }, { $set: { window: placement } });
    }
    return { anchor, alerts: result.alerts.length };
  }

  /** Every window the uploaded readings belong to: those anchored now, and earlier ones from the ledger. */
  async #windowsOf(loggerId: string, candidates: StoredReading[], anchoredNow: Map<string, { anchor: ReadingAnchor; alerts: number }>): Promise<AnchoredWindow[]> {
    const starts = new Set((await this.#byIds(candidates.map((c) => c._id))).map((reading) => reading.window?.windowStart).filter((s): s is string => s !== undefined));
    const windows: AnchoredWindow[] = [];
    for (const windowStart of [...starts].sort()) {
      const now = anchoredNow.get(windowStart);
      const anchor = now?.anchor ?? (await this.#loggers.anchor(loggerId, windowStart));
      windows.push({
        windowStart: anchor.windowStart,
        windowEnd: anchor.windowEnd,
        merkleRoot: anchor.merkleRoot,
        count: anchor.count,
        minTenthsC: anchor.minTenthsC,
        maxTenthsC: anchor.maxTenthsC,
        deviceSignedCount: anchor.deviceSignedCount,
        excursions: anchor.excursions,
        txId: anchor.txId,
        anchored: now ? 'now' : 'earlier',
        alerts: now?.alerts ?? 0,
      });
    }
    return windows;
  }
}

function summarised(reading: StoredReading): SummarisedReading {
  return { timeMs: reading.timeMs, tenthsC: reading.tenthsC, leafHash: Buffer.from(reading.leafHash, 'hex'), deviceSigned: reading.assurance === 'device-signed' };
}
