import {
  conflict,
  forbidden,
  invalid,
  MAX_ELEVATOR_RECENT_ENTRIES,
  nextDue,
  notFound,
  plausibleMinutes,
  requiredItems,
  shanghaiDateOf,
  tiersCoveredBy,
  usageDays,
  type Elevator,
  type MaintenanceRecord,
  type MaintenanceRecordInput,
  type PresenceProofKind,
  type PresenceVerdict,
} from '../../../model/src';
import type { Caller } from '../common/caller';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { maintenanceRecordKey } from './elevatorKeys';
import type { ElevatorSession } from './elevatorSession';
import { checkPresence } from './presenceProof';
import { takeUsage } from './runtimeAnchors';
import { requireQualifiedWorkers } from './workers';

/** Every item of the tier's set accounted for once, done or skipped, and nothing else. */
function requireItemSet(elevator: Elevator, input: MaintenanceRecordInput): number[] {
  const required = new Map(requiredItems(elevator.type, input.tier).map((item) => [item.id, item]));
  const seen = new Set<string>();
  const account = (id: string, field: string): void => {
    if (!required.has(id)) throw invalid(`${field}: item ${id} is not in the ${input.tier} set for ${elevator.type} lifts`);
    if (seen.has(id)) throw invalid(`${field}: item ${id} is listed twice`);
    seen.add(id);
  };
  input.itemsDone.forEach((id) => account(id, 'itemsDone'));
  input.itemsSkipped.forEach(({ item }) => account(item, 'itemsSkipped'));
  const missing = [...required.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) throw invalid(`itemsDone: the ${input.tier} set for ${elevator.type} lifts also needs ${missing.join(', ')} (done, or skipped with a reason)`);
  return input.itemsDone.map((id) => required.get(id)?.minutes ?? 0);
}

/** The verdict on a record's proof: proven needs device codes or an acknowledged static code, and a plausible visit length. */
export function presenceVerdict(kind: PresenceProofKind, visitMinutes: number, plausible: number): PresenceVerdict {
  const reasons: string[] = [];
  if (kind === 'none') reasons.push('no proof of presence');
  if (kind === 'staticCode') reasons.push('static code not acknowledged by the using unit');
  if (visitMinutes < plausible) reasons.push(`visit of ${visitMinutes} min is shorter than the ${plausible} min its items take`);
  const strength = kind === 'deviceCode' ? 'strong' : kind === 'staticCodeAcknowledged' ? 'weak' : 'none';
  return { kind, strength, proven: reasons.length === 0, reasons, visitMinutes, plausibleMinutes: plausible };
}

/**
 * One visit of the firm under contract, submitted by one of the named workers with their own
 * identity. The record must account for the tier's item set, name enough qualified workers, start
 * after the previous visit ended, and lie in the past; its proof of presence is checked and judged.
 * A visit after its due date is recorded and flagged; an unproven one counts against the firm.
 */
export async function recordMaintenance(session: ElevatorSession, submitter: Caller, input: MaintenanceRecordInput): Promise<MaintenanceRecord> {
  const elevator = await session.elevatorByRegistration(input.registrationNumber);
  if (elevator.status !== 'registered') throw conflict(`registrationNumber: elevator ${elevator.deviceCode} is ${elevator.status}; only a registered lift in use is maintained on the ledger`);
  if (elevator.maintenanceFirmId !== session.actorId) {
    throw forbidden(`only the maintenance firm under contract ${elevator.maintenanceFirmId} may record maintenance of elevator ${elevator.deviceCode}; caller acts for ${session.actorId}`);
  }
  if (!input.workers.includes(submitter.enrollmentId)) throw forbidden(`workers: the submitter ${submitter.enrollmentId} must be one of the workers on site, who sign with their own identities`);
  requireEventTimeNotAhead(session.ctx, input.departedAt, 'departedAt');
  if (elevator.lastDepartedAt !== undefined && Date.parse(input.arrivedAt) < Date.parse(elevator.lastDepartedAt)) {
    throw invalid(`arrivedAt: ${input.arrivedAt} lies before the end of the lift's last recorded visit (${elevator.lastDepartedAt})`);
  }
  const visitOn = shanghaiDateOf(input.arrivedAt);
  if (elevator.registeredOn !== undefined && visitOn < elevator.registeredOn) throw invalid(`arrivedAt: ${visitOn} lies before the registration on ${elevator.registeredOn}`);
  const itemMinutes = requireItemSet(elevator, input);
  await requireQualifiedWorkers(session, elevator, input.workers, visitOn);
  const kind = checkPresence(elevator, input);
  const visitMinutes = Math.floor((Date.parse(input.departedAt) - Date.parse(input.arrivedAt)) / 60_000);
  const presence = presenceVerdict(kind, visitMinutes, plausibleMinutes(itemMinutes, input.workers.length));
  const covered = tiersCoveredBy(input.tier);
  // A longer tier's visit also answers for the shorter clocks it resets: it is late if it misses the earliest of them.
  const dueOn = covered
    .map((tier) => elevator.due[tier]?.dueOn)
    .filter((due): due is string => due !== undefined)
    .sort()[0];
  const outsideInterval = dueOn !== undefined && visitOn > dueOn;

  const { arrivalCode, departureCode, staticCode, ...kept } = input;
  void staticCode;
  const record: MaintenanceRecord = {
    ...kept,
    recordId: session.txId,
    deviceCode: elevator.deviceCode,
    firmId: session.actorId,
    visitOn,
    dueOn,
    outsideInterval,
    presence,
    arrivalCodeIssuedAt: arrivalCode?.issuedAt,
    departureCodeIssuedAt: departureCode?.issuedAt,
    signatures: { [submitter.enrollmentId]: session.now },
    recordedAt: session.now,
    txId: session.txId,
  };
  session.stage(maintenanceRecordKey(session.ctx, elevator.deviceCode, record.recordId), record, 'maintenanceRecords');

  const visit = { on: visitOn, recordId: record.recordId, firmId: record.firmId, proven: presence.proven, strength: presence.strength };
  // On demand, the next half-monthly due date follows the runs anchored since the last visit.
  const usage = elevator.interval.mode === 'onDemand' && covered.includes('halfMonthly') ? await takeUsage(session, elevator.deviceCode) : undefined;
  const figures = usage && usageDays(usage) > 0 ? { runs: usage.runs, days: usageDays(usage) } : undefined;
  for (const tier of covered) {
    elevator.visits[tier] = visit;
    elevator.due[tier] = nextDue(tier, visitOn, elevator.interval, tier === 'halfMonthly' ? figures : undefined);
  }
  elevator.lastMaintenance = { ...visit, tier: input.tier };
  elevator.recentVisits.push({ recordId: record.recordId, on: visitOn, proven: presence.proven, late: outsideInterval });
  elevator.recentVisits.splice(0, Math.max(0, elevator.recentVisits.length - MAX_ELEVATOR_RECENT_ENTRIES));
  elevator.lastDepartedAt = input.departedAt;
  if (departureCode) elevator.presenceUsedUpTo = departureCode.issuedAt;
  session.putElevator(elevator);

  if (outsideInterval) {
    await session.raiseAlert(elevator, 'outsideInterval', record.recordId, record.firmId, `${input.tier} visit on ${visitOn} after its due date ${dueOn}`, { recordId: record.recordId, visitOn, dueOn: dueOn ?? '' });
  }
  if (!presence.proven) {
    await session.raiseAlert(elevator, 'unprovenMaintenance', record.recordId, record.firmId, `visit on ${visitOn} unproven: ${presence.reasons.join('; ')}`, { recordId: record.recordId, kind });
  }
  return record;
}

