import type { NetworkLayout } from '../../network/src/layout';

/** One look at the gateway's projection (`GET /health`). */
export interface ProjectionSample {
  atMs: number;
  ledgerHeight: number;
  projectedHeight: number;
  /** Custody events the cold-chain projection wrote since the gateway started. */
  custodyEvents: number;
  /** Seconds the projector spent writing groups since the gateway started. */
  busySeconds: number;
  /** Where those seconds went: the projector's phases and the cold chain's share of `documents` (its `…Seconds` counts). */
  phaseSeconds: Record<string, number>;
}

interface Health {
  ledger: { height?: number };
  projection: { projectedHeight: number; projected?: { busySeconds: number; phaseSeconds?: Record<string, number>; domains: Record<string, Record<string, number>> } };
}

const SAMPLE_MS = 250;

export async function sampleProjection(layout: NetworkLayout): Promise<ProjectionSample> {
  const health = (await (await fetch(`http://127.0.0.1:${layout.gatewayPort}/health`)).json()) as Health;
  return {
    atMs: Date.now(),
    ledgerHeight: health.ledger.height ?? 0,
    projectedHeight: health.projection.projectedHeight,
    custodyEvents: health.projection.projected?.domains.coldchain?.custodyEvents ?? 0,
    busySeconds: health.projection.projected?.busySeconds ?? 0,
    phaseSeconds: {
      ...health.projection.projected?.phaseSeconds,
      ...Object.fromEntries(Object.entries(health.projection.projected?.domains.coldchain ?? {}).filter(([key]) => key.endsWith('Seconds')).map(([key, value]) => [`coldchain.${key.replace(/Seconds$/, '')}`, value])),
    },
  };
}

/** Seconds per phase between two samples, largest first, as "phase 1.2 s (34 %)" of the busy time. */
export function phaseBreakdown(from: ProjectionSample, to: ProjectionSample): string {
  const busy = Math.max(1e-6, to.busySeconds - from.busySeconds);
  return Object.entries(to.phaseSeconds)
    .map(([phase, seconds]) => [phase, seconds - (from.phaseSeconds[phase] ?? 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s (${((seconds / busy) * 100).toFixed(0)} %)`)
    .join(', ');
}

/** Samples until every block below `height` is projected; resolves with the sample that saw it. */
export async function projectedUpTo(layout: NetworkLayout, height: number, timeoutMs: number): Promise<ProjectionSample> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sample = await sampleProjection(layout).catch(() => undefined);
    if (sample && sample.projectedHeight >= height) return sample;
    if (Date.now() > deadline) throw new Error(`the projection did not reach block ${height} within ${timeoutMs / 1000} s (at ${sample?.projectedHeight ?? '?'})`);
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
}

/** What the projector did between two samples: custody events per second of its busy time and of the wall clock. */
export function projectionRate(from: ProjectionSample, to: ProjectionSample): { events: number; perBusySecond: number; perWallSecond: number; busyShare: number } {
  const events = to.custodyEvents - from.custodyEvents;
  const busy = Math.max(1e-6, to.busySeconds - from.busySeconds);
  const wall = Math.max(1e-6, (to.atMs - from.atMs) / 1000);
  return { events, perBusySecond: events / busy, perWallSecond: events / wall, busyShare: busy / wall };
}
