import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BLOCK_CUTTING } from '../../network/src/configtx';
import { NetworkLayout, profileNamed, REPO_ROOT } from '../../network/src/layout';
import { networkDown, networkUp } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { percentile } from './stats';
import type { SubmitLoadResult, SubmitLoadSpec } from './submitLoad';

/**
 * The baseline every performance figure is a ratio of: one trace event per transaction through the
 * fabric-gateway client, at concurrency 1, 8 and 32, each for a bounded time, from a separate load
 * process, on a network of its own (profile `bench`).
 */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

function runLoad(spec: SubmitLoadSpec): Promise<SubmitLoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'submitLoad.js'), JSON.stringify(spec)], { maxBuffer: 256 * 1024 * 1024, timeout: (spec.seconds + 180) * 1000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`load process failed: ${stderr || error.message}`));
      } else {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as SubmitLoadResult);
      }
    });
  });
}

export interface BaselineRow {
  concurrency: number;
  txPerSecond: number;
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  committed: number;
  failed: number;
}

runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('bench'));
  await networkUp(layout, { store: false, gateway: false });
  try {
    const firm = await registerBenchEnterprise(layout);
    const peer = layout.peerOf(layout.orgs.supply);
    const rows: BaselineRow[] = [];
    for (const concurrency of CONCURRENCY) {
      step('bench', `one event per transaction, concurrency ${concurrency}, ${SECONDS}s`);
      const result = await runLoad({
        peerAddress: peer.address,
        peerTlsRootCert: path.join(peer.tlsDir, 'ca.crt'),
        identity: { mspId: firm.mspId, certificate: firm.certificate, privateKey: firm.privateKey },
        concurrency,
        seconds: SECONDS,
        runId: `baseline-${Date.now().toString(36)}-c${concurrency}`,
      });
      if (result.firstError) {
        step('bench', `  ${result.failed} failed; first error: ${result.firstError}`);
      }
      rows.push({
        concurrency,
        txPerSecond: result.committed / result.seconds,
        p50Ms: percentile(result.latenciesMs, 50),
        p99Ms: percentile(result.latenciesMs, 99),
        committed: result.committed,
        failed: result.failed,
      });
    }
    const peak = Math.max(...rows.map((r) => r.txPerSecond));
    const fmt = (n: number | undefined, digits = 0): string => (n === undefined ? '-' : n.toFixed(digits));
    process.stdout.write('\nBaseline: one trace event per transaction (fabric-gateway client, separate load process)\n');
    process.stdout.write(`block cutting: BatchTimeout ${BLOCK_CUTTING.BatchTimeout}, MaxMessageCount ${BLOCK_CUTTING.BatchSize.MaxMessageCount}\n\n`);
    process.stdout.write('concurrency |   tx/s | ratio to peak | p50 commit ms | p99 commit ms | committed | failed\n');
    process.stdout.write('------------|--------|---------------|---------------|---------------|-----------|-------\n');
    for (const r of rows) {
      process.stdout.write(
        `${String(r.concurrency).padStart(11)} | ${fmt(r.txPerSecond, 1).padStart(6)} | ${fmt(r.txPerSecond / peak, 2).padStart(13)} | ${fmt(r.p50Ms).padStart(13)} | ${fmt(r.p99Ms).padStart(13)} | ${String(r.committed).padStart(9)} | ${String(r.failed).padStart(6)}\n`,
      );
    }
    const out = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(out, { recursive: true });
    const report = { benchmark: 'baseline', when: new Date().toISOString(), secondsPerLevel: SECONDS, blockCutting: BLOCK_CUTTING, peakTxPerSecond: peak, rows };
    fs.writeFileSync(path.join(out, 'baseline.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\npeak baseline ${peak.toFixed(1)} tx/s; JSON in bench-results/baseline.json\n`);
  } finally {
    await networkDown(layout);
  }
});
