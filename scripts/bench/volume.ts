import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { NetworkLayout, profileNamed, REPO_ROOT } from '../../network/src/layout';
import { gatewayConfigFile } from '../../network/src/gatewayConfig';
import { networkDown, networkReset, networkUp, storeUri } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { generateColdChainVolume, volumeOptionsFromEnv, type GeneratedVolume, type VolumeOptions } from './generate';
import { measureBaseline, report, runLoadProcess, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { spread, traceRows, waitForProjection } from './readSetup';
import { digestDifferences, projectionDigest } from './volume/projectionDigest';
import { volumeFromStore } from './volume/volumeFromStore';

/**
 * The read side at full volume (issue 14), on the `volume` network, whose state is kept:
 * 1. first run: 100,000 lots × 5 hops = 1,000,000 custody events generated through the batch paths
 *    with the gateway's projector running, timed to the moment the projection has caught up; the
 *    lot list is saved with the state, so later runs skip this and start from it;
 * 2. a warm restart of the whole network, then scans over every lot (the consumer views come from
 *    the gateway's snapshot), timed from the start;
 * 3. trace forward/back 5 hops at that volume;
 * 4. `reproject` of the whole ledger into a second database, timed, and compared document by
 *    document (digests) with the live projection.
 * Every figure with its ratio to the baseline measured in this run. `BENCH_VOLUME_REPROJECT=0` skips 4.
 * `BENCH_VOLUME_FROM_STORE=<seconds>@<when>`: a generation that stopped part-way (no saved lot list)
 * is measured as the projection holds it; the generation's seconds and time are given, since no file kept them.
 */
const SCAN_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SCAN_CONNECTIONS = Number(process.env.BENCH_SCAN_CONNECTIONS ?? 32);
const TRACE_STARTS = Number(process.env.BENCH_TRACE_STARTS ?? 500);
const TRACE_CONNECTIONS = Number(process.env.BENCH_TRACE_CONNECTIONS ?? 8);
const REPROJECT = process.env.BENCH_VOLUME_REPROJECT !== '0';

/** What the first run generated, kept beside the network's state. */
interface VolumeManifest {
  options: VolumeOptions;
  volume: GeneratedVolume;
  /** Generation start → projection lag 0, with the projector running throughout. */
  generatedAndProjectedSeconds: number;
  projectionWaitSeconds: number;
  generatedAt: string;
}

const sameOptions = (a: VolumeOptions, b: VolumeOptions): boolean => JSON.stringify(a) === JSON.stringify(b);

runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('volume'));
  process.env.TRACELEDGER_ANONYMOUS_RATE_LIMIT ??= '100000000';
  process.env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE ??= '100000000';
  // A temperature coverage check is one transaction per lot: 100,000 of them would run beside every
  // later phase. The checks are the cold chain's write path, measured by bench:coldchain, not here.
  process.env.TRACELEDGER_COVERAGE_SWEEP_SECONDS ??= '86400';
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  const options = volumeOptionsFromEnv();
  const manifestFile = path.join(layout.stateDir, 'volume.json');
  const kept = fs.existsSync(manifestFile) ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as VolumeManifest) : undefined;
  const rows: ThroughputRow[] = [];
  const notes: Record<string, unknown> = { loadAverageAtStart: os.loadavg()[0] };

  let manifest: VolumeManifest;
  if (!kept && process.env.BENCH_VOLUME_FROM_STORE) {
    // A generation that stopped part-way left its blocks and projection but no lot list: measure what is there.
    await networkUp(layout, { store: true, gateway: true });
    await waitForProjection(base, 4 * 3_600_000);
    const health = (await (await fetch(`${base}/health`)).json()) as { projection: { projected: { domains: Record<string, Record<string, number>> } } };
    const store = await mongoose.createConnection(storeUri(layout)).asPromise();
    const volume = await volumeFromStore(store, health.projection.projected.domains.coldchain?.custodyEvents ?? 0).finally(() => store.close());
    const [seconds, generatedAt] = process.env.BENCH_VOLUME_FROM_STORE.split('@');
    volume.seconds = Number(seconds);
    // The catch-up after the generation stopped was not timed: no "generated and projected" figure.
    manifest = { options: { ...options, lots: volume.lots }, volume, generatedAndProjectedSeconds: Number.NaN, projectionWaitSeconds: Number.NaN, generatedAt: generatedAt ?? 'unknown' };
    step('bench', `measuring the volume the projection holds: ${volume.allLots.length} lots, ${volume.custodyEvents} custody events (BENCH_VOLUME_FROM_STORE)`);
  } else if (kept && sameOptions(kept.options, options)) {
    manifest = kept;
    step('bench', `reusing the volume generated ${kept.generatedAt}: ${kept.volume.lots} lots, ${kept.volume.custodyEvents} custody events (state in ${path.relative(REPO_ROOT, layout.stateDir)})`);
    await networkUp(layout, { store: true, gateway: true });
  } else {
    step('bench', `fresh volume network (${path.relative(REPO_ROOT, layout.stateDir)} wiped): ${options.lots} lots × ${options.hops} hops`);
    await networkReset(layout);
    await networkUp(layout, { store: true, gateway: true });
    const started = Date.now();
    const volume = await generateColdChainVolume(layout, options);
    const projectionWaitSeconds = await waitForProjection(base, 4 * 3_600_000);
    manifest = { options, volume, generatedAndProjectedSeconds: (Date.now() - started) / 1000, projectionWaitSeconds, generatedAt: new Date().toISOString() };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    step('bench', `generated and projected in ${(manifest.generatedAndProjectedSeconds / 60).toFixed(1)} min (lag 0 ${projectionWaitSeconds.toFixed(1)} s after generation ended)`);
  }
  const { volume } = manifest;
  const extra = (): Record<string, unknown> => ({ ...notes, options, volume: { ...volume, allLots: volume.allLots.length, lineageRoots: volume.lineageRoots.length, lineageLeaves: volume.lineageLeaves.length }, generatedAndProjectedSeconds: manifest.generatedAndProjectedSeconds, generatedAt: manifest.generatedAt });
  const baseline = await measureBaseline(layout, await registerBenchEnterprise(layout));
  rows.push(...baseline.levels);
  rows.push({ label: `generation: ${volume.custodyEvents} custody events (${volume.lots} lots, projector on)`, perSecond: volume.custodyEvents / volume.seconds, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0 });
  if (!Number.isNaN(manifest.generatedAndProjectedSeconds)) rows.push(
    {
      label: 'generated and projected: custody events/s, generation start → lag 0', perSecond: volume.custodyEvents / manifest.generatedAndProjectedSeconds, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0,
      target: { perSecond: volume.custodyEvents / 3600, text: `1,000,000 events in < 60 min (measured ${(manifest.generatedAndProjectedSeconds / 60).toFixed(1)} min)` },
    },
  );

  step('bench', 'warm restart of the whole network (npm stop; npm start), then scans over every lot');
  await waitForProjection(base);
  await networkDown(layout);
  const restartAt = Date.now();
  await networkUp(layout, { store: true, gateway: true });
  const upSeconds = (Date.now() - restartAt) / 1000;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'volume-bench-'));
  const scanPaths = path.join(folder, 'scan.txt');
  fs.writeFileSync(scanPaths, `${volume.allLots.map((lotId) => `/${lotId}`).sort(() => Math.random() - 0.5).join('\n')}\n`);
  const scan = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: `/${volume.allLots[0]}`, method: 'GET', connections: SCAN_CONNECTIONS, seconds: SCAN_SECONDS, pathsFile: scanPaths, accept: 'application/json' } satisfies HttpLoadSpec, SCAN_SECONDS);
  const servedBy = (Date.now() - restartAt) / 1000;
  notes.warmStart = { upSeconds, scanWindowEndsAtSeconds: servedBy };
  rows.push({
    label: `scans over all ${volume.allLots.length} lots right after a warm start (up in ${upSeconds.toFixed(0)} s; window ends ${servedBy.toFixed(0)} s after start), c=${SCAN_CONNECTIONS}`,
    perSecond: scan.requestsPerSecond, p50Ms: scan.p50Ms, p99Ms: scan.p99Ms, completed: scan.total - scan.non2xx, failed: scan.non2xx + scan.errors, concurrency: SCAN_CONNECTIONS,
    target: { perSecond: 3_000, p99Ms: 50, text: '≥ 3,000 req/s, p99 < 50 ms within 60 s of start' },
  });

  for (const [direction, starts] of [['forward', [...volume.lineageRoots, ...spread(volume.allLots, TRACE_STARTS)].slice(0, TRACE_STARTS)], ['back', [...volume.lineageLeaves, ...spread(volume.allLots, TRACE_STARTS)].slice(0, TRACE_STARTS)]] as const) {
    rows.push(...(await traceRows(base, direction, starts, { folder, seconds: SCAN_SECONDS, connections: TRACE_CONNECTIONS, targetMs: 200, labelSuffix: ' at volume' })).rows);
  }

  // What is measured so far, in case the rebuild below is cut short.
  report('volume', baseline.perSecond, rows, extra());
  if (REPROJECT) {
    const database = 'traceledger_reproject';
    const config = JSON.parse(fs.readFileSync(gatewayConfigFile(layout), 'utf8')) as Record<string, unknown>;
    const rebuiltUri = storeUri(layout).replace(/\/[^/]*$/, `/${database}`);
    const configFile = path.join(layout.stateDir, 'gateway-reproject.json');
    fs.writeFileSync(configFile, JSON.stringify({ ...config, mongoUri: rebuiltUri, projectorLeaseSeconds: 3 }));
    step('bench', `npm run reproject of the whole ledger into database ${database}`);
    const rebuildStarted = Date.now();
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'projector.js'), '--reproject'], { stdio: 'inherit', env: { ...process.env, TRACELEDGER_GATEWAY_CONFIG: configFile, LOG_LEVEL: 'warn' } });
    const rebuildSeconds = (Date.now() - rebuildStarted) / 1000;
    rows.push({
      label: `reproject: custody events/s (${volume.custodyEvents} in ${(rebuildSeconds / 60).toFixed(1)} min)`, perSecond: volume.custodyEvents / rebuildSeconds, p50Ms: undefined, p99Ms: undefined, completed: volume.custodyEvents, failed: 0,
      target: { perSecond: volume.custodyEvents / 1800, text: 'whole ledger in < 30 min' },
    });
    step('bench', 'comparing every document of the rebuilt projection with the live one');
    const [live, rebuilt] = await Promise.all([mongoose.createConnection(storeUri(layout)).asPromise(), mongoose.createConnection(rebuiltUri).asPromise()]);
    try {
      const differences = digestDifferences(await projectionDigest(live), await projectionDigest(rebuilt));
      notes.reprojectEqualsLive = differences.length === 0;
      notes.reprojectDifferences = differences;
      step('bench', differences.length === 0 ? 'rebuilt projection equals the live one in every collection' : `DIFFERENT: ${differences.join('; ')}`);
      await rebuilt.dropDatabase();
    } finally {
      await Promise.all([live.close(), rebuilt.close()]);
    }
  }
  report('volume', baseline.perSecond, rows, extra());
  // The state stays for the next run.
  await networkDown(layout);
});
