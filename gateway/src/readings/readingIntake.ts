import type { Request } from 'express';
import crypto from 'node:crypto';
import { canonicalJson, canonicalReadingText, leafHashOfText, MAX_EPISODE_CARRY_MS, type ColdChainLedgerUpdate, type ReadingAnchor } from '../../../model/src';
import type { Principal, SigningIdentities } from '../auth';
import type { ClientIdentity, Ledger } from '../fabric';
import { requestHashOf, type IdempotentSubmitter } from '../ledgerWrites';
import { Refusal } from '../refusal';
import { deviceKeyOf, verifyDeviceSignature } from './deviceSignature';
import { LoggerLedger } from './loggerContext';
import type { ReadingModels, ReadingWindowDocument } from './readingStore';
import type { ReadingUpload } from './readingUpload';
import { ReadingWindowStore, type PreparedReading, type StoredWindow } from './readingWindowStore';
import { groupIntoWindows } from './readingWindows';
import { summariseWindow, type ExcursionRule, type SummarisedReading } from './windowSummary';

/** How far back an excursion still open at a window's start is followed (readings and time; chaincode refuses an episode reaching further). */
const EARLIER_READINGS_LIMIT = 2_000;
const EARLIER_READINGS_SPAN_MS = MAX_EPISODE_CARRY_MS;

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
  /** Milliseconds per step of this upload (hash, lookup, store, anchor, receipt), for a Server-Timing header. */
  timing?: Record<string, number>;
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
 * Takes a logger's bulk upload: checks the caller owns the logger, stores the readings not stored yet
 * (primary data) per window — a few chunk documents each, see `readingStore.ts` — before anything is
 * anchored, then anchors each window not yet anchored through the idempotent writer (step
 * `anchor:<windowStart>`, all windows of the upload at once) and marks it anchored. Every step can be
 * repeated: a retry with the same Idempotency-Key replays, a re-upload with a new key finds everything
 * stored and anchored, and a window stored but not anchored (a crash, a failed anchor) is anchored by
 * the next upload that carries any of its readings.
 */
export class ReadingIntake {
  readonly #loggers: LoggerLedger;
  readonly #store: ReadingWindowStore;

  constructor(
    private readonly models: ReadingModels,
    ledger: Ledger,
    readerIdentity: ClientIdentity,
    private readonly writer: Pick<IdempotentSubmitter, 'submitOnce'>,
    private readonly signing: SigningIdentities,
  ) {
    this.#loggers = new LoggerLedger(ledger, readerIdentity);
    this.#store = new ReadingWindowStore(models);
  }

