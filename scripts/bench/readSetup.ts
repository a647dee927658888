import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { waitFor } from '../../network/src/processes';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { sameRunBaseline, withBenchNetwork, type Baseline } from './harness';

/** Shared steps of the read-side benchmarks (scan, trace). */

/**
 * Runs a read benchmark on the run's bench network (store and gateway up) with the run's baseline.
 * The anonymous rate limit is lifted: all load comes from one loopback client, and the benchmark
 * measures the routes, not the limiter.
 */
export function runReadBenchmark(body: (bench: { layout: NetworkLayout; base: string; baseline: Baseline }) => Promise<void>): void {
  runCommand(async () => {
    const layout = new NetworkLayout(profileNamed('bench'));
    process.env.TRACELEDGER_ANONYMOUS_RATE_LIMIT = '100000000';
    // Load generators write as one enterprise: the per-enterprise write quota would measure itself.
    process.env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE ??= '100000000';
    await withBenchNetwork(layout, { store: true, gateway: true }, async () => {
      const baseline = await sameRunBaseline(layout, await registerBenchEnterprise(layout));
      await body({ layout, base: `http://127.0.0.1:${layout.gatewayPort}`, baseline });
    });
  });
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
