import type { ThroughputRow } from './harness';
import { percentile } from './stats';

/** Runs `work` on every item with at most `concurrency` at once; answers each one's milliseconds. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const item = items[next++];
      const t0 = performance.now();
      await work(item);
      latencies.push(performance.now() - t0);
    }
  }));
  return latencies;
}

/** A row of `count` things done in `seconds` by requests that took `latencies` ms each. */
export function countedRow(label: string, count: number, seconds: number, latencies: number[], target?: ThroughputRow['target']): ThroughputRow {
  return { label, perSecond: count / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), completed: count, failed: 0, ...(target ? { target } : {}) };
}
