import {
  conflict,
  forbidden,
  invalid,
  inspectionValidUntil,
  MAX_ELEVATOR_DEFECTS,
  notFound,
  scheduledInspectionKind,
  useYearOf,
  type Inspection,
  type InspectionInput,
  type Rectification,
} from '../../../model/src';
import { inspectionKey } from './elevatorKeys';
import { requireNotFutureDate } from './elevatorRegistry';
import type { ElevatorSession } from './elevatorSession';

/**
 * An inspection body records a periodic inspection or self-test. A pass is valid a year; a fail, or a
 * defect left open past its deadline, makes the lift unfit (`fitness.ts`). The schedule says which
 * kind the lift owed that year; the record keeps both.
 */
export async function recordInspection(session: ElevatorSession, input: InspectionInput): Promise<Inspection> {
  requireNotFutureDate(session, input.inspectedOn, 'inspectedOn');
  const elevator = await session.elevatorByRegistration(input.registrationNumber);
  if (elevator.status === 'scrapped') throw conflict(`registrationNumber: elevator ${elevator.deviceCode} is scrapped`);
  if (input.inspectedOn < elevator.acceptedOn) throw invalid(`inspectedOn: ${input.inspectedOn} lies before the acceptance on ${elevator.acceptedOn}`);
  if (elevator.inspection && input.inspectedOn < elevator.inspection.inspectedOn) {
    throw invalid(`inspectedOn: ${input.inspectedOn} lies before the last inspection on ${elevator.inspection.inspectedOn}`);
  }
  const key = inspectionKey(session.ctx, elevator.deviceCode, input.reportNumber);
  if (await session.read(key)) throw conflict(`reportNumber: report ${input.reportNumber} is already recorded for elevator ${elevator.deviceCode}`);
  const inspection: Inspection = {
    ...input,
    deviceCode: elevator.deviceCode,
    bodyId: session.actorId,
    validUntil: inspectionValidUntil(input.inspectedOn, input.result),
    scheduledKind: scheduledInspectionKind(useYearOf(elevator.acceptedOn, input.inspectedOn)),
    recordedAt: session.now,
    txId: session.txId,
  };
  session.stage(key, inspection, 'inspections');
  elevator.inspection = { reportNumber: input.reportNumber, kind: input.kind, inspectedOn: input.inspectedOn, result: input.result, validUntil: inspection.validUntil, bodyId: session.actorId };
  for (const defect of input.defects) {
    elevator.defects.push({ ...defect, inspectionReport: input.reportNumber, bodyId: session.actorId });
  }
  // Past the bound, confirmed defects go first; open ones are never dropped silently.
  while (elevator.defects.length > MAX_ELEVATOR_DEFECTS) {
    const confirmed = elevator.defects.findIndex((defect) => defect.confirmedOn !== undefined);
    if (confirmed < 0) throw conflict(`defects: elevator ${elevator.deviceCode} has ${MAX_ELEVATOR_DEFECTS} open defects; confirm rectifications first`);
    elevator.defects.splice(confirmed, 1);
  }
  session.putElevator(elevator);
  if (input.result === 'fail') {
    await session.raiseAlert(elevator, 'inspectionFailed', input.reportNumber, elevator.usingUnitId, `inspection ${input.reportNumber} on ${input.inspectedOn} failed with ${input.defects.length} defects`, {
      reportNumber: input.reportNumber,
      defects: input.defects.length,
    });
  }
  return inspection;
}

/** The inspection body that found a defect confirms it rectified. */
export async function confirmRectification(session: ElevatorSession, input: Rectification): Promise<void> {
  requireNotFutureDate(session, input.confirmedOn, 'confirmedOn');
  const elevator = await session.elevatorByRegistration(input.registrationNumber);
  const defect = elevator.defects.find((d) => d.defectId === input.defectId && d.confirmedOn === undefined);
  if (!defect) throw notFound(`defectId: elevator ${elevator.deviceCode} has no open defect ${input.defectId}`);
  if (defect.bodyId !== session.actorId) throw forbidden(`only the inspection body ${defect.bodyId} that found defect ${input.defectId} may confirm its rectification; caller acts for ${session.actorId}`);
  defect.confirmedOn = input.confirmedOn;
  session.putElevator(elevator);
}
