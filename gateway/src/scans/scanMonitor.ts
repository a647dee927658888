import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import { isClueSubject } from '../../../model/src';
import { ClientRegions } from './clientRegion';
import { cloneSuspicion } from './cloneSuspicion';
import { mergeClients, soldUnitSuspicion } from './soldUnitSuspicion';
import { bulkReplace } from '../store/bulkReplace';
import { mapParallel } from '../store/mapParallel';
import { countScans, MAX_COUNTS_PER_TALLY, scanHourOf, type ScanEvent, type ScansAfterSale, type ScanTally, type ScanWindow } from './scanEvents';

export interface ScanInput {
  /** Digital Link path without the leading slash, e.g. `01/09521234543213/21/SN000001`. */
  subjectId: string;
  /** Whether the code verifies (signed) or names a commissioned unit or a registered lot: only such scans can build a clue. */
  known: boolean;
  /** The client's claimed 6-digit administrative region (`?r=`), if any: a claim, never evidence alone. */
  regionHint?: string;
  clientAddress: string;
  /** The unit's recorded sale time, when the scanned unit is sold: the scan counts towards the after-sale rule. */
  soldAt?: string;
}

/** How often buffered scans are written and checked. Scans never wait for this. */
const FLUSH_INTERVAL_MS = 500;
/** Clone clues one code may file per UTC day: a flood of scans from many networks files a few, not one an hour. */
export const MAX_CLONE_CLUES_PER_CODE_PER_DAY = 3;

/**
 * Counts scans off the request path: the resolver hands each scan over and answers at once; every
 * half second the buffer is counted into one tally document, the serialised codes in it update their hour's
 * sighting window (one `_id` read-modify-write per code and hour, never a query over all scans) and
 * are checked for clone suspicion, which files one risk clue per code and hour on chain. Scans of a
 * sold unit also add their client to the unit's after-sale document; enough distinct clients file one
 * risk clue per unit.
 */
export class ScanMonitor {
  #buffer: ScanEvent[] = [];
  /** Flushes run one after another, so two never read-modify-write one window at once. */
  #flushing: Promise<void> = Promise.resolve();
  readonly #filed = new Set<string>();
  /** Sold units whose after-sale clue is filed (the document says so too, across restarts). */
  readonly #filedAfterSale = new Set<string>();
  readonly #salt: Buffer;
  readonly #timer: NodeJS.Timeout;
  readonly #regions = new ClientRegions();
  /** Clone clues filed per `<code>|<day>` by this process. */
  readonly #cluesToday = new Map<string, number>();

