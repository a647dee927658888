import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { waitFor } from '../../network/src/processes';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { adminToken, onboardThroughGateway } from '../demoData';
import { registerBenchEnterprise } from './benchEnterprise';
import { measureOneEventPerTransaction, report, runLoadProcess, withBenchNetwork, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { waitForProjection } from './readSetup';

/**
 * Gateway benchmark: the write route (POST /trace/events, answered after commit) against the
 * one-event-per-transaction baseline at the same concurrency in the same run, and a projection read
 * route (GET /trace/subjects/{id}/events) at concurrency 64.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WRITE_CONCURRENCY = Number(process.env.BENCH_WRITE_CONCURRENCY ?? 32);
const READ_CONCURRENCY = 64;

runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('bench'));
  // The read benchmark is anonymous traffic from one address: lift the per-address limit for it.
  process.env.TRACELEDGER_ANONYMOUS_RATE_LIMIT = '100000000';
  // Load generators write as one enterprise: the per-enterprise write quota would measure itself.
  process.env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE ??= '100000000';
  await withBenchNetwork(layout, { store: true, gateway: true }, async () => {
    const base = `http://127.0.0.1:${layout.gatewayPort}`;
    const direct = await registerBenchEnterprise(layout);
    // Earlier benchmarks of the run may have left the projector blocks behind; onboarding needs it current.
    step('bench', 'waiting for projection lag 0');
    step('bench', `projection caught up in ${(await waitForProjection(base)).toFixed(1)} s`);
    const token = await onboardThroughGateway(
      layout,
      await adminToken(layout),
      { id: '91330100MA27Y0C11B', name: 'Benchmark HTTP Cold Store', kinds: ['coldStore'], region: '330100', licences: [], enrollmentId: 'bench-http' },
      'bench-onboarding-91330100MA27Y0C11B',
    );

    step('bench', `baseline: one event per transaction via fabric-gateway, c=${WRITE_CONCURRENCY}, ${SECONDS}s`);
    const baseline = await measureOneEventPerTransaction(layout, direct, WRITE_CONCURRENCY, SECONDS);
    step('bench', `POST /trace/events via HTTP, c=${WRITE_CONCURRENCY}, ${SECONDS}s`);
    const runId = `http-${Date.now().toString(36)}`;
    const writes = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: '/trace/events', method: 'POST', connections: WRITE_CONCURRENCY, seconds: SECONDS, token, writeRunId: runId } satisfies HttpLoadSpec, SECONDS);
    // Reads are measured on a caught-up projection, not racing the projector's catch-up writes.
    await waitFor('the projection to catch up', async () => {
      const health = (await (await fetch(`${base}/health`)).json()) as { projection: { lag?: number } };
      return health.projection.lag === 0 ? true : undefined;
    }, { timeoutMs: 300_000, intervalMs: 500 });
    const subject = encodeURIComponent(`bench/${runId}/0`);
    step('bench', `GET /trace/subjects/{id}/events (projection), c=${READ_CONCURRENCY}, ${SECONDS}s`);
    const reads = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: `/trace/subjects/${subject}/events`, method: 'GET', connections: READ_CONCURRENCY, seconds: SECONDS } satisfies HttpLoadSpec, SECONDS);

    const rows: ThroughputRow[] = [
      baseline,
      { label: `POST /trace/events (HTTP, after commit), c=${WRITE_CONCURRENCY}`, perSecond: writes.requestsPerSecond, p50Ms: writes.p50Ms, p99Ms: writes.p99Ms, completed: writes.total - writes.non2xx, failed: writes.non2xx + writes.errors },
      { label: `GET /trace/subjects/{id}/events (projection), c=${READ_CONCURRENCY}`, perSecond: reads.requestsPerSecond, p50Ms: reads.p50Ms, p99Ms: reads.p99Ms, completed: reads.total - reads.non2xx, failed: reads.non2xx + reads.errors },
    ];
    process.stdout.write(`\nHTTP layer cost on writes: ${(100 * (1 - writes.requestsPerSecond / baseline.perSecond)).toFixed(1)}% of the baseline's throughput (target < 15%)\n`);
    report('gateway', baseline.perSecond, rows, { seconds: SECONDS });
  });
});
