import { waitFor } from '../../network/src/processes';

/** Shared steps of the read-side benchmarks (scan, trace). */

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
