import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EnrolledIdentity } from '../../network/src/ca';
import { REPO_ROOT, type NetworkLayout } from '../../network/src/layout';
import { percentile } from './stats';
import type { SubmitLoadResult, SubmitLoadSpec } from './submitLoad';

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
    execFile(process.execPath, [path.join(__dirname, script), argument], { maxBuffer: 256 * 1024 * 1024, timeout: (seconds + 180) * 1000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${script} failed: ${stderr || error.message}`));
      } else {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
      }
    });
  });
}

/** The spec a load script was given by {@link runLoadProcess}. */
export function loadSpecArgument<T>(): T {
  const argument = process.argv[2];
  return JSON.parse(argument.startsWith('@') ? fs.readFileSync(argument.slice(1), 'utf8') : argument) as T;
}

export interface ThroughputRow {
  label: string;
  perSecond: number;
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  completed: number;
  failed: number;
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
  return {
    label: `1 event/tx, fabric-gateway client, c=${concurrency}`,
    perSecond: result.committed / result.seconds,
    p50Ms: percentile(result.latenciesMs, 50),
    p99Ms: percentile(result.latenciesMs, 99),
    completed: result.committed,
    failed: result.failed,
    firstError: result.firstError,
  };
}

const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '-' : n.toFixed(digits));

/** Prints rows with their ratio to the baseline of the same run, and writes them as JSON. */
export function report(name: string, baselinePerSecond: number, rows: ThroughputRow[], notes: Record<string, unknown> = {}): void {
  const width = Math.max(...rows.map((r) => r.label.length), 10);
  process.stdout.write(`\n${'measurement'.padEnd(width)} |   per s | ratio to baseline | p50 ms | p99 ms | completed | failed\n`);
  process.stdout.write(`${'-'.repeat(width)}-|---------|-------------------|--------|--------|-----------|-------\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.label.padEnd(width)} | ${fmt(r.perSecond, 1).padStart(7)} | ${fmt(r.perSecond / baselinePerSecond, 2).padStart(17)} | ${fmt(r.p50Ms).padStart(6)} | ${fmt(r.p99Ms).padStart(6)} | ${String(r.completed).padStart(9)} | ${String(r.failed).padStart(6)}\n`,
    );
  }
  const out = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify({ benchmark: name, when: new Date().toISOString(), baselinePerSecond, rows, ...notes }, null, 2)}\n`);
  process.stdout.write(`\nbaseline ${baselinePerSecond.toFixed(1)}/s; JSON in bench-results/${name}.json\n`);
}
