import {
  conflict,
  forbidden,
  invalid,
  MAX_ELEVATOR_RECENT_ENTRIES,
  minutesBetween,
  notFound,
  rescueArrivalLimitMinutes,
  shanghaiDateOf,
  type AccidentInput,
  type Elevator,
  type ElevatorAccident,
  type ElevatorFault,
  type FaultReport,
  type Rescue,
  type RescueArrival,
  type RescueCall,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { accidentKey, faultKey, rescueKey } from './elevatorKeys';
import type { ElevatorSession } from './elevatorSession';

/** Appends a time to a bounded list of recent times, oldest dropped first. */
function remember(times: string[], time: string): void {
  times.push(time);
  times.sort((a, b) => Date.parse(a) - Date.parse(b));
  times.splice(0, Math.max(0, times.length - MAX_ELEVATOR_RECENT_ENTRIES));
}

/**
 * A 96333 call centre records an entrapment call and its dispatch: the clock the firm's arrival is
 * judged by starts at the call, written by the centre, never by the firm.
 */
export async function recordRescueCall(session: ElevatorSession, call: RescueCall): Promise<Rescue> {
  requireEventTimeNotAhead(session.ctx, call.dispatchedAt, 'dispatchedAt');
  const elevator = await session.elevatorByRegistration(call.registrationNumber);
  const key = rescueKey(session.ctx, elevator.deviceCode, call.callId);
  if (await session.read(key)) throw conflict(`callId: call ${call.callId} is already recorded for elevator ${elevator.deviceCode}`);
  const policy = await session.regionPolicy(elevator.region);
  const rescue: Rescue = {
    ...call,
    deviceCode: elevator.deviceCode,
    callCentreId: session.actorId,
    firmId: elevator.maintenanceFirmId,
    arrivalLimitMinutes: rescueArrivalLimitMinutes(policy),
    recordedAt: session.now,
    txId: session.txId,
  };
  session.stage(key, rescue, 'rescues');
  if (call.trappedPassengers > 0) {
    remember(elevator.recentEntrapments, call.calledAt);
    session.putElevator(elevator);
  }
  return rescue;
}

/**
 * The firm that was under contract at the call records when its rescuer arrived and the passengers
 * were released; an arrival past the region's limit raises a clue against it.
 */
export async function recordRescueArrival(session: ElevatorSession, arrival: RescueArrival): Promise<Rescue> {
  requireEventTimeNotAhead(session.ctx, arrival.releasedAt, 'releasedAt');
  const elevator = await session.elevatorByRegistration(arrival.registrationNumber);
  const key = rescueKey(session.ctx, elevator.deviceCode, arrival.callId);
  const rescue = await session.read<Rescue>(key);
  if (!rescue) throw notFound(`callId: no call ${arrival.callId} is recorded for elevator ${elevator.deviceCode}`);
  if (rescue.firmId !== session.actorId) throw forbidden(`only the firm ${rescue.firmId} dispatched to call ${arrival.callId} may record its arrival; caller acts for ${session.actorId}`);
  if (rescue.arrivedAt !== undefined) throw conflict(`callId: the arrival of call ${arrival.callId} is already recorded (${rescue.arrivedAt})`);
  if (Date.parse(arrival.arrivedAt) < Date.parse(rescue.dispatchedAt)) throw invalid(`arrivedAt: ${arrival.arrivedAt} lies before the dispatch at ${rescue.dispatchedAt}`);
  rescue.arrivedAt = arrival.arrivedAt;
  rescue.releasedAt = arrival.releasedAt;
  rescue.arrivalMinutes = minutesBetween(rescue.calledAt, arrival.arrivedAt);
  rescue.arrivalTxId = session.txId;
  session.stage(key, rescue, 'rescues');
  if (rescue.arrivalMinutes > rescue.arrivalLimitMinutes) {
    await session.raiseAlert(elevator, 'lateRescueArrival', rescue.callId, rescue.firmId, `rescuer arrived ${rescue.arrivalMinutes} min after the call; the limit is ${rescue.arrivalLimitMinutes} min`, {
      callId: rescue.callId,
      calledAt: rescue.calledAt,
      arrivedAt: arrival.arrivedAt,
      arrivalMinutes: rescue.arrivalMinutes,
      limitMinutes: rescue.arrivalLimitMinutes,
    });
  }
  return rescue;
}

/** The using unit or the firm under contract reports a fault; faults past the region's count in its window raise a clue. */
export async function reportFault(session: ElevatorSession, elevator: Elevator, report: FaultReport): Promise<ElevatorFault> {
  requireEventTimeNotAhead(session.ctx, report.occurredAt, 'occurredAt');
  const fault: ElevatorFault = { ...report, faultId: session.txId, deviceCode: elevator.deviceCode, reportedBy: session.actorId, recordedAt: session.now, txId: session.txId };
  session.stage(faultKey(session.ctx, elevator.deviceCode, fault.faultId), fault, 'faults');
  remember(elevator.recentFaults, report.occurredAt);
  session.putElevator(elevator);
  const policy = await session.regionPolicy(elevator.region);
  const windowStart = Date.parse(report.occurredAt) - policy.repeatedFaultDays * 86_400_000;
  const inWindow = elevator.recentFaults.filter((time) => Date.parse(time) > windowStart && Date.parse(time) <= Date.parse(report.occurredAt)).length;
  if (inWindow >= policy.repeatedFaults) {
    // One clue per lift and Shanghai day: a burst of faults in a day is one thing to look into.
    await session.raiseAlert(elevator, 'repeatedFaults', shanghaiDateOf(report.occurredAt), elevator.maintenanceFirmId, `${inWindow} faults within ${policy.repeatedFaultDays} days`, {
      faults: inWindow,
      windowDays: policy.repeatedFaultDays,
      lastFaultAt: report.occurredAt,
    });
  }
  return fault;
}

/** A regulator records an accident after its investigation: once per accident id. */
export async function recordAccident(session: ElevatorSession, input: AccidentInput): Promise<ElevatorAccident> {
  requireEventTimeNotAhead(session.ctx, input.occurredAt, 'occurredAt');
  const elevator = await session.elevatorByRegistration(input.registrationNumber);
  const key = accidentKey(session.ctx, elevator.deviceCode, input.accidentId);
  if (await session.read(key)) throw conflict(`accidentId: accident ${input.accidentId} of elevator ${elevator.deviceCode} is already recorded`);
  const accident: ElevatorAccident = { ...input, deviceCode: elevator.deviceCode, region: elevator.region, recordedBy: session.actorId, recordedAt: session.now, txId: session.txId };
  session.stage(key, accident, 'accidents');
  return accident;
}
