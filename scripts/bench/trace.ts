import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { step } from '../../network/src/progress';
import { generateColdChainVolume, volumeOptionsFromEnv } from './generate';
import { report, runLoadProcess, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { runReadBenchmark, sequentialLatencies, spread, waitForProjection } from './readSetup';
import { percentile } from './stats';

/**
 * Trace benchmark (issue #6: "trace forward 5 hops on 1M projected events < 200 ms"): generates the
 * volume through the batch paths (default 100,000 lots × 10 custody events; GEN_LOTS scales it),
 * waits for projection lag 0, then measures GET /coldchain/lots/{id}/trace/forward?hops=5 and
 * /trace/back?hops=5: one cold sequential pass over many start lots (each lot read once) and a
 * warm autocannon run over the same starts from a separate process.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STARTS = Number(process.env.BENCH_TRACE_STARTS ?? 500);
const CONNECTIONS = Number(process.env.BENCH_TRACE_CONNECTIONS ?? 8);
const TARGET_MS = 200;

runReadBenchmark(async ({ layout, base, baseline }) => {
  const options = volumeOptionsFromEnv();
  step('bench', `generating ${options.lots} lots over ${options.hops} hops (${options.lots * 2 * options.hops} custody events)`);
  const volume = await generateColdChainVolume(layout, options);
  step('bench', 'waiting for projection lag 0');
  const projectionWait = await waitForProjection(base);
  const projectionSeconds = volume.seconds + projectionWait;
  step('bench', `projected ${volume.custodyEvents} custody events: lag 0 ${projectionWait.toFixed(1)} s after generation ended (${(volume.custodyEvents / projectionSeconds).toFixed(0)} events/s end to end)`);

  const forwardStarts = [...volume.lineageRoots, ...spread(volume.allLots, STARTS)].slice(0, STARTS);
  const backStarts = [...volume.lineageLeaves, ...spread(volume.allLots, STARTS)].slice(0, STARTS);
  const tracePath = (lotId: string, direction: 'forward' | 'back') => `/coldchain/lots/${encodeURIComponent(lotId)}/trace/${direction}?hops=5`;
  const probe = (await (await fetch(`${base}${tracePath(forwardStarts[0], 'forward')}`)).json()) as { lots: unknown[]; holders: unknown[] };
  step('bench', `trace forward from a lineage root reaches ${probe.lots.length} lots and ${probe.holders.length} holders`);

  const rows: ThroughputRow[] = [...baseline.levels];
  const generationRate = volume.custodyEvents / volume.seconds;
  rows.push({ label: `generation: custody events through recordCustodyBatch (${options.batchSize}/tx)`, perSecond: generationRate, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0 });
  rows.push({ label: 'projection: custody events projected (generation start → lag 0)', perSecond: volume.custodyEvents / projectionSeconds, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0 });
  const latencyLines: string[] = [];
  const pathsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-bench-'));
  for (const [direction, starts] of [['forward', forwardStarts], ['back', backStarts]] as const) {
    const paths = starts.map((lotId) => tracePath(lotId, direction));
    step('bench', `trace ${direction} 5 hops: one cold pass over ${paths.length} start lots`);
    const cold = await sequentialLatencies(base, paths);
    rows.push({ target: { p99Ms: TARGET_MS }, label: `trace ${direction} 5 hops, cold, sequential`, perSecond: cold.latenciesMs.length / (cold.latenciesMs.reduce((a, b) => a + b, 0) / 1000), p50Ms: percentile(cold.latenciesMs, 50), p99Ms: percentile(cold.latenciesMs, 99), completed: cold.latenciesMs.length, failed: cold.failed });
    const pathsFile = path.join(pathsDir, `${direction}.txt`);
    fs.writeFileSync(pathsFile, `${paths.join('\n')}\n`);
    step('bench', `trace ${direction} 5 hops: autocannon c=${CONNECTIONS}, ${SECONDS}s over the same starts`);
    const warm = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: paths[0], method: 'GET', connections: CONNECTIONS, seconds: SECONDS, pathsFile, accept: 'application/json' } satisfies HttpLoadSpec, SECONDS);
    rows.push({ target: { p99Ms: TARGET_MS }, concurrency: CONNECTIONS, label: `trace ${direction} 5 hops, autocannon c=${CONNECTIONS}`, perSecond: warm.requestsPerSecond, p50Ms: warm.p50Ms, p99Ms: warm.p99Ms, completed: warm.total - warm.non2xx, failed: warm.non2xx + warm.errors });
    const p99 = percentile(cold.latenciesMs, 99) ?? Infinity;
    latencyLines.push(`trace ${direction} 5 hops on ${volume.custodyEvents} events: target p99 < ${TARGET_MS} ms, measured cold p99 ${p99.toFixed(1)} ms, warm p99 ${warm.p99Ms} ms: ${p99 < TARGET_MS && warm.p99Ms < TARGET_MS ? 'MET' : 'MISSED'}`);
  }
  process.stdout.write(`\n${latencyLines.join('\n')}\n`);
  process.stdout.write(`generation ${volume.seconds.toFixed(1)} s (${(generationRate / baseline.perSecond).toFixed(1)}× the baseline's events/s), projection caught up ${projectionWait.toFixed(1)} s after it\n`);
  report('trace', baseline.perSecond, rows, { volume: { ...volume, allLots: volume.allLots.length, lineageRoots: volume.lineageRoots.length, lineageLeaves: volume.lineageLeaves.length }, options, projectionWaitSeconds: projectionWait, targetMs: TARGET_MS });
});
