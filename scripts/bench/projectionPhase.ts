import type { NetworkLayout } from '../../network/src/layout';
import { networkUp } from '../../network/src/network';
import { step } from '../../network/src/progress';
import type { ThroughputRow } from './harness';
import { phaseBreakdown, projectedUpTo, projectionRate, sampleProjection } from './projectionSampler';

/** The batched level run with the projector on (`BENCH_PROJECTION_LEVEL`, `batch x concurrency`). */
const [BATCH, CONCURRENCY] = (process.env.BENCH_PROJECTION_LEVEL ?? '250x8').split('x').map(Number);
/** Target: the projection back at the ledger's height within this long after the load stops. */
const CATCH_UP_TARGET_S = 10;

/**
 * The read side against the write side, in one run: the gateway (and its projector) comes back after
 * the custody levels and first catches up on what they committed (its capacity on a backlog); then one
 * batched custody level runs with the projector on. Rows: committed custody events/s of that level,
 * and projected custody events/s over the projector's busy time (its ratio is to the committed rate
 * of the same level: ≥ 1 keeps up), plus how long after the load stopped the lag was 0 again.
 */
export async function projectionUnderLoad(
  layout: NetworkLayout,
  custodyLevel: (batchSize: number, concurrency: number) => Promise<ThroughputRow>,
): Promise<{ rows: ThroughputRow[]; notes: Record<string, unknown> }> {
  step('bench', 'gateway back on: the projector catches up on the custody levels');
  await networkUp(layout, { store: true, gateway: true });
  const backlogStart = await sampleProjection(layout);
  const backlogDone = await projectedUpTo(layout, backlogStart.ledgerHeight, 60 * 60_000);
  const backlog = projectionRate(backlogStart, backlogDone);
  step('bench', `  backlog of ${backlog.events} custody events projected at ${backlog.perBusySecond.toFixed(0)}/s busy, ${backlog.perWallSecond.toFixed(0)}/s wall`);
  step('bench', `  where the busy time went: ${phaseBreakdown(backlogStart, backlogDone)}`);

  step('bench', `custody, ${BATCH} events per transaction, c=${CONCURRENCY}, with the projector on`);
  const before = await sampleProjection(layout);
  const committed = await custodyLevel(BATCH, CONCURRENCY);
  const stopped = await sampleProjection(layout);
  const caughtUp = await projectedUpTo(layout, stopped.ledgerHeight, 10 * 60_000);
  const underLoad = projectionRate(before, caughtUp);
  const catchUpSeconds = (caughtUp.atMs - stopped.atMs) / 1000;
  step('bench', `  projected ${underLoad.events} custody events at ${underLoad.perBusySecond.toFixed(0)}/s busy (${(underLoad.busyShare * 100).toFixed(0)} % busy); lag 0 again ${catchUpSeconds.toFixed(1)} s after the load stopped`);
  step('bench', `  where the busy time went: ${phaseBreakdown(before, caughtUp)}`);
  return {
    rows: [
      committed,
      {
        label: `projection of that level: custody events/s over busy time (ratio: to committed)`,
        perSecond: underLoad.perBusySecond,
        baselinePerSecond: committed.perSecond,
        p50Ms: undefined,
        p99Ms: undefined,
        completed: underLoad.events,
        failed: 0,
        target: { ratio: 1, text: '≥ committed events/s of the same run' },
      },
      {
        label: `projection of the backlog (custody levels run with the gateway stopped)`,
        perSecond: backlog.perBusySecond,
        baselinePerSecond: committed.perSecond,
        p50Ms: undefined,
        p99Ms: undefined,
        completed: backlog.events,
        failed: 0,
      },
    ],
    notes: {
      catchUpSeconds,
      catchUpTargetSeconds: CATCH_UP_TARGET_S,
      catchUpMet: catchUpSeconds <= CATCH_UP_TARGET_S,
      underLoad: { ...underLoad, busyTime: phaseBreakdown(before, caughtUp) },
      backlog: { ...backlog, busyTime: phaseBreakdown(backlogStart, backlogDone) },
      committedPerSecond: committed.perSecond,
    },
  };
}
