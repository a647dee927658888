import type { Context } from 'fabric-contract-api';
import { MspIds, OVERDUE_TIER, forbidden, isMaintenanceOverdue, isUnregisteredPastDeadline, type Elevator, type ElevatorAlert } from '../../../model/src';
import { callerOf } from '../common/caller';
import { actsAsRegulator, requireEnterpriseCaller } from '../registry/registeredCaller';
import type { ElevatorSession } from './elevatorSession';

/**
 * Who may ask for a lift's overdue check: a regulator, the gateway's platform identity running the
 * scheduled sweep, or the lift's using unit or firm. The check only states what the ledger already
 * shows at the transaction's time, so it cannot be turned against anyone; rivals are still kept out.
 */
export async function overdueCheckerOf(ctx: Context, elevator: Elevator): Promise<string> {
  const caller = callerOf(ctx);
  if (await actsAsRegulator(ctx, caller)) return `regulator:${caller.enrollmentId}`;
  if (caller.role === 'intake' && caller.mspId === MspIds.regulator) return `platform:${caller.enrollmentId}`;
  const { enterprise } = await requireEnterpriseCaller(ctx);
  if (enterprise.id !== elevator.usingUnitId && enterprise.id !== elevator.maintenanceFirmId) {
    throw forbidden(`only regulators, the platform and the lift's using unit or firm may check elevator ${elevator.deviceCode}; caller acts for ${enterprise.id}`);
  }
  return enterprise.id;
}

/**
 * Raises, at the transaction's time, the alerts a lift's clocks call for: its half-monthly visit past
 * due (one alert per due date), or its acceptance 30 days old without registration. Raising again
 * changes nothing, so the sweep may run as often as it likes.
 */
export async function checkOverdue(session: ElevatorSession, elevator: Elevator): Promise<ElevatorAlert[]> {
  const raised: ElevatorAlert[] = [];
  const due = elevator.due[OVERDUE_TIER];
  if (due && isMaintenanceOverdue(elevator, session.now)) {
    const alert = await session.raiseAlert(elevator, 'maintenanceOverdue', due.dueOn, elevator.maintenanceFirmId, `no ${OVERDUE_TIER} visit by its due date ${due.dueOn}`, {
      dueOn: due.dueOn,
      rule: due.rule,
      lastVisitOn: elevator.visits[OVERDUE_TIER]?.on ?? '',
    });
    if (alert) raised.push(alert);
  }
  if (isUnregisteredPastDeadline(elevator, session.now)) {
    const alert = await session.raiseAlert(elevator, 'unregistered', elevator.acceptedOn, elevator.usingUnitId, `accepted on ${elevator.acceptedOn} and not registered within 30 days`, { acceptedOn: elevator.acceptedOn });
    if (alert) raised.push(alert);
  }
  return raised;
}
