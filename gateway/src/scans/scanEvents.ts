import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/**
 * One scan of a code, anonymised: the minute, the hour bucket, the province the server read from the
 * client's address, what the client claimed (never finer than the administrative code), and a salted
 * hash of the client's network — enough to count independent sources, not to find a person.
 */
export interface ScanEvent {
  subjectId: string;
  at: Date;
  hour: string;
  /** The province the server reads from the client's address (never from the client's word); evidence of where the code is. */
  province?: string;
  /** What the client claims or what cannot be relied on: a `?r=` region hint, or the province of a mobile network's address. Never files a clue. */
  claimedRegion?: string;
  client: string;
  /** A code that neither verifies nor is commissioned: counted apart, never part of a clue against a real code. */
  unknown?: true;
  /** The sale time of a sold unit, when the scan came after its recorded sale. */
  soldAt?: string;
}

/** Identical scans of one flush (same code, minute, region and client), counted. */
export type ScanCount = Pick<ScanEvent, 'subjectId' | 'at' | 'province' | 'claimedRegion' | 'client' | 'unknown'> & { count: number };

/**
 * The scans of one flush of the scan monitor, counted: one document per flush (at most
 * {@link MAX_COUNTS_PER_TALLY} entries), so the store pays per flush and not per scan. Primary data.
 */
export interface ScanTally {
  _id: string;
  from: Date;
  to: Date;
  scans: number;
  counts: ScanCount[];
}

export const MAX_COUNTS_PER_TALLY = 5_000;

export function scanTallyModel(connection: Connection): Model<ScanTally> {
  const schema = new Schema<ScanTally>(
    { _id: String, from: Date, to: Date, scans: Number, counts: [{ _id: false, subjectId: String, at: Date, province: String, claimedRegion: String, client: String, unknown: Boolean, count: Number }] },
    { collection: `${PRIMARY_COLLECTION_PREFIX}scan_tallies`, versionKey: false },
  );
  return connection.models.ScanTally ?? connection.model<ScanTally>('ScanTally', schema);
}

/** Counts identical scans: what a tally stores. */
export function countScans(scans: readonly ScanEvent[]): ScanCount[] {
  const counts = new Map<string, ScanCount>();
  for (const { subjectId, at, province, claimedRegion, client, unknown } of scans) {
    const key = `${subjectId}\n${at.getTime()}\n${province ?? ''}\n${claimedRegion ?? ''}\n${client}`;
    const counted = counts.get(key);
    if (counted) counted.count++;
    else counts.set(key, { subjectId, at, ...(province ? { province } : {}), ...(claimedRegion ? { claimedRegion } : {}), client, ...(unknown ? { unknown } : {}), count: 1 });
  }
  return [...counts.values()];
}

/** The UTC hour a scan at `ms` counts in, as windows and clue ids spell it: `2026-11-29T22:00:00.000Z`. */
export function scanHourOf(ms: number): string {
  return new Date(ms - (ms % 3_600_000)).toISOString();
}

/**
 * The distinct (province, client) sightings of one serialised code in one hour, under
 * `<subjectId>|<hour>`: what clone detection needs, read and written by `_id` only, however many
 * scans the hour holds. Primary data.
 */
export interface ScanWindow {
  _id: string;
  subjectId: string;
  hour: string;
  sightings: Pick<ScanEvent, 'province' | 'client'>[];
}

export function scanWindowModel(connection: Connection): Model<ScanWindow> {
  const schema = new Schema<ScanWindow>(
    { _id: String, subjectId: String, hour: String, sightings: [{ _id: false, province: String, client: String }] },
    { collection: `${PRIMARY_COLLECTION_PREFIX}scan_windows`, versionKey: false },
  );
  return connection.models.ScanWindow ?? connection.model<ScanWindow>('ScanWindow', schema);
}

/**
 * The distinct clients that scanned one sold unit after its sale, under the unit's subject id:
 * what the after-sale clone rule needs, one `_id` read-modify-write per unit and flush. Primary data.
 */
export interface ScansAfterSale {
  _id: string;
  soldAt: string;
  /** Anonymised client networks, at most `MAX_CLIENTS_KEPT`. */
  clients: string[];
  scans: number;
  /** Set once the risk clue is filed: one clue per unit. */
  filedAt?: Date;
}

export function scansAfterSaleModel(connection: Connection): Model<ScansAfterSale> {
  const schema = new Schema<ScansAfterSale>(
    { _id: String, soldAt: String, clients: [String], scans: Number, filedAt: Date },
    { collection: `${PRIMARY_COLLECTION_PREFIX}scan_after_sale`, versionKey: false },
  );
  return connection.models.ScansAfterSale ?? connection.model<ScansAfterSale>('ScansAfterSale', schema);
}
