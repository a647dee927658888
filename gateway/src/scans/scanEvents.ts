import { Schema, type Connection, type Model } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/**
 * One scan of a code, anonymised: the minute, the hour bucket, the coarse region the client claimed
 * (province and city digits of the administrative code, never finer) and a salted hash of the
 * client's network — enough to count independent sources, not to find a person.
 */
export interface ScanEvent {
  subjectId: string;
  at: Date;
  hour: string;
  province?: string;
  city?: string;
  client: string;
  /** The sale time of a sold unit, when the scan came after its recorded sale. */
  soldAt?: string;
}

/** Identical scans of one flush (same code, minute, region and client), counted. */
export type ScanCount = Pick<ScanEvent, 'subjectId' | 'at' | 'province' | 'city' | 'client'> & { count: number };

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
    { _id: String, from: Date, to: Date, scans: Number, counts: [{ _id: false, subjectId: String, at: Date, province: String, city: String, client: String, count: Number }] },
    { collection: `${PRIMARY_COLLECTION_PREFIX}scan_tallies`, versionKey: false },
  );
  return connection.models.ScanTally ?? connection.model<ScanTally>('ScanTally', schema);
}

/** Counts identical scans: what a tally stores. */
export function countScans(scans: readonly ScanEvent[]): ScanCount[] {
  const counts = new Map<string, ScanCount>();
  for (const { subjectId, at, province, city, client } of scans) {
    const key = `${subjectId}\n${at.getTime()}\n${province ?? ''}\n${city ?? ''}\n${client}`;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { subjectId, at, ...(province ? { province } : {}), ...(city ? { city } : {}), client, count: 1 });
  }
  return [...counts.values()];
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
