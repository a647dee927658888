import { isWithinRange, type StorageRange } from './storageRange';

/**
 * An excursion episode: a stretch of time during which readings lay outside a storage range.
 * `start` is the first reading outside; `end` is the first reading back inside (or the last reading
 * outside when the window ended before the temperature recovered).
 */
export interface ExcursionEpisode {
  start: string;
  end: string;
  minTenthsC: number;
  maxTenthsC: number;
}

export interface TimedTemperature {
  time: string;
  tenthsC: number;
}

/**
 * The excursion episodes of readings against a range, in time order, keeping only those that lasted
 * at least `toleranceMs` (a door opened for a minute is not an excursion). Readings must be sorted
 * by time. The gateway computes these before anchoring; chaincode re-checks each against the lot.
 */
export function excursionEpisodes(readings: readonly TimedTemperature[], range: StorageRange, toleranceMs: number): ExcursionEpisode[] {
  const episodes: ExcursionEpisode[] = [];
  let open: ExcursionEpisode | undefined;
  for (const reading of readings) {
    if (!isWithinRange(range, reading.tenthsC)) {
      if (open) {
        open.end = reading.time;
        open.minTenthsC = Math.min(open.minTenthsC, reading.tenthsC);
        open.maxTenthsC = Math.max(open.maxTenthsC, reading.tenthsC);
      } else {
        open = { start: reading.time, end: reading.time, minTenthsC: reading.tenthsC, maxTenthsC: reading.tenthsC };
      }
    } else if (open) {
      open.end = reading.time;
      episodes.push(open);
      open = undefined;
    }
  }
  if (open) {
    episodes.push(open);
  }
  return episodes.filter((episode) => episodeDurationMs(episode) >= toleranceMs);
}

export function episodeDurationMs(episode: Pick<ExcursionEpisode, 'start' | 'end'>): number {
  return Date.parse(episode.end) - Date.parse(episode.start);
}

/**
 * Whether a reported episode is an excursion for a lot: its extreme readings leave the lot's range
 * and it lasted at least the lot's tolerance.
 */
export function isExcursionFor(range: StorageRange, toleranceMs: number, episode: ExcursionEpisode): boolean {
  const leftRange = episode.minTenthsC < range.minTenthsC || episode.maxTenthsC > range.maxTenthsC;
  return leftRange && episodeDurationMs(episode) >= toleranceMs;
}
