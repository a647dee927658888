import type { Context } from 'fabric-contract-api';
import { asSeenBy, elevatorParties, ElevatorAudiences, forbidden, invalid, notFound, type Elevator, type ElevatorAlert, type Inspection, type MaintenanceRecord, type Rescue, type RuntimeAnchor } from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import { readerAudience } from '../registry/readerAudience';
import { elevatorKey, giaiIndexKey, registrationIndexKey, runtimeAnchorKey } from './elevatorKeys';

/** The lift by device code, registration number or GIAI, or NOT_FOUND. */
export async function findElevator(ctx: Context, id: string): Promise<Elevator> {
  const byDevice = await readRecord<Elevator>(ctx, elevatorKey(ctx, id));
  if (byDevice) return byDevice;
  const index = (await readRecord<{ deviceCode: string }>(ctx, registrationIndexKey(ctx, id))) ?? (await readRecord<{ deviceCode: string }>(ctx, giaiIndexKey(ctx, id)));
  const elevator = index && (await readRecord<Elevator>(ctx, elevatorKey(ctx, index.deviceCode)));
  if (!elevator) throw notFound(`no elevator has device code, registration number or GIAI ${id}`);
  return elevator;
}

const audienceFor = (ctx: Context, elevator: Elevator) => readerAudience(ctx, () => Promise.resolve(elevatorParties(elevator)));

/** The lift as the caller's audience sees it: the public view for anyone but its parties and regulators. */
export async function elevatorAsSeen(ctx: Context, id: string): Promise<unknown> {
  const elevator = await findElevator(ctx, id);
  return asSeenBy(ElevatorAudiences.elevator, await audienceFor(ctx, elevator), elevator);
}

export async function maintenanceRecordsAsSeen(ctx: Context, id: string): Promise<unknown[]> {
  const elevator = await findElevator(ctx, id);
  const audience = await audienceFor(ctx, elevator);
  const records = await readRecordsByPartialKey<MaintenanceRecord>(ctx, KeyTypes.maintenanceRecord, elevator.deviceCode);
  return records.sort((a, b) => Date.parse(a.arrivedAt) - Date.parse(b.arrivedAt)).map((record) => asSeenBy(ElevatorAudiences.maintenanceRecord, audience, record));
}

/** Alerts, rescues and inspections: the parties' and regulators' business, not the public's. */
export async function partyRecords(ctx: Context, id: string, kind: 'alerts' | 'rescues' | 'inspections'): Promise<(ElevatorAlert | Rescue | Inspection)[]> {
  const elevator = await findElevator(ctx, id);
  if ((await audienceFor(ctx, elevator)) === 'public') return [];
  const type = kind === 'alerts' ? KeyTypes.elevatorAlert : kind === 'rescues' ? KeyTypes.elevatorRescue : KeyTypes.elevatorInspection;
  return readRecordsByPartialKey(ctx, type, elevator.deviceCode);
}

/**
 * One anchored window of the lift's IoT runtime, the root a summary's inclusion proof is checked
 * against. Runtime is the parties' and regulators' business: anyone else is refused.
 */
export async function runtimeAnchorAsSeen(ctx: Context, id: string, windowStart: string): Promise<RuntimeAnchor> {
  const elevator = await findElevator(ctx, id);
  if ((await audienceFor(ctx, elevator)) === 'public') throw forbidden(`the runtime of elevator ${elevator.deviceCode} is for its using unit, its maintenance firm and regulators`);
  const start = Date.parse(windowStart);
  if (Number.isNaN(start)) throw invalid(`windowStart: ${windowStart} is no time`);
  const anchor = await readRecord<RuntimeAnchor>(ctx, runtimeAnchorKey(ctx, elevator.deviceCode, new Date(start).toISOString()));
  if (!anchor) throw notFound(`windowStart: elevator ${elevator.deviceCode} has no runtime window anchored from ${new Date(start).toISOString()}`);
  return anchor;
}