  async upload(request: Request, principal: Principal, loggerId: string, upload: ReadingUpload): Promise<UploadAnswer> {
    const key = request.header('Idempotency-Key');
    if (!key || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
      throw new Refusal('INVALID', 'the Idempotency-Key header is required on write routes: 8–128 letters, digits or . _ : -');
    }
    const receiptId = `${principal.sub}:${key}:readings`;
    const requestHash = crypto.createHash('sha256').update(`${request.method} ${request.originalUrl}\n`).update(canonicalJson(upload)).digest('hex');
    const receipt = await this.models.uploads.findById(receiptId).lean();
    if (receipt) {
      if (receipt.requestHash !== requestHash) {
        throw new Refusal('KEY_REUSED', 'this Idempotency-Key was already used for a different request');
      }
      return { status: receipt.status, body: receipt.body as UploadResult, replayed: true };
    }

    const logger = await this.#loggers.logger(loggerId);
    if (logger.ownerId !== principal.ent) {
      throw new Refusal('FORBIDDEN', `only the owner ${logger.ownerId} of logger ${loggerId} may upload its readings`);
    }
    const timing: Record<string, number> = {};
    let mark = performance.now();
    const lap = (step: string): void => {
      const now = performance.now();
      timing[step] = (timing[step] ?? 0) + now - mark;
      mark = now;
    };
    const candidates = prepareReadings(loggerId, upload, deviceKeyOf(logger.publicKeyPem));
    lap('hash');
    const known = await this.#store.known(loggerId, candidates.map((c) => c.readingId));
    lap('lookup');
    const changed = candidates.filter((c) => known.has(c.readingId) && known.get(c.readingId)?.leaf16 !== c.leaf.toString('hex', 0, 8));
    if (changed.length > 0) {
      const shown = changed.slice(0, 10).map((c) => c.readingId).join(', ');
      throw new Refusal('CONFLICT', `${changed.length} reading id(s) were already stored with other content (time or temperature): ${shown}`);
    }
    const fresh = candidates.filter((c) => !known.has(c.readingId));
    const toAnchor: StoredWindow[] = [];
    const freshWindows = groupIntoWindows(fresh);
    for (const window of freshWindows) {
      toAnchor.push({ header: await this.#store.store(loggerId, window, principal.ent ?? ''), readings: window.readings });
    }
    await this.#store.index(loggerId, freshWindows);
    lap('store');
    // Windows of readings stored by an earlier upload that did not get to anchor them.
    const earlierStarts = [...new Set([...known.values()].map((k) => k.windowStart))];
    const earlierHeaders = (await Promise.all(earlierStarts.map((start) => this.#store.header(loggerId, start)))).filter((h): h is ReadingWindowDocument => h !== null);
    for (const header of earlierHeaders.filter((h) => !h.anchor)) {
      toAnchor.push({ header, readings: await this.#store.readings(loggerId, header) });
    }
    const anchoredNow = new Map<string, { anchor: ReadingAnchor; alerts: number }>();
    if (toAnchor.length > 0) {
      const rules = await this.#loggers.excursionRules(
        loggerId,
        Math.min(...toAnchor.map((w) => w.readings[0].timeMs)) - EARLIER_READINGS_SPAN_MS,
        Math.max(...toAnchor.map((w) => w.readings[w.readings.length - 1].timeMs)),
      );
      const anchored = await Promise.all(toAnchor.map(async (window) => [window.header.windowStart, await this.#anchor(request, principal, key, loggerId, window, rules)] as const));
      for (const [start, result] of anchored) anchoredNow.set(start, result);
    }
    lap('anchor');
    const body: UploadResult = {
      loggerId,
      received: candidates.length,
      stored: fresh.length,
      alreadyStored: candidates.length - fresh.length,
      deviceSigned: candidates.filter((c) => c.deviceSigned).length,
      signatureRejected: candidates.filter((c) => c.signature !== undefined && !c.deviceSigned).map((c) => c.readingId),
      anchors: await this.#windowsOf(loggerId, [...toAnchor.map((w) => w.header.windowStart), ...earlierStarts], anchoredNow),
    };
    await this.models.uploads.create({ _id: receiptId, requestHash, status: 201, body, createdAt: new Date() });
    lap('receipt');
    return { status: 201, body, replayed: false, timing };
  }

  async #anchor(request: Request, principal: Principal, idempotencyKey: string, loggerId: string, window: StoredWindow, rules: ExcursionRule[]): Promise<{ anchor: ReadingAnchor; alerts: number }> {
    const { header, readings } = window;
    const firstMs = readings[0].timeMs;
    // Readings before the window matter only for an excursion still open at its start.
    const earlier = rules.length === 0 ? [] : await this.#store.readingsBefore(loggerId, firstMs - EARLIER_READINGS_SPAN_MS, firstMs, EARLIER_READINGS_LIMIT);
    const input = summariseWindow(loggerId, header, readings.map(summarised), rules, earlier.map(summarised));
    const { outcome } = await this.writer.submitOnce(this.signing.for(principal), 'coldchain:anchorReadings', [JSON.stringify(input)], {
      subject: principal.sub,
      idempotencyKey,
      step: `anchor:${header.windowStart}`,
      requestHash: requestHashOf(request.method, request.originalUrl, request.body),
    });
    // A replayed refusal or invalidation fails this upload as the first attempt's did.
    if (outcome.kind === 'refused') throw new Refusal(outcome.refusal.kind, outcome.refusal.detail);
    if (outcome.kind === 'invalidated') throw new Refusal('CONFLICT', `transaction ${outcome.txId} was invalidated (code ${outcome.validationCode})`);
    const { result, txId } = outcome.committed as { result: ColdChainLedgerUpdate; txId: string };
    const anchor = result.anchors[0] ?? { ...input, enterpriseId: principal.ent ?? '', anchoredAt: '', txId };
    await this.#store.markAnchored(header, { txId: anchor.txId, merkleRoot: anchor.merkleRoot });
    return { anchor, alerts: result.alerts.length };
  }

  /** Every window the uploaded readings belong to: those anchored now, and earlier ones from the ledger. */
  async #windowsOf(loggerId: string, windowStarts: string[], anchoredNow: Map<string, { anchor: ReadingAnchor; alerts: number }>): Promise<AnchoredWindow[]> {
    const windows: AnchoredWindow[] = [];
    for (const windowStart of [...new Set(windowStarts)].sort()) {
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

/** Canonical bytes, leaf hash and signature check of each reading: the only per-reading work of an upload. */
export function prepareReadings(loggerId: string, upload: ReadingUpload, deviceKey: crypto.KeyObject | undefined): PreparedReading[] {
  return upload.readings.map((input) => {
    const text = canonicalReadingText({ loggerId, readingId: input.readingId, time: input.time, tenthsC: input.tenthsC });
    const signed = deviceKey !== undefined && input.signature !== undefined && verifyDeviceSignature(deviceKey, Buffer.from(text, 'utf8'), input.signature);
    return {
      readingId: input.readingId,
      time: input.time,
      timeMs: Date.parse(input.time),
      tenthsC: input.tenthsC,
      ...(input.signature !== undefined ? { signature: input.signature } : {}),
      leaf: leafHashOfText(text),
      deviceSigned: signed,
    };
  });
}

function summarised(reading: PreparedReading): SummarisedReading {
  return { timeMs: reading.timeMs, tenthsC: reading.tenthsC, leafHash: reading.leaf, deviceSigned: reading.deviceSigned };
}
