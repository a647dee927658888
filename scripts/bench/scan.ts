import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gatewayDataDir } from '../../network/src/gatewayConfig';
import { step } from '../../network/src/progress';
import { parseDigitalLink } from '../../model/src';
import { loadOrCreateCodeSigningKey, signedCodeUri } from '../../gateway/src/qr';
import { FULL_VOLUME_LOTS, generateColdChainVolume, volumeOptionsFromEnv } from './generate';
import { report, runLoadProcess, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { runReadBenchmark, waitForProjection } from './readSetup';

/**
 * Scan benchmark (issue #5): the Digital Link resolver with ≥ 100,000 lots projected (GEN_LOTS,
 * default 100,000; lots only unless GEN_HOPS adds custody hops), as JSON, linkset and the HTML
 * consumer page of short codes, and the HTML page of signed codes (each code's first scan verifies
 * its ES256 signature; then 20,000 of them scanned again, verdicts known), from a separate autocannon process cycling over every lot URI (no hot key).
 * Anonymous traffic from one loopback address: the benchmark lifts the per-address limit
 * (TRACELEDGER_ANONYMOUS_RATE_LIMIT=100000000 per minute), so it measures the resolver, not the limiter.
 * Target: ≥ 3,000 requests/s with p99 < 50 ms.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_SCAN_CONNECTIONS ?? 32);
const TARGET_PER_SECOND = 3_000;
const TARGET_P99_MS = 50;
/** Signed codes scanned a second time in the last phase. */
const RESCANNED_CODES = 20_000;

runReadBenchmark(async ({ layout, base, baseline }) => {
  const options = { ...volumeOptionsFromEnv(), hops: Number(process.env.GEN_HOPS ?? 0), lineageShare: Number(process.env.GEN_LINEAGE_SHARE ?? 0) };
  if (options.lots < FULL_VOLUME_LOTS) step('bench', `GEN_LOTS=${options.lots}: below the issue's ${FULL_VOLUME_LOTS} items, figures are not comparable to the target`);
  const volume = await generateColdChainVolume(layout, options);
  const projectionWait = await waitForProjection(base);
  step('bench', `${volume.allLots.length} lots projected; lag 0 ${projectionWait.toFixed(1)} s after generation ended`);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-bench-'));
  const writePaths = (name: string, lines: string[]): string => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  // Shuffled, so consecutive requests never share a key.
  const paths = volume.allLots.map((lotId) => `/${lotId}`).sort(() => Math.random() - 0.5);
  const pathsFile = writePaths('paths.txt', paths);
  step('bench', `signing ${paths.length} codes with the gateway's code key`);
  const codeKey = await loadOrCreateCodeSigningKey(gatewayDataDir(layout));
  const signedPaths: string[] = [];
  for (const lotPath of paths) signedPaths.push(await signedCodeUri('', parseDigitalLink(lotPath), codeKey.kid, codeKey.privateKey));
  const signedPathsFile = writePaths('signed-paths.txt', signedPaths);
  // Codes the signed phase verifies first (it reaches far beyond this many), scanned again: verdicts known.
  const rescannedFile = writePaths('rescanned-paths.txt', signedPaths.slice(0, RESCANNED_CODES));

  const rows: ThroughputRow[] = [...baseline.levels];
  const verdicts: string[] = [];
  const phases = [['JSON', 'application/json', pathsFile], ['linkset', 'application/linkset+json', pathsFile], ['HTML page', 'text/html', pathsFile], ['HTML page, signed codes', 'text/html', signedPathsFile], ['HTML page, signed codes scanned before', 'text/html', rescannedFile]] as const;
  for (const [label, accept, file] of phases) {
    const uris = file === rescannedFile ? RESCANNED_CODES : paths.length;
    step('bench', `resolver ${label}: autocannon c=${CONNECTIONS}, ${SECONDS}s over ${uris} item URIs`);
    const load = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: paths[0], method: 'GET', connections: CONNECTIONS, seconds: SECONDS, pathsFile: file, accept } satisfies HttpLoadSpec, SECONDS);
    rows.push({
      label: `resolver ${label}, ${uris} URIs, c=${CONNECTIONS}`, perSecond: load.requestsPerSecond, p50Ms: load.p50Ms, p99Ms: load.p99Ms, completed: load.total - load.non2xx, failed: load.non2xx + load.errors,
      concurrency: CONNECTIONS, series: `resolver ${label}`, target: { perSecond: TARGET_PER_SECOND, p99Ms: TARGET_P99_MS },
    });
    const met = load.requestsPerSecond >= TARGET_PER_SECOND && load.p99Ms < TARGET_P99_MS;
    verdicts.push(`resolver ${label}: target ≥ ${TARGET_PER_SECOND} req/s p99 < ${TARGET_P99_MS} ms, measured ${load.requestsPerSecond.toFixed(0)} req/s p99 ${load.p99Ms} ms: ${met ? 'MET' : 'MISSED'}`);
  }
  process.stdout.write(`\n${verdicts.join('\n')}\nrate limit for the run: TRACELEDGER_ANONYMOUS_RATE_LIMIT=100000000/min (one loopback client)\n`);
  report('scan', baseline.perSecond, rows, { items: paths.length, connections: CONNECTIONS, seconds: SECONDS, generationSeconds: volume.seconds, projectionWaitSeconds: projectionWait });
});
