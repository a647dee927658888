import type { Connection } from 'mongoose';
import type { ScheduledCheck } from '../domains';
import { readingModels } from '../readings/readingStore';
import { sweepReadings } from '../readings/readingRetention';
import { scansAfterSaleModel, scanTallyModel, scanWindowModel } from '../scans/scanEvents';
import { sweepScanRecords } from '../scans/scanRetention';
import { readingCutoff, retentionCutoff, type RetentionPolicy } from './retentionPolicy';

/** How often the sweep runs: retention is counted in days, and each run finds its work at the head of the collections. */
export const RETENTION_SWEEP_SECONDS = 3_600;
/** Scan documents (tallies, windows, after-sale records) one run deletes at most; a busy gateway writes 7,200 tallies an hour. */
const SCAN_DOCUMENTS_PER_RUN = 50_000;
/** Reading windows one run deletes at most (whole loggers: a logger's month is ~720 windows). */
const READING_WINDOWS_PER_RUN = 20_000;

/**
 * The retention sweep of primary data as one scheduled check: scan records and raw readings past
 * their retention (see `RetentionPolicy`) are deleted in bounded runs, by `_id`. Safe to run twice
 * at once or again after a crash (each step deletes what is still there); on a fleet of gateways it
 * is meant to run on one, like every scheduled check.
 *
 * @example
 * scheduler.start([...domains.flatMap((d) => d.scheduledChecks), primaryDataRetention(store, config)]);
 */
export function primaryDataRetention(store: Connection, policy: RetentionPolicy): ScheduledCheck {
  const scans = { tallies: scanTallyModel(store), windows: scanWindowModel(store), afterSale: scansAfterSaleModel(store) };
  const readings = readingModels(store);
  return {
    name: 'primary data retention',
    everySeconds: RETENTION_SWEEP_SECONDS,
    async run(now) {
      const scanCutoff = retentionCutoff(now, policy.scanRetentionDays);
      const readingsCutoff = readingCutoff(now, policy.readingRetentionDays);
      const scanDocuments = scanCutoff === undefined ? 0 : await sweepScanRecords(scans, scanCutoff, SCAN_DOCUMENTS_PER_RUN);
      const readingWindows = readingsCutoff === undefined ? 0 : await sweepReadings(readings, readingsCutoff, READING_WINDOWS_PER_RUN);
      return scanDocuments + readingWindows;
    },
  };
}
