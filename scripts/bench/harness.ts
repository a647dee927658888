import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EnrolledIdentity } from '../../network/src/ca';
import { blockCutting } from '../../network/src/configtx';
import { REPO_ROOT, type NetworkLayout } from '../../network/src/layout';
import { networkDown, networkUp, type NetworkUpOptions } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { summariseLatencies, type LatencyHistogram } from './stats';
import type { SubmitLoadResult, SubmitLoadSpec } from './submitLoad';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

/**
 * Set by `npm run bench` (all.ts) for the benchmarks it runs: the bench network is already up and
 * belongs to the runner, which stops it at the end.
 */
const SHARED_NETWORK_ENV = 'TRACELEDGER_BENCH_SHARED_NETWORK';
/** Set by all.ts: the baseline JSON the first benchmark of the run measured on the shared network. */
const RUN_BASELINE_ENV = 'TRACELEDGER_BENCH_RUN_BASELINE';

/**
 * Runs a load script (compiled, in this folder) as its own process and parses its JSON line. The spec
 * goes as the first argument, or as `@<file>` when it is too long for one (Linux caps one at 128 KB);
 * load scripts read it with {@link loadSpecArgument}.
 */
export function runLoadProcess<T>(script: string, spec: object, seconds: number): Promise<T> {
  let argument = JSON.stringify(spec);
  if (argument.length > 64 * 1024) {
    const file = path.join(os.tmpdir(), `traceledger-load-${process.pid}-${Date.now()}.json`);
    fs.writeFileSync(file, argument);
    argument = `@${file}`;
  }
  return new Promise((resolve, reject) => {
    const execArgv = process.env.TRACELEDGER_CPU_PROFILE
      ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.TRACELEDGER_CPU_PROFILE), '--cpu-prof-name', `load-${path.basename(script, '.js')}-${Date.now()}.cpuprofile`]
      : [];
    execFile(process.execPath, [...execArgv, path.join(__dirname, script), argument], { maxBuffer: 256 * 1024 * 1024, timeout: (seconds + 180) * 1000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${script} failed: ${stderr || error.message}`));
      } else {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
      }
    });
  });
}

/**
 * What a row must reach. Several bounds may be given; all must hold. `ratio` is the minimum ratio to
 * the run's baseline, `perSecond` a minimum rate, `p99Ms` a maximum p99, `ms` a maximum single figure
 * (e.g. a query time reported in p50Ms).
 */
/** The spec a load script was given by {@link runLoadProcess}. */
export function loadSpecArgument<T>(): T {
  const argument = process.argv[2];
  return JSON.parse(argument.startsWith('@') ? fs.readFileSync(argument.slice(1), 'utf8') : argument) as T;
}

export interface Target {
  ratio?: number;
  perSecond?: number;
  p99Ms?: number;
  p50Ms?: number;
  /** Shown in the report, e.g. "≥ 50× baseline". Derived from the bounds when absent. */
  text?: string;
}

export interface ThroughputRow {
  label: string;
  perSecond: number;
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  completed: number;
  failed: number;
  /** Load concurrency (clients, connections or in-flight transactions); rows with one are charted against it. */
  concurrency?: number;
  p90Ms?: number;
  maxMs?: number;
  /** Compact latency histogram (stats.ts) for the report's latency distribution. */
  histogram?: LatencyHistogram;
  target?: Target;
  /** Short series name for the charts (rows of one series differ only in concurrency). */
  series?: string;
  /** The baseline this row's ratio is taken to when it is not the benchmark's (blocks.ts: one network per row group). */
  baselinePerSecond?: number;
}

/** A row as bench-results/<name>.json stores it: with its ratio and whether it met its target. */
export interface ReportedRow extends ThroughputRow {
  ratio: number;
  met?: boolean;
}

export interface BenchmarkResult {
  benchmark: string;
  when: string;
  baselinePerSecond: number;
  blockCutting?: unknown;
  rows: ReportedRow[];
  [note: string]: unknown;
}

/** One trace event per transaction through the fabric-gateway client at one concurrency. */
export async function measureOneEventPerTransaction(layout: NetworkLayout, identity: EnrolledIdentity, concurrency: number, seconds: number): Promise<ThroughputRow & { firstError?: string }> {
  const peer = layout.peers.find((p) => p.org.mspId === identity.mspId) ?? layout.peers[0];
  const spec: SubmitLoadSpec = {
    peerAddress: peer.address,
    peerTlsRootCert: path.join(peer.tlsDir, 'ca.crt'),
    identity: { mspId: identity.mspId, certificate: identity.certificate, privateKey: identity.privateKey },
    concurrency,
    seconds,
    runId: `tx-${Date.now().toString(36)}-c${concurrency}`,
  };
  const result = await runLoadProcess<SubmitLoadResult>('submitLoad.js', spec, seconds);
  const latency = summariseLatencies(result.latenciesMs);
  return {
    label: `1 event/tx, fabric-gateway client, c=${concurrency}`,
    series: '1 event/tx (baseline)',
    concurrency,
    perSecond: result.committed / result.seconds,
    p50Ms: latency.p50Ms,
    p90Ms: latency.p90Ms,
    p99Ms: latency.p99Ms,
    maxMs: latency.maxMs,
    histogram: latency.histogram,
    completed: result.committed,
    failed: result.failed,
    firstError: result.firstError,
  };
}

/** The concurrencies the baseline is the best of. */
export const BASELINE_CONCURRENCY = [8, 32, 64];

/** The run's baseline: the peak of one event per transaction over BASELINE_CONCURRENCY, with every level's row. */
export interface Baseline {
  perSecond: number;
  concurrency: number;
  levels: ThroughputRow[];
  blockCutting: unknown;
}

/**
 * Measures the baseline every ratio is taken to: the PEAK rate of one trace event per transaction
 * through the fabric-gateway client, best of concurrency 8, 32 and 64, on the network (and so the
 * orderer block settings) the measured run uses. Call it in the same run as the figures it divides.
 *
 * @example
 * const baseline = await measureBaseline(layout, firm);
 * report('coldchain', baseline.perSecond, [...baseline.levels, batchedRow]);
 */
export async function measureBaseline(
  layout: NetworkLayout,
  identity: EnrolledIdentity,
  options: { seconds?: number; concurrency?: number[] } = {},
): Promise<Baseline> {
  const seconds = options.seconds ?? Number(process.env.BENCH_BASELINE_SECONDS ?? 10);
  const levels: ThroughputRow[] = [];
  for (const concurrency of options.concurrency ?? BASELINE_CONCURRENCY) {
    step('bench', `baseline: one event per transaction, c=${concurrency}, ${seconds}s`);
    const row = await measureOneEventPerTransaction(layout, identity, concurrency, seconds);
    if (row.firstError) step('bench', `  ${row.failed} failed; first error: ${row.firstError}`);
    step('bench', `  ${row.perSecond.toFixed(1)} tx/s, p50 ${row.p50Ms?.toFixed(0) ?? '-'} ms, p99 ${row.p99Ms?.toFixed(0) ?? '-'} ms`);
    delete row.firstError;
    levels.push(row);
  }
  const best = levels.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  return { perSecond: best.perSecond, concurrency: best.concurrency ?? 0, levels, blockCutting: blockCutting() };
}

/**
 * The baseline of this run: the one `npm run bench` measured first on its shared network when there
 * is one (same network, same block settings), otherwise measured now.
 */
export async function sameRunBaseline(layout: NetworkLayout, identity: EnrolledIdentity): Promise<Baseline> {
  const file = process.env[RUN_BASELINE_ENV];
  if (file && fs.existsSync(file)) {
    const baseline = JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline;
    step('bench', `baseline of this run: ${baseline.perSecond.toFixed(1)} tx/s at c=${baseline.concurrency} (bench-results/baseline.json)`);
    return baseline;
  }
  return measureBaseline(layout, identity);
}

/** Saves a baseline where sameRunBaseline of the later benchmarks of an `npm run bench` run finds it. */
export function saveRunBaseline(baseline: Baseline): void {
  const file = process.env[RUN_BASELINE_ENV];
  if (file) {
    fs.writeFileSync(file, JSON.stringify(baseline));
  }
}

/**
 * Runs `action` on the bench network: the one `npm run bench` started when there is one (left
 * running for the next benchmark), otherwise a network started here and stopped afterwards.
 */
export async function withBenchNetwork<T>(layout: NetworkLayout, options: NetworkUpOptions, action: () => Promise<T>): Promise<T> {
  const shared = process.env[SHARED_NETWORK_ENV] === layout.profile.name;
  await networkUp(layout, options);
  try {
    return await action();
  } finally {
    if (!shared) {
      await networkDown(layout);
    }
  }
}

/** The text of a target: its own, or one made from its bounds. */
export function targetText(target: Target): string {
  if (target.text) return target.text;
  const parts: string[] = [];
  if (target.ratio !== undefined) parts.push(`≥ ${target.ratio}× baseline`);
  if (target.perSecond !== undefined) parts.push(`≥ ${target.perSecond}/s`);
  if (target.p50Ms !== undefined) parts.push(`p50 < ${target.p50Ms} ms`);
  if (target.p99Ms !== undefined) parts.push(`p99 < ${target.p99Ms} ms`);
  return parts.join(', ');
}

/** Whether a row meets its target; undefined without one. A missing latency fails a latency bound. */
export function meetsTarget(row: ThroughputRow, baselinePerSecond: number): boolean | undefined {
  const target = row.target;
  if (!target) return undefined;
  const checks: boolean[] = [];
  if (target.ratio !== undefined) checks.push(row.perSecond / baselinePerSecond >= target.ratio);
  if (target.perSecond !== undefined) checks.push(row.perSecond >= target.perSecond);
  if (target.p50Ms !== undefined) checks.push(row.p50Ms !== undefined && row.p50Ms < target.p50Ms);
  if (target.p99Ms !== undefined) checks.push(row.p99Ms !== undefined && row.p99Ms < target.p99Ms);
  return checks.every(Boolean);
}

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '-' : n.toFixed(digits));

/**
 * Prints rows with their ratio to the baseline of the same run (and, for rows with a target, whether
 * it is met), and writes them as bench-results/<name>.json, which `npm run bench` merges into its
 * report. The block settings of the network are recorded unless `notes` gives them.
 */
export function report(name: string, baselinePerSecond: number, rows: ThroughputRow[], notes: Record<string, unknown> = {}): BenchmarkResult {
  const reported: ReportedRow[] = rows.map((row) => {
    const kept: ThroughputRow & { firstError?: string; transactionsPerSecond?: number } = { ...row };
    delete kept.firstError;
    const base = row.baselinePerSecond ?? baselinePerSecond;
    const met = meetsTarget(row, base);
    return { ...kept, ratio: row.perSecond / base, ...(met === undefined ? {} : { met }) };
  });
  const width = Math.max(...rows.map((r) => r.label.length), 10);
  process.stdout.write(`\n${'measurement'.padEnd(width)} |   per s | ratio to baseline | p50 ms | p99 ms | completed | failed | target\n`);
  process.stdout.write(`${'-'.repeat(width)}-|---------|-------------------|--------|--------|-----------|--------|-------\n`);
  for (const r of reported) {
    const target = r.target ? `${targetText(r.target)}: ${r.met ? 'met' : 'MISSED'}` : '';
    process.stdout.write(
      `${r.label.padEnd(width)} | ${fmt(r.perSecond, 1).padStart(7)} | ${fmt(r.ratio, 2).padStart(17)} | ${fmt(r.p50Ms).padStart(6)} | ${fmt(r.p99Ms).padStart(6)} | ${String(r.completed).padStart(9)} | ${String(r.failed).padStart(6)} | ${target}\n`,
    );
  }
  const result: BenchmarkResult = { benchmark: name, when: new Date().toISOString(), baselinePerSecond, blockCutting: blockCutting(), ...notes, rows: reported };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nbaseline ${baselinePerSecond.toFixed(1)}/s; JSON in bench-results/${name}.json\n`);
  return result;
}
