import { shanghaiDateOf } from '../elevator/shanghaiCalendar';
import type { Sample } from './sampleResult';

/** The plan's target for the evaluative pass rate (评价性抽检合格率). */
export const PASS_RATE_TARGET = 0.985;

/** Stands for "every region" or "every category" in a pass-rate counter's id. */
export const ALL = '*';

/**
 * Ids of the pass-rate counters one final evaluative sample counts in: per month and per year of its
 * sampling day (Asia/Shanghai), per region (the enterprise's and those above it in the region table
 * when the sample was recorded, and all),
 * per category (its own, and all): `<period>|<region>|<category>`. Counting each sample in every
 * combination it belongs to makes any filter one `_id` read.
 *
 * @example
 * passRateCounterIds({ sampledAt: '2026-07-03T09:00:00+08:00', regionChain: ['330108', '330100', '330000'], categoryCode: 'food.meat' }).includes('2026-07|330100|food.meat') // true
 */
export function passRateCounterIds(sample: Pick<Sample, 'sampledAt' | 'regionChain' | 'categoryCode'>): string[] {
  const day = shanghaiDateOf(sample.sampledAt);
  const periods = [day.slice(0, 7), day.slice(0, 4)];
  const regions = [...new Set(sample.regionChain), ALL];
  const categories = [sample.categoryCode, ALL];
  return periods.flatMap((period) => regions.flatMap((region) => categories.map((category) => passRateCounterId(period, region, category))));
}

export const passRateCounterId = (period: string, region = ALL, category = ALL): string => `${period}|${region}|${category}`;

/**
 * A pass rate with its counts; `rate` is undefined when nothing was counted, rounded to 4 places.
 *
 * @example
 * passRateOf(197, 3) // { passed: 197, failed: 3, total: 200, rate: 0.985, meetsTarget: true }
 */
export function passRateOf(passed: number, failed: number): { passed: number; failed: number; total: number; rate: number | undefined; meetsTarget: boolean | undefined } {
  const total = passed + failed;
  const rate = total === 0 ? undefined : Math.round((passed / total) * 10_000) / 10_000;
  return { passed, failed, total, rate, meetsTarget: rate === undefined ? undefined : rate >= PASS_RATE_TARGET };
}