async function readMaintenanceRecord(session: ElevatorSession, elevator: Elevator, recordId: string): Promise<MaintenanceRecord> {
  const record = await session.read<MaintenanceRecord>(maintenanceRecordKey(session.ctx, elevator.deviceCode, recordId));
  if (!record) throw notFound(`recordId: elevator ${elevator.deviceCode} has no maintenance record ${recordId}`);
  return record;
}

/** A named co-worker signs the record with their own identity, bound to the firm that recorded it. */
export async function signMaintenance(session: ElevatorSession, signer: Caller, registrationNumber: string, recordId: string): Promise<MaintenanceRecord> {
  const elevator = await session.elevatorByRegistration(registrationNumber);
  const record = await readMaintenanceRecord(session, elevator, recordId);
  if (record.firmId !== session.actorId) throw forbidden(`only workers of firm ${record.firmId} may sign its record ${recordId}; caller acts for ${session.actorId}`);
  if (!record.workers.includes(signer.enrollmentId)) throw forbidden(`${signer.enrollmentId} is not named among the workers of record ${recordId}`);
  if (record.signatures[signer.enrollmentId] !== undefined) throw conflict(`${signer.enrollmentId} already signed record ${recordId}`);
  record.signatures[signer.enrollmentId] = session.now;
  session.stage(maintenanceRecordKey(session.ctx, elevator.deviceCode, recordId), record, 'maintenanceRecords');
  return record;
}

/**
 * The using unit acknowledges a visit. A record proven by the static code only becomes weak proof
 * with it, and the lift's view of that visit follows.
 */
export async function acknowledgeMaintenance(session: ElevatorSession, registrationNumber: string, recordId: string): Promise<MaintenanceRecord> {
  const elevator = await session.elevatorByRegistration(registrationNumber);
  if (elevator.usingUnitId !== session.actorId) throw forbidden(`only the using unit ${elevator.usingUnitId} may acknowledge maintenance of elevator ${elevator.deviceCode}; caller acts for ${session.actorId}`);
  const record = await readMaintenanceRecord(session, elevator, recordId);
  if (record.acknowledgedBy !== undefined) throw conflict(`record ${recordId} was already acknowledged at ${record.acknowledgedAt ?? ''}`);
  record.acknowledgedBy = session.actorId;
  record.acknowledgedAt = session.now;
  if (record.presence.kind === 'staticCode') {
    record.presence = presenceVerdict('staticCodeAcknowledged', record.presence.visitMinutes, record.presence.plausibleMinutes);
    for (const visit of [...Object.values(elevator.visits), elevator.lastMaintenance]) {
      if (visit?.recordId === recordId) Object.assign(visit, { proven: record.presence.proven, strength: record.presence.strength });
    }
    for (const visit of elevator.recentVisits) {
      if (visit.recordId === recordId) visit.proven = record.presence.proven;
    }
    session.putElevator(elevator);
  }
  session.stage(maintenanceRecordKey(session.ctx, elevator.deviceCode, recordId), record, 'maintenanceRecords');
  return record;
}
