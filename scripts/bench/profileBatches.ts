import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { networkDown, networkReset, networkUp } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { BENCH_PRODUCER, registerBenchEnterprise } from './benchEnterprise';
import { formatTopSelfTime, type CpuProfile } from './cpuProfile';
import { measureCustodyBatches } from './custodyBatches';
import { RESULTS_DIR } from './harness';

/**
 * `bash scripts/run.sh bench/profileBatches`: where the time of the hottest write path goes. A fresh
 * bench network whose chaincode servers run under `node --cpu-prof`, batched custody writes from a
 * profiled load process (BENCH_PROFILE_SECONDS, default 20; BENCH_PROFILE_EVENTS per transaction,
 * default 200; c=8), then the network stops (which writes the profiles into
 * bench-results/profiles/) and the top functions by self time of each process are printed. The
 * peers (Go) are profiled too, through their pprof endpoint (`go tool pprof -top`, flat = self time).
 * Not part of `npm run bench`: profiling slows what it measures.
 */
const SECONDS = Number(process.env.BENCH_PROFILE_SECONDS ?? 20);
const EVENTS = Number(process.env.BENCH_PROFILE_EVENTS ?? 200);

runCommand(async () => {
  const dir = path.join(RESULTS_DIR, 'profiles');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.TRACELEDGER_CPU_PROFILE = dir;
  process.env.TRACELEDGER_PEER_PPROF = '1';
  const layout = new NetworkLayout(profileNamed('bench'));
  step('profile', 'fresh bench network with profiled chaincode servers');
  await networkReset(layout);
  try {
    await networkUp(layout, { store: false, gateway: false });
    const producer = await registerBenchEnterprise(layout, BENCH_PRODUCER);
    const peerProfiles: Promise<string>[] = [];
    const row = await measureCustodyBatches(layout, producer, {
      concurrency: 8,
      eventsPerTransaction: EVENTS,
      lotsPerWorker: 10,
      seconds: SECONDS,
      onLoadStart: () => peerProfiles.push(...layout.peers.map((peer) => peerPprofTop(`${peer.org.key}`, peer.pprofPort, Math.max(5, SECONDS - 4), dir))),
    });
    for (const text of await Promise.all(peerProfiles)) process.stdout.write(`${text}\n\n`);
    process.stdout.write(`\nprofiled run: ${row.perSecond.toFixed(0)} events/s (${row.transactionsPerSecond.toFixed(1)} tx/s), p50/p99 ${row.p50Ms?.toFixed(0)}/${row.p99Ms?.toFixed(0)} ms per transaction, ${row.failed} failed${row.firstError ? ` (${row.firstError})` : ''}\n\n`);
  } finally {
    await networkDown(layout);
  }
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    process.stdout.write(`${formatTopSelfTime(file, profile, 15)}\n\n`);
  }
  process.stdout.write(`Profiles in ${path.relative(process.cwd(), dir)} (open in Chrome DevTools or summarise with bash scripts/run.sh cpuProfileTop <file>)\n`);
});

/**
 * A peer's CPU profile over `seconds` from its pprof endpoint, saved beside the Node profiles
 * (peer-<org>.pb.gz), and `go tool pprof -top` of it (flat = self time): its first lines.
 */
async function peerPprofTop(org: string, port: number, seconds: number, dir: string): Promise<string> {
  const file = path.join(dir, `peer-${org}.pb.gz`);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/debug/pprof/profile?seconds=${seconds}`, { signal: AbortSignal.timeout((seconds + 30) * 1000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    return `peer ${org}: fetching the pprof profile failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  return new Promise((resolve) => {
    execFile('go', ['tool', 'pprof', '-top', '-nodecount=20', file], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const text = error
        ? `peer ${org}: go tool pprof failed: ${stderr}${stdout}${error.message}`
        : `peer ${org} (Go, flat = self time):\n${stdout.split('\n').filter((line) => !/^(File|Build ID|Type|Time)/.test(line)).join('\n').trim()}`;
      fs.writeFileSync(path.join(dir, `peer-${org}.pprof.txt`), `${text}\n`);
      resolve(text);
    });
  });
}
