import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { networkDown, networkReset, networkUp } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { RESULTS_DIR, type BenchmarkResult } from './harness';
import { mergeResults, renderReportHtml } from './reportHtml';

/**
 * `npm run bench [name ...]`: starts a fresh bench network (state wiped, FerretDB and gateway
 * included), runs the baseline and then every benchmark under scripts/bench (or the named ones) on it,
 * each as its own process, stops the network, and merges the benchmarks' JSON into
 * bench-results/report.json and bench-results/report.html. `blocks` rebuilds the network per setting,
 * so it runs last.
 */
const NOT_BENCHMARKS = new Set(['all', 'harness', 'stats', 'workPool', 'submitLoad', 'submitBatchLoad', 'submitTally', 'httpLoad', 'benchEnterprise', 'reportHtml', 'cpuProfile', 'custodyBatches', 'profileBatches', 'coldChainSetup', 'custodyLoad', 'readingLoad', 'readingsPhase', 'readSetup', 'generate', 'projectionPhase', 'projectionSampler',
  // On its own network (state kept between runs) and about an hour the first time: `npm run bench:volume`.
  'volume']);
const RUNS_LAST = 'blocks';

function order(a: string, b: string): number {
  const rank = (name: string): number => (name === 'baseline' ? 0 : name === RUNS_LAST ? 2 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

runCommand(async () => {
  const available = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.slice(0, -3))
    .filter((name) => !NOT_BENCHMARKS.has(name))
    .sort(order);
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(`no benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  }
  // Every ratio needs this run's baseline, so it always runs first.
  const selected = [...new Set(['baseline', ...(wanted.length > 0 ? wanted : available)])].sort(order);

  const layout = new NetworkLayout(profileNamed('bench'));
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  // Load tests come from one loopback address: the anonymous per-address limit would measure itself.
  process.env.TRACELEDGER_ANONYMOUS_RATE_LIMIT ??= '100000000';
  // Load generators write as one enterprise: the per-enterprise write quota would measure itself.
  process.env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE ??= '100000000';
  process.env.TRACELEDGER_BENCH_SHARED_NETWORK = layout.profile.name;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  process.env.TRACELEDGER_BENCH_RUN_BASELINE = path.join(RESULTS_DIR, '.run-baseline.json');
  fs.rmSync(process.env.TRACELEDGER_BENCH_RUN_BASELINE, { force: true });

  step('bench', `fresh bench network (state in ${path.relative(process.cwd(), layout.stateDir)} wiped)`);
  await networkReset(layout);
  const results: BenchmarkResult[] = [];
  const failures: string[] = [];
  try {
    await networkUp(layout, { store: true, gateway: true });
    for (const name of selected) {
      process.stdout.write(`\n===== benchmark ${name}\n`);
      const file = path.join(RESULTS_DIR, `${name}.json`);
      fs.rmSync(file, { force: true });
      const result = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit' });
      if (result.status !== 0) {
        failures.push(`${name} (exit ${result.status})`);
        if (name === 'baseline') break;
        continue;
      }
      if (fs.existsSync(file)) {
        results.push(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchmarkResult);
      }
    }
  } finally {
    await networkDown(layout);
  }

  const machine =
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadAtStart.toFixed(1)} at start; ` +
    `network, load processes and measuring script on this one machine, loopback only; run took ${((Date.now() - started) / 60_000).toFixed(1)} min.` +
    (process.env.BENCH_MACHINE_NOTE ? ` ${process.env.BENCH_MACHINE_NOTE}` : '');
  const merged = mergeResults(results, machine);
  fs.writeFileSync(path.join(RESULTS_DIR, 'report.json'), `${JSON.stringify(merged, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS_DIR, 'report.html'), renderReportHtml(merged));
  process.stdout.write(`\nReport: bench-results/report.json and bench-results/report.html (${results.length} benchmarks)\n`);
  const missed = results.flatMap((r) => r.rows.filter((row) => row.met === false).map((row) => `${r.benchmark}: ${row.label}`));
  if (missed.length > 0) process.stdout.write(`Targets missed: ${missed.join('; ')}\n`);
  if (failures.length > 0) {
    throw new Error(`benchmarks failed: ${failures.join(', ')}`);
  }
});
