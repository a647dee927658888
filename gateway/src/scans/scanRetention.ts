import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { deleteById } from '../store/deleteById';
import { expiredAtHead } from '../store/expiredAtHead';
import { scanHourOf, type ScansAfterSale, type ScanTally, type ScanWindow } from './scanEvents';

export interface ScanRecords {
  tallies: Model<ScanTally>;
  windows: Model<ScanWindow>;
  afterSale: Model<ScansAfterSale>;
}

/** Tallies (or after-sale records) read per head walk, and the run of unexpired ones that ends a walk. */
const PAGE = 500;
const FRESH_RUN = 100;

/** The `_id` of the hourly window a counted scan went into (`ScanMonitor` keys windows by the scan's UTC hour). */
export function scanWindowIdOf(subjectId: string, at: Date): string {
  return `${subjectId}|${scanHourOf(at.getTime())}`;
}

/**
 * Deletes scan records older than `cutoff`, at most about `budget` documents per call; answers how
 * many it deleted.
 *
 * - A tally's `_id` starts with the ISO time it was written, so a tally has expired when its `_id`
 *   sorts before the cut-off's ISO time.
 * - Windows are keyed `<code>|<hour>`, which no range can select; the expiring tallies name them
 *   (every window is written right after the tally of the same scans), so they go by `_id` with their
 *   tallies, before them: a crash in between leaves the tally to name them again. A window is only
 *   read during its own hour (the clone rule), and the cut-off is at least a day old.
 * - An after-sale record keeps its unit's distinct clients for the one-clue-per-unit rule; it goes
 *   when the unit's sale is older than the cut-off. A unit scanned after that starts a new count; a
 *   second clue for it is refused by the ledger (`afterSale:<unit>` is one clue per unit).
 */
export async function sweepScanRecords(records: ScanRecords, cutoff: number, budget: number): Promise<number> {
  const cutoffId = new Date(cutoff).toISOString();
  const tallies = records.tallies.collection as unknown as Collection<ScanTally>;
  const windows = records.windows.collection as unknown as Collection<ScanWindow>;
  const afterSale = records.afterSale.collection as unknown as Collection<ScansAfterSale>;
  let deleted = 0;
  while (deleted < budget) {
    const expired = await expiredAtHead(tallies, {
      projection: { 'counts.subjectId': 1, 'counts.at': 1 },
      isExpired: (tally) => tally._id < cutoffId,
      limit: PAGE,
      freshRun: FRESH_RUN,
    });
    const windowIds = [...new Set(expired.flatMap((tally) => (tally.counts ?? []).map((count) => scanWindowIdOf(count.subjectId, count.at))))];
    deleted += (await deleteById(windows, windowIds)) + (await deleteById(tallies, expired.map((tally) => tally._id)));
    if (expired.length < PAGE) break;
  }
  while (deleted < budget) {
    const expired = await expiredAtHead(afterSale, {
      projection: { soldAt: 1 },
      isExpired: (record) => Date.parse(record.soldAt) < cutoff,
      limit: PAGE,
      freshRun: FRESH_RUN,
    });
    deleted += await deleteById(afterSale, expired.map((record) => record._id));
    if (expired.length < PAGE) break;
  }
  return deleted;
}