  constructor(
    private readonly tallies: Model<ScanTally>,
    private readonly windows: Model<ScanWindow>,
    private readonly afterSale: Model<ScansAfterSale>,
    private readonly fileAnomaly: (anomaly: object) => Promise<void>,
    private readonly log: Logger,
    dataDir: string,
  ) {
    const saltFile = path.join(dataDir, 'scan-salt');
    if (!fs.existsSync(saltFile)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(saltFile, crypto.randomBytes(32), { mode: 0o600 });
    }
    this.#salt = fs.readFileSync(saltFile);
    this.#timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Hashes of recent client addresses: consumers scan again and again from one network. */
  readonly #clients = new Map<string, string>();
  #minute = 0;
  #hour = '';
  #tallies = 0;

  /** The client's network (/24 for IPv4, /48 for IPv6), hashed with a secret salt. */
  #anonymise(address: string): string {
    const known = this.#clients.get(address);
    if (known) return known;
    if (this.#clients.size >= 10_000) this.#clients.clear();
    const plain = address.replace(/^::ffff:/, '');
    const network = plain.includes(':') ? plain.split(':').slice(0, 3).join(':') : plain.split('.').slice(0, 3).join('.');
    const client = crypto.createHmac('sha256', this.#salt).update(network).digest('hex').slice(0, 16);
    this.#clients.set(address, client);
    return client;
  }

  record(input: ScanInput): void {
    const now = Date.now();
    if (now - this.#minute >= 60_000) {
      this.#minute = now - (now % 60_000);
      this.#hour = scanHourOf(now);
    }
    const hint = input.regionHint && /^\d{6}$/.test(input.regionHint) ? input.regionHint : undefined;
    const read = this.#regions.of(input.clientAddress);
    const claimedRegion = hint ?? (read?.mobile ? read.province : undefined);
    this.#buffer.push({
      subjectId: input.subjectId,
      at: new Date(this.#minute),
      hour: this.#hour,
      ...(read && !read.mobile ? { province: read.province } : {}),
      ...(claimedRegion ? { claimedRegion } : {}),
      client: this.#anonymise(input.clientAddress),
      ...(input.known ? {} : { unknown: true as const }),
      ...(input.soldAt ? { soldAt: input.soldAt } : {}),
    });
  }

  /** Writes what is buffered; resolves when this and every earlier flush is done. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#flushBuffer());
    return this.#flushing;
  }

  async #flushBuffer(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const batch = this.#buffer;
    this.#buffer = [];
    try {
      await this.#writeTallies(batch);
      const bySerialHour = new Map<string, ScanEvent[]>();
      // Only codes that name one item each (units, assets) can be copies; a lot's code is on every pack of it.
      const oneItemPerCode = new Map<string, boolean>();
      for (const scan of batch) {
        if (scan.unknown) continue;
        let single = oneItemPerCode.get(scan.subjectId);
        if (single === undefined) oneItemPerCode.set(scan.subjectId, (single = isClueSubject(scan.subjectId, 'hourlyScans')));
        if (!single) continue;
        const id = `${scan.subjectId}|${scan.hour}`;
        if (this.#filed.has(id)) continue;
        bySerialHour.set(id, [...(bySerialHour.get(id) ?? []), scan]);
      }
      const windows = await mapParallel([...bySerialHour], 16, async ([id, scans]): Promise<ScanWindow> => {
        const stored = await this.windows.findById(id).lean();
        const sightings = new Map((stored?.sightings ?? []).map((s) => [`${s.province}|${s.client}`, { province: s.province, client: s.client }]));
        for (const scan of scans) sightings.set(`${scan.province}|${scan.client}`, { province: scan.province, client: scan.client });
        return { _id: id, subjectId: scans[0].subjectId, hour: scans[0].hour, sightings: [...sightings.values()] };
      });
      await bulkReplace(this.windows, windows);
      for (const window of windows) {
        const regions = cloneSuspicion(window.sightings);
        if (regions && this.#mayFileCloneClue(window.subjectId, window.hour)) {
          this.#filed.add(window._id);
          // Distinct (province, client) sightings of the hour: repeats by one client add no evidence.
          const scans = window.sightings.length;
          await this.fileAnomaly({ subjectId: window.subjectId, windowStart: window.hour, regions, scans });
        }
      }
      await this.#checkScansAfterSale(batch);
    } catch (error) {
      this.log.warn({ err: error }, 'scan monitor flush failed');
    }
  }

  async #writeTallies(batch: readonly ScanEvent[]): Promise<void> {
    const counts = countScans(batch);
    const [from, to] = [batch[0].at, batch[batch.length - 1].at];
    for (let i = 0; i < counts.length; i += MAX_COUNTS_PER_TALLY) {
      const part = counts.slice(i, i + MAX_COUNTS_PER_TALLY);
      const scans = part.reduce((sum, c) => sum + c.count, 0);
      // The driver's insert, not the model's: nothing to cast, and this runs for every scan.
      const tally: ScanTally = { _id: `${new Date().toISOString()}|${process.pid}|${this.#tallies++}`, from, to, scans, counts: part };
      await this.tallies.collection.insertOne(tally as unknown as Record<string, unknown>);
    }
  }

  #mayFileCloneClue(subjectId: string, hour: string): boolean {
    const key = `${subjectId}|${hour.slice(0, 10)}`;
    if (this.#cluesToday.size >= 10_000) this.#cluesToday.clear();
    const filed = this.#cluesToday.get(key) ?? 0;
    if (filed >= MAX_CLONE_CLUES_PER_CODE_PER_DAY) return false;
    this.#cluesToday.set(key, filed + 1);
    return true;
  }

  /** The after-sale rule: distinct clients per sold unit, one clue per unit once there are enough. */
  async #checkScansAfterSale(batch: readonly ScanEvent[]): Promise<void> {
    const byUnit = new Map<string, ScanEvent[]>();
    for (const scan of batch) {
      if (!scan.soldAt || scan.unknown || this.#filedAfterSale.has(scan.subjectId)) continue;
      byUnit.set(scan.subjectId, [...(byUnit.get(scan.subjectId) ?? []), scan]);
    }
    if (byUnit.size === 0) return;
    const docs = await mapParallel([...byUnit], 16, async ([subjectId, scans]): Promise<ScansAfterSale> => {
      const stored = await this.afterSale.findById(subjectId).lean();
      return {
        _id: subjectId,
        soldAt: stored?.soldAt ?? (scans[0].soldAt as string),
        clients: mergeClients(stored?.clients ?? [], scans.map((s) => s.client)),
        scans: (stored?.scans ?? 0) + scans.length,
        ...(stored?.filedAt ? { filedAt: stored.filedAt } : {}),
      };
    });
    const filing: ScansAfterSale[] = [];
    for (const doc of docs) {
      const clients = doc.filedAt ? undefined : soldUnitSuspicion(doc.clients);
      if (doc.filedAt) this.#filedAfterSale.add(doc._id);
      if (clients !== undefined) filing.push(doc);
    }
    // Clues first, then the documents: a crash in between files again, which the ledger refuses as a repeat.
    for (const doc of filing) {
      await this.fileAnomaly({ subjectId: doc._id, reason: 'scannedAfterSale', soldAt: doc.soldAt, clients: soldUnitSuspicion(doc.clients), scans: doc.scans });
      doc.filedAt = new Date();
      this.#filedAfterSale.add(doc._id);
    }
    await bulkReplace(this.afterSale, docs);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
