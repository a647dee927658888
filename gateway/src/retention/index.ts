/** How long primary data the ledger does not need is kept, and the scheduled sweep that deletes it when it has expired. */
export { primaryDataRetention, RETENTION_SWEEP_SECONDS } from './primaryDataRetention';
export { readingCutoff, retentionCutoff, type RetentionPolicy } from './retentionPolicy';
