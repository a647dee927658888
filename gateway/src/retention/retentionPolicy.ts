const DAY_MS = 86_400_000;

/** How long primary data that the ledger does not need is kept, in days (0: for ever). See README, "Retention". */
export interface RetentionPolicy {
  /** Scan tallies, the hourly scan windows derived from them, and sold units' after-sale scan records. */
  scanRetentionDays: number;
  /** Raw temperature readings: window headers, chunks, their reading-id index entries and directory entries. */
  readingRetentionDays: number;
}

/**
 * The instant before which data kept for `days` has expired, or undefined when it is kept for ever.
 *
 * @example
 * retentionCutoff(Date.parse('2026-03-01T00:00:00Z'), 30) // Date.parse('2026-01-30T00:00:00Z')
 */
export function retentionCutoff(now: number, days: number): number | undefined {
  return days > 0 ? now - days * DAY_MS : undefined;
}

/**
 * The cut-off of raw readings: {@link retentionCutoff} moved back to the start of its UTC month.
 * Removing a logger's readings rewrites its reading-id index (16 documents holding every reading id
 * it ever stored), so it is done for a month of readings at once rather than every hour; readings
 * are kept up to a month longer than configured, never shorter. A month starts on an hour, so a
 * window (which never crosses an hour) that starts before it also ends by it.
 *
 * @example
 * readingCutoff(Date.parse('2031-05-20T10:00:00Z'), 1827) // Date.parse('2026-05-01T00:00:00Z')
 */
export function readingCutoff(now: number, days: number): number | undefined {
  const cutoff = retentionCutoff(now, days);
  if (cutoff === undefined) return undefined;
  const day = new Date(cutoff);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
}
