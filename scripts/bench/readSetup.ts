import type { EnrolledIdentity } from '../../network/src/ca';
import type { NetworkLayout } from '../../network/src/layout';
import { waitFor } from '../../network/src/processes';
import { step } from '../../network/src/progress';
import { measureOneEventPerTransaction, type ThroughputRow } from './harness';

/** Shared steps of the read-side benchmarks (scan, trace). */

/** The baseline: peak one-event-per-transaction rate over concurrency 8/32/64 (BENCH_BASELINE_CONCURRENCY), same run. */
export async function peakBaseline(layout: NetworkLayout, identity: EnrolledIdentity): Promise<ThroughputRow> {
  const levels = (process.env.BENCH_BASELINE_CONCURRENCY ?? '8,32,64').split(',').map(Number);
  const seconds = Number(process.env.BENCH_BASELINE_SECONDS ?? 10);
  let best: ThroughputRow | undefined;
  for (const concurrency of levels) {
    step('bench', `baseline: one event per transaction via fabric-gateway, c=${concurrency}, ${seconds}s`);
    const row = await measureOneEventPerTransaction(layout, identity, concurrency, seconds);
    if (!best || row.perSecond > best.perSecond) best = row;
  }
  return { ...(best as ThroughputRow), label: `baseline (peak of c=${levels.join('/')}): ${(best as ThroughputRow).label}` };
}

/** Waits until the gateway's projection has caught up with the ledger; returns the seconds waited. */
export async function waitForProjection(base: string, timeoutMs = 3_600_000): Promise<number> {
  const started = Date.now();
  await waitFor('the projection to catch up', async () => {
    const health = (await (await fetch(`${base}/health`)).json()) as { projection: { lag?: number } };
    return health.projection.lag === 0 ? true : undefined;
  }, { timeoutMs, intervalMs: 500 });
  return (Date.now() - started) / 1000;
}

/** Latency of one sequential pass of `paths` (every request a first, uncached one if the paths are distinct). */
export async function sequentialLatencies(base: string, paths: readonly string[], accept = 'application/json'): Promise<{ latenciesMs: number[]; failed: number }> {
  const latenciesMs: number[] = [];
  let failed = 0;
  for (const path of paths) {
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { accept } });
    await response.arrayBuffer();
    if (response.ok) latenciesMs.push(performance.now() - t0);
    else failed++;
  }
  return { latenciesMs, failed };
}

/** Picks `count` items spread evenly over `items`. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}
