import { eventTimeMillis } from '../eventTime';
import { MAX_EPISODE_CARRY_MS } from '../ledgerBounds';
import type { ExcursionEpisode } from './excursion';
import type { StorageRange } from './storageRange';
import type { TimeSpan } from './timeSpan';

/**
 * What a reading anchor states about its window, and how chaincode holds its episodes to it. The
 * logger's owner writes the anchor; the lots it speaks for belong to others. So an episode is taken
 * only as far as the window's own statement (its min and max, provable against its Merkle root)
 * backs it, and a window whose extremes break a lot's range must say so in an episode.
 */

export interface WindowStatement {
  windowStart: string;
  windowEnd: string;
  minTenthsC: number;
  maxTenthsC: number;
  excursions: readonly ExcursionEpisode[];
}

const celsius = (tenthsC: number): string => `${(tenthsC / 10).toFixed(1)} °C`;

/**
 * Why an episode contradicts the window it is reported in, or undefined. An episode that starts in
 * the window consists of the window's readings, so its extremes lie within the window's min and max.
 * One still open when the window began also holds earlier readings this anchor does not state: its
 * extremes cannot be checked here, so it may reach back at most {@link MAX_EPISODE_CARRY_MS}.
 *
 * @example
 * episodeContradiction({ ...window, minTenthsC: -200, maxTenthsC: -120 }, { ...episode, start: window.windowStart, maxTenthsC: -90 })
 * // 'claims -15.0 °C..-9.0 °C, but starts in a window whose readings lie in -20.0 °C..-12.0 °C'
 */
export function episodeContradiction(window: WindowStatement, episode: ExcursionEpisode): string | undefined {
  const startMs = eventTimeMillis(episode.start);
  const windowStartMs = eventTimeMillis(window.windowStart);
  if (startMs < windowStartMs - MAX_EPISODE_CARRY_MS) {
    return `starts ${episode.start}, more than ${MAX_EPISODE_CARRY_MS / 3_600_000} h before the window starting ${window.windowStart}`;
  }
  if (startMs >= windowStartMs && (episode.minTenthsC < window.minTenthsC || episode.maxTenthsC > window.maxTenthsC)) {
    return `claims ${celsius(episode.minTenthsC)}..${celsius(episode.maxTenthsC)}, but starts in a window whose readings lie in ${celsius(window.minTenthsC)}..${celsius(window.maxTenthsC)}`;
  }
  return undefined;
}

/**
 * Why the window leaves a reading outside a lot's range unexplained, or undefined. When the window's
 * minimum (maximum) lies outside the range, some episode must reach it: otherwise a writer could
 * state the excursion in the extremes and leave it out of the episodes, on which alerts are judged.
 * An episode shorter than the lot's tolerance explains it as well: the tolerance, applied in
 * chaincode, decides whether it is an excursion.
 */
export function unexplainedExtreme(window: WindowStatement, range: StorageRange): string | undefined {
  if (window.minTenthsC < range.minTenthsC && !window.excursions.some((episode) => episode.minTenthsC <= window.minTenthsC)) {
    return `its minimum ${celsius(window.minTenthsC)} lies below ${celsius(range.minTenthsC)} but no episode reaches it`;
  }
  if (window.maxTenthsC > range.maxTenthsC && !window.excursions.some((episode) => episode.maxTenthsC >= window.maxTenthsC)) {
    return `its maximum ${celsius(window.maxTenthsC)} lies above ${celsius(range.maxTenthsC)} but no episode reaches it`;
  }
  return undefined;
}

/** The window itself, as a span. */
export function windowSpan(window: Pick<WindowStatement, 'windowStart' | 'windowEnd'>): TimeSpan {
  return { startMs: eventTimeMillis(window.windowStart), endMs: eventTimeMillis(window.windowEnd) };
}

/** All the time an anchor speaks about: its window, reaching back to the start of an episode carried into it. */
export function anchorSpan(window: WindowStatement): TimeSpan {
  const span = windowSpan(window);
  for (const episode of window.excursions) {
    span.startMs = Math.min(span.startMs, eventTimeMillis(episode.start));
  }
  return span;
}
