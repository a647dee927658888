import { ElevatorAlertKinds, ElevatorEvents, type ElevatorLedgerUpdate } from '../../../model/src';
import type { OverdueSweeper } from '../overdue/overdueSweeper';
import type { DomainHooks } from './domainHooks';

/** Seconds between overdue sweeps: due dates are days, so a quarter of an hour is prompt enough. */
export const OVERDUE_SWEEP_SECONDS = 15 * 60;

/**
 * The elevator domain's contribution to the regulator's work: the clues its chaincode raises
 * (overdue, unproven or late visits, late rescues, repeated faults, failed inspections, lifts left
 * unregistered) and the scheduled overdue sweep. Lifts are not recalled: no recall scope.
 */
export function elevatorHooks(sweeper: OverdueSweeper, everySeconds = OVERDUE_SWEEP_SECONDS): DomainHooks {
  return {
    domain: 'elevator',
    alertKinds: ElevatorAlertKinds,
    alertsOf: (eventName, record) =>
      (Object.values(ElevatorEvents) as string[]).includes(eventName)
        ? ((record as ElevatorLedgerUpdate).alerts ?? []).map((alert) => ({ domain: 'elevator' as const, itemId: alert.deviceCode, alertId: alert.alertId }))
        : [],
    recallScope: () => Promise.resolve(undefined),
    scheduledChecks: [{ name: 'elevator overdue maintenance', everySeconds, run: (now) => sweeper.sweep(now) }],
  };
}
