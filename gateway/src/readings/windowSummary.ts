import {
  episodeDurationMs,
  excursionEpisodes,
  isWithinRange,
  merkleRootHex,
  type ExcursionEpisode,
  type ReadingAnchorInput,
  type StorageRange,
  type TimedTemperature,
} from '../../../model/src';

/** A storage range and tolerance that readings of a window are held against (one per attached lot). */
export interface ExcursionRule {
  range: StorageRange;
  toleranceMs: number;
}

export interface SummarisedReading {
  timeMs: number;
  tenthsC: number;
  leafHash: Buffer;
  deviceSigned: boolean;
}

/**
 * The anchor of one window: RFC 6962 root over the leaves in the given order, count, extremes,
 * device-signed count, and the excursion episodes against every rule.
 *
 * `earlier` are the logger's readings just before the window, oldest first: an episode still open at
 * the window's start keeps its first start, so chaincode raises one alert for it however many windows
 * it spans (alert ids are per episode start). Chaincode accepts an episode whose end lies in the window.
 * Chaincode also refuses a window whose min or max breaks an attached lot's range unless an episode
 * reaches it, so the stretch holding such an extreme is reported even when shorter than the tolerance
 * (chaincode applies each lot's tolerance itself and raises nothing for it).
 */
export function summariseWindow(
  loggerId: string,
  window: { windowStart: string; windowEnd: string },
  readings: readonly SummarisedReading[],
  rules: readonly ExcursionRule[],
  earlier: readonly SummarisedReading[] = [],
): ReadingAnchorInput {
  let minTenthsC = Infinity;
  let maxTenthsC = -Infinity;
  let deviceSignedCount = 0;
  for (const reading of readings) {
    minTenthsC = Math.min(minTenthsC, reading.tenthsC);
    maxTenthsC = Math.max(maxTenthsC, reading.tenthsC);
    deviceSignedCount += reading.deviceSigned ? 1 : 0;
  }
  return {
    loggerId,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    merkleRoot: merkleRootHex(readings.map((reading) => reading.leafHash)),
    count: readings.length,
    minTenthsC,
    maxTenthsC,
    deviceSignedCount,
    excursions: windowExcursions(readings, rules, earlier, Date.parse(window.windowStart), { minTenthsC, maxTenthsC }),
  };
}

/**
 * Episodes per rule, those ending inside the window, without repeats, in time order: every one that
 * lasted the rule's tolerance, and, for a window extreme outside the rule's range that none of those
 * reaches, the first shorter one that does (one is enough for chaincode, however often the logger flapped).
 */
export function windowExcursions(
  readings: readonly SummarisedReading[],
  rules: readonly ExcursionRule[],
  earlier: readonly SummarisedReading[],
  windowStartMs: number,
  extremes: Pick<ExcursionEpisode, 'minTenthsC' | 'maxTenthsC'>,
): ExcursionEpisode[] {
  const found = new Map<string, ExcursionEpisode>();
  for (const rule of rules) {
    const timed = [...openRunBefore(earlier, rule.range), ...readings].map(timedOf);
    const ending = excursionEpisodes(timed, rule.range, 0).filter((episode) => Date.parse(episode.end) >= windowStartMs);
    const kept = ending.filter((episode) => episodeDurationMs(episode) >= rule.toleranceMs);
    const reachesMin = (episode: ExcursionEpisode): boolean => extremes.minTenthsC < rule.range.minTenthsC && episode.minTenthsC <= extremes.minTenthsC;
    const reachesMax = (episode: ExcursionEpisode): boolean => extremes.maxTenthsC > rule.range.maxTenthsC && episode.maxTenthsC >= extremes.maxTenthsC;
    for (const reaches of [reachesMin, reachesMax]) {
      const short = kept.some(reaches) ? undefined : ending.find(reaches);
      if (short) kept.push(short);
    }
    for (const episode of kept) {
      found.set(`${episode.start}|${episode.end}`, episode);
    }
  }
  return [...found.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end));
}

/** The trailing readings of `earlier` that lie outside the range: an episode still open. */
function openRunBefore(earlier: readonly SummarisedReading[], range: StorageRange): readonly SummarisedReading[] {
  let first = earlier.length;
  while (first > 0 && !isWithinRange(range, earlier[first - 1].tenthsC)) {
    first -= 1;
  }
  return earlier.slice(first);
}

function timedOf(reading: SummarisedReading): TimedTemperature {
  return { time: new Date(reading.timeMs).toISOString(), tenthsC: reading.tenthsC };
}
