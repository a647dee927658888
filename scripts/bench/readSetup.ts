import { NetworkLayout, profileNamed } from '../../network/src/layout';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from '../../network/src/processes';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { runLoadProcess, sameRunBaseline, withBenchNetwork, type Baseline, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { percentile } from './stats';

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

/**
 * Trace `direction` 5 hops from `starts`: one cold sequential pass (each lot read once), then an
 * autocannon run over the same paths from a separate process; two rows against p99 < `targetMs`.
 */
export async function traceRows(
  base: string,
  direction: 'forward' | 'back',
  starts: readonly string[],
  options: { folder: string; seconds: number; connections: number; targetMs: number; labelSuffix?: string },
): Promise<{ rows: ThroughputRow[]; coldP99Ms: number | undefined; warmP99Ms: number }> {
  const suffix = options.labelSuffix ?? '';
  const paths = starts.map((lotId) => `/coldchain/lots/${encodeURIComponent(lotId)}/trace/${direction}?hops=5`);
  step('bench', `trace ${direction} 5 hops${suffix}: one cold pass over ${paths.length} start lots, then autocannon c=${options.connections}, ${options.seconds}s`);
  const cold = await sequentialLatencies(base, paths);
  const pathsFile = path.join(options.folder, `${direction}.txt`);
  fs.writeFileSync(pathsFile, `${paths.join('\n')}\n`);
  const warm = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: paths[0], method: 'GET', connections: options.connections, seconds: options.seconds, pathsFile, accept: 'application/json' } satisfies HttpLoadSpec, options.seconds);
  const coldP99Ms = percentile(cold.latenciesMs, 99);
  return {
    rows: [
      { target: { p99Ms: options.targetMs }, label: `trace ${direction} 5 hops${suffix}, cold, sequential`, perSecond: cold.latenciesMs.length / (cold.latenciesMs.reduce((a, b) => a + b, 0) / 1000), p50Ms: percentile(cold.latenciesMs, 50), p99Ms: coldP99Ms, completed: cold.latenciesMs.length, failed: cold.failed },
      { target: { p99Ms: options.targetMs }, concurrency: options.connections, label: `trace ${direction} 5 hops${suffix}, autocannon c=${options.connections}`, perSecond: warm.requestsPerSecond, p50Ms: warm.p50Ms, p99Ms: warm.p99Ms, completed: warm.total - warm.non2xx, failed: warm.non2xx + warm.errors },
    ],
    coldP99Ms,
    warmP99Ms: warm.p99Ms,
  };
}
