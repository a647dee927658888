import type { Elevator } from './elevator';
import { OVERDUE_TIER } from './elevator';
import { addDays, isPastShanghaiDay, shanghaiDateOf } from './shanghaiCalendar';

/** Whether a lift may carry people, with every reason it may not (fit for use: 准用). */
export interface Fitness {
  fit: boolean;
  reasons: string[];
}

/**
 * Whether a lift is fit for use at `now`: registered and in use, its last inspection passed and still
 * valid, and no inspection defect open past its rectification deadline. Overdue maintenance is an
 * alert, not unfitness: it does not by itself stop the lift.
 *
 * @example
 * fitnessOf(elevator, '2026-12-01T08:00:00+08:00') // { fit: false, reasons: ['inspection valid until 2026-11-30 has expired'] }
 */
export function fitnessOf(elevator: Elevator, now: string | number): Fitness {
  const reasons: string[] = [];
  if (elevator.status === 'accepted') reasons.push('not registered for use');
  if (elevator.status === 'suspended') reasons.push('suspended');
  if (elevator.status === 'scrapped') reasons.push('scrapped');
  const inspection = elevator.inspection;
  if (!inspection) {
    reasons.push('no inspection on record');
  } else if (inspection.result === 'fail') {
    reasons.push(`failed inspection ${inspection.reportNumber} on ${inspection.inspectedOn}`);
  } else if (isPastShanghaiDay(inspection.validUntil, now)) {
    reasons.push(`inspection valid until ${inspection.validUntil} has expired`);
  }
  for (const defect of elevator.defects) {
    if (defect.confirmedOn === undefined && isPastShanghaiDay(defect.rectifyBy, now)) {
      reasons.push(`defect ${defect.defectId} open past its deadline ${defect.rectifyBy}`);
    }
  }
  return { fit: reasons.length === 0, reasons };
}

/** Whether the lift's half-monthly visit is overdue at `now` (a registered lift in use only). */
export function isMaintenanceOverdue(elevator: Elevator, now: string | number): boolean {
  const due = elevator.due[OVERDUE_TIER];
  return elevator.status === 'registered' && due !== undefined && isPastShanghaiDay(due.dueOn, now);
}

/** Days from acceptance to `now` without registration: a lift in use 30 days unregistered is flagged. */
export const REGISTRATION_DEADLINE_DAYS = 30;

export function isUnregisteredPastDeadline(elevator: Elevator, now: string | number): boolean {
  if (elevator.status !== 'accepted') return false;
  return shanghaiDateOf(now) > addDays(elevator.acceptedOn, REGISTRATION_DEADLINE_DAYS);
}
