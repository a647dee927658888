import { canonicalJson, conflict, forbidden, type Elevator, type ElevatorUsage, type RuntimeAnchor, type RuntimeAnchorInput } from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { runtimeAnchorKey, usageKey } from './elevatorKeys';
import type { ElevatorSession } from './elevatorSession';

const utc = (time: string): string => new Date(Date.parse(time)).toISOString();

/**
 * Anchors a window of the lift's IoT runtime summaries (the root the gateway built over them, with
 * their totals) and adds its runs to the lift's usage since its last visit, which the on-demand rule
 * reads at the next visit. Only the using unit, who runs the lift's monitoring, anchors; only a lift
 * with a registered monitoring device has summaries. The same window again changes nothing, another
 * root for it is refused: a root once anchored is what proofs are checked against.
 */
export async function anchorRuntime(session: ElevatorSession, elevator: Elevator, input: RuntimeAnchorInput): Promise<{ anchor: RuntimeAnchor; repeated: boolean }> {
  requireEventTimeNotAhead(session.ctx, input.windowEnd, 'windowEnd');
  if (!elevator.monitoringDevice) throw forbidden(`deviceCode: elevator ${elevator.deviceCode} has no registered monitoring device to report runtime`);
  const key = runtimeAnchorKey(session.ctx, elevator.deviceCode, utc(input.windowStart));
  const existing = await session.read<RuntimeAnchor>(key);
  if (existing) {
    if (canonicalJson({ ...existing, anchoredBy: undefined, anchoredAt: undefined, txId: undefined }) === canonicalJson(input)) return { anchor: existing, repeated: true };
    throw conflict(`windowStart: elevator ${elevator.deviceCode} already anchored another window from ${input.windowStart} (root ${existing.merkleRoot})`);
  }
  const anchor: RuntimeAnchor = { ...input, anchoredBy: session.actorId, anchoredAt: session.now, txId: session.txId };
  session.stage(key, anchor, 'runtimeAnchors');
  if (input.trappedEvents > 0) {
    // Online monitoring meets offline handling: a trap the device saw is a clue until a rescue on record explains it.
    await session.raiseAlert(elevator, 'iotEntrapment', utc(input.windowStart), elevator.maintenanceFirmId, `monitoring reported ${input.trappedEvents} trapped-passenger events between ${utc(input.windowStart)} and ${utc(input.windowEnd)}`, {
      trappedEvents: input.trappedEvents,
      windowStart: utc(input.windowStart),
      windowEnd: utc(input.windowEnd),
    });
  }
  // Runtime before the last visit ended belongs to the interval that visit closed.
  if (elevator.lastDepartedAt === undefined || Date.parse(input.windowStart) >= Date.parse(elevator.lastDepartedAt)) {
    const usage = (await session.read<ElevatorUsage>(usageKey(session.ctx, elevator.deviceCode))) ?? { deviceCode: elevator.deviceCode, runs: 0 };
    const from = usage.from === undefined || Date.parse(input.windowStart) < Date.parse(usage.from) ? utc(input.windowStart) : usage.from;
    const to = usage.to === undefined || Date.parse(input.windowEnd) > Date.parse(usage.to) ? utc(input.windowEnd) : usage.to;
    session.stage(usageKey(session.ctx, elevator.deviceCode), { deviceCode: elevator.deviceCode, runs: usage.runs + input.runs, from, to }, undefined);
  }
  return { anchor, repeated: false };
}

/** The usage the on-demand rule reads at a visit, and the reset that starts the next interval's count. */
export async function takeUsage(session: ElevatorSession, deviceCode: string): Promise<ElevatorUsage | undefined> {
  const key = usageKey(session.ctx, deviceCode);
  const usage = await session.read<ElevatorUsage>(key);
  if (usage) session.stage(key, { deviceCode, runs: 0 }, undefined);
  return usage;
}
