import type { Logger } from 'pino';
import { addDays, isMaintenanceOverdue, isUnregisteredPastDeadline, shanghaiDateOf, type Elevator } from '../../../model/src';
import { ledgerRefusalOf } from '../fabric';
import { elevatorRecordId, type ElevatorModels } from '../projection/elevator';

/** How many days back the sweep looks for clocks that ran out: a gateway down longer misses older ones' first alert. */
export const OVERDUE_SWEEP_DAYS = 30;

/**
 * Asks the ledger to check every lift whose half-monthly due date or registration deadline has
 * passed and that has no alert for it yet. The gateway only decides *when*: the chaincode judges the
 * lift at the transaction's time and raises the alert, once per due date, so the platform cannot
 * invent one. Reads only `_id`s: the day lists of the projection, then each listed lift.
 */
export class OverdueSweeper {
  constructor(
    private readonly models: Pick<ElevatorModels, 'elevatorClocks' | 'elevators' | 'elevatorRecords'>,
    private readonly check: (deviceCode: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  async sweep(now = Date.now()): Promise<number> {
    const today = shanghaiDateOf(now);
    const days = Array.from({ length: OVERDUE_SWEEP_DAYS }, (_, i) => addDays(today, -(i + 1)));
    const listed = new Set<string>();
    for (const day of days) {
      const doc = await this.models.elevatorClocks.findById(day).lean();
      for (const code of doc?.deviceCodes ?? []) listed.add(code);
    }
    let checked = 0;
    for (const deviceCode of listed) {
      const doc = await this.models.elevators.findById(deviceCode).lean();
      const elevator = doc?.record as unknown as Elevator | undefined;
      if (!elevator || !(await this.#needsCheck(elevator, now))) continue;
      try {
        await this.check(deviceCode);
        checked++;
      } catch (error) {
        if (ledgerRefusalOf(error)?.kind === 'NOT_FOUND') continue;
        this.log.warn({ err: error, deviceCode }, 'overdue check failed; retrying at the next sweep');
      }
    }
    return checked;
  }

  /** Whether a clock has run out with no alert for it in the projection yet. */
  async #needsCheck(elevator: Elevator, now: number): Promise<boolean> {
    const due = elevator.due.halfMonthly;
    if (due && isMaintenanceOverdue(elevator, now)) {
      const alert = await this.models.elevatorRecords.findById(elevatorRecordId('alert', elevator.deviceCode, `maintenanceOverdue:${due.dueOn}`)).lean();
      if (!alert) return true;
    }
    if (isUnregisteredPastDeadline(elevator, now)) {
      const alert = await this.models.elevatorRecords.findById(elevatorRecordId('alert', elevator.deviceCode, `unregistered:${elevator.acceptedOn}`)).lean();
      if (!alert) return true;
    }
    return false;
  }
}
