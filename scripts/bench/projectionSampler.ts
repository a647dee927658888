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
}

interface Health {
  ledger: { height?: number };
  projection: { projectedHeight: number; projected?: { busySeconds: number; domains: Record<string, Record<string, number>> } };
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
  };
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
