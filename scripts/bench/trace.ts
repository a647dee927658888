import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { step } from '../../network/src/progress';
import { generateColdChainVolume, volumeOptionsFromEnv } from './generate';
import { report, type ThroughputRow } from './harness';
import { runReadBenchmark, spread, traceRows, waitForProjection } from './readSetup';

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
  const probe = (await (await fetch(`${base}/coldchain/lots/${encodeURIComponent(forwardStarts[0])}/trace/forward?hops=5`)).json()) as { lots: unknown[]; holders: unknown[] };
  step('bench', `trace forward from a lineage root reaches ${probe.lots.length} lots and ${probe.holders.length} holders`);

  const rows: ThroughputRow[] = [...baseline.levels];
  const generationRate = volume.custodyEvents / volume.seconds;
  rows.push({ label: `generation: custody events through recordCustodyBatch (${options.batchSize}/tx)`, perSecond: generationRate, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0 });
  rows.push({ label: 'projection: custody events projected (generation start → lag 0)', perSecond: volume.custodyEvents / projectionSeconds, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0 });
  const latencyLines: string[] = [];
  const pathsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-bench-'));
  for (const [direction, starts] of [['forward', forwardStarts], ['back', backStarts]] as const) {
    const measured = await traceRows(base, direction, starts, { folder: pathsDir, seconds: SECONDS, connections: CONNECTIONS, targetMs: TARGET_MS });
    rows.push(...measured.rows);
    const p99 = measured.coldP99Ms ?? Infinity;
    latencyLines.push(`trace ${direction} 5 hops on ${volume.custodyEvents} events: target p99 < ${TARGET_MS} ms, measured cold p99 ${p99.toFixed(1)} ms, warm p99 ${measured.warmP99Ms} ms: ${p99 < TARGET_MS && measured.warmP99Ms < TARGET_MS ? 'MET' : 'MISSED'}`);
  }
  process.stdout.write(`\n${latencyLines.join('\n')}\n`);
  process.stdout.write(`generation ${volume.seconds.toFixed(1)} s (${(generationRate / baseline.perSecond).toFixed(1)}× the baseline's events/s), projection caught up ${projectionWait.toFixed(1)} s after it\n`);
  report('trace', baseline.perSecond, rows, { volume: { ...volume, allLots: volume.allLots.length, lineageRoots: volume.lineageRoots.length, lineageLeaves: volume.lineageLeaves.length }, options, projectionWaitSeconds: projectionWait, targetMs: TARGET_MS });
});
