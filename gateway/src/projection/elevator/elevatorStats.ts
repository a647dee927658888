import type { Model } from 'mongoose';
import { ElevatorEvents, shanghaiDateOf, type Elevator, type ElevatorLedgerUpdate } from '../../../../model/src';
import type { ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';

/** What a firm's records, clues, faults and rescues add up to, since the projection began or on one day. */
export interface FirmCounters {
  records: number;
  unproven: number;
  outsideInterval: number;
  overdueAlerts: number;
  faults: number;
  rescues: number;
  rescueMinutesTotal: number;
  rescueMinutesMax: number;
  lateRescues: number;
  /** The last ledger position applied: a replayed block's events at or before it are skipped. */
  highWater?: LedgerSource;
  /** The same position, as every ledger-derived document names where it was last written. */
  source?: LedgerSource;
}

/** What a regulator compares firms by: their lifts, records and how many were unproven or late, overdue clues, faults, rescues. */
export interface FirmStats extends FirmCounters {
  _id: string;
  lifts: string[];
}

/**
 * A firm's counters of one Asia/Shanghai day (`_id` = `<firmId>|<YYYY-MM-DD>`), so a period's figures
 * are one `_id` range read: records by their visit day, overdue clues by the day they were raised,
 * faults by the day they occurred, rescues by the day of the call.
 */
export interface FirmDay extends FirmCounters {
  _id: string;
}

export const firmDayId = (firmId: string, day: string): string => `${firmId}|${day}`;

/** A region's accidents in one Asia/Shanghai month (`<region>|<YYYY-MM>`), beside its all-time document `<region>`: the dashboard's period. */
export const regionMonthId = (region: string, month: string): string => `${region}|${month}`;

/** A region's lifts in use and its accidents, for the per-10,000 figure and the grades (a month's document counts accidents only). */
export interface RegionStats {
  _id: string;
  lifts: string[];
  accidents: number;
  deaths: number;
  highWater?: LedgerSource;
  source?: LedgerSource;
}

const after = (a: LedgerSource, b: LedgerSource | undefined): boolean => b === undefined || a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.txIndex > b.txIndex);

type Change<T> = (stats: T) => void;

const noCounts = (): FirmCounters => ({ records: 0, unproven: 0, outsideInterval: 0, overdueAlerts: 0, faults: 0, rescues: 0, rescueMinutesTotal: 0, rescueMinutesMax: 0, lateRescues: 0 });
const emptyFirm = (id: string): FirmStats => ({ _id: id, lifts: [], ...noCounts() });
const emptyFirmDay = (id: string): FirmDay => ({ _id: id, ...noCounts() });

/** Adds the counters of `days` (a firm's day documents) into one period's. */
export function sumFirmDays(days: readonly FirmCounters[]): FirmCounters {
  const total = noCounts();
  for (const day of days) {
    total.records += day.records;
    total.unproven += day.unproven;
    total.outsideInterval += day.outsideInterval;
    total.overdueAlerts += day.overdueAlerts;
    total.faults += day.faults;
    total.rescues += day.rescues;
    total.rescueMinutesTotal += day.rescueMinutesTotal;
    total.rescueMinutesMax = Math.max(total.rescueMinutesMax, day.rescueMinutesMax);
    total.lateRescues += day.lateRescues;
  }
  return total;
}
const emptyRegion = (id: string): RegionStats => ({ _id: id, lifts: [], accidents: 0, deaths: 0 });
const addLift = (lifts: string[], code: string): void => {
  if (!lifts.includes(code)) lifts.push(code);
};
const dropLift = (lifts: string[], code: string): void => {
  const at = lifts.indexOf(code);
  if (at >= 0) lifts.splice(at, 1);
};

/**
 * Keeps per-firm and per-region counters from the elevator events. Each document remembers the last
 * ledger position applied to it, so a block projected again after a crash adds nothing twice; each is
 * one read-modify-write per block that touches it. `firmOf` answers a lift's firm before the block.
 */
export async function projectElevatorStats(
  events: readonly ProjectedEvent[],
  models: { firms: Model<FirmStats>; firmDays: Model<FirmDay>; regions: Model<RegionStats> },
  firmBefore: (deviceCode: string) => Promise<string | undefined>,
): Promise<void> {
  const firmChanges = new Map<string, { source: LedgerSource; change: Change<FirmStats> }[]>();
  const dayChanges = new Map<string, { source: LedgerSource; change: Change<FirmCounters> }[]>();
  const regionChanges = new Map<string, { source: LedgerSource; change: Change<RegionStats> }[]>();
  const onFirm = (id: string, source: LedgerSource, change: Change<FirmStats>): void => {
    firmChanges.set(id, [...(firmChanges.get(id) ?? []), { source, change }]);
  };
  /** A change of the firm's counters: since the beginning, and of the Shanghai day of `at`. */
  const onFirmCounts = (id: string, at: string, source: LedgerSource, change: Change<FirmCounters>): void => {
    onFirm(id, source, change);
    const dayId = firmDayId(id, /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : shanghaiDateOf(at));
    dayChanges.set(dayId, [...(dayChanges.get(dayId) ?? []), { source, change }]);
  };
  const onRegion = (id: string, source: LedgerSource, change: Change<RegionStats>): void => {
    regionChanges.set(id, [...(regionChanges.get(id) ?? []), { source, change }]);
  };
  /** Each lift's firm as the events of this block leave it. */
  const firmNow = new Map<string, string | undefined>();
  for (const { name, record, source } of events) {
    const update = record as ElevatorLedgerUpdate;
    for (const elevator of update.elevators ?? []) {
      const code = elevator.deviceCode;
      const previous = firmNow.has(code) ? firmNow.get(code) : await firmBefore(code);
      const inUse = elevator.status !== 'scrapped';
      if (previous !== undefined && (previous !== elevator.maintenanceFirmId || !inUse)) onFirm(previous, source, (s) => dropLift(s.lifts, code));
      if (inUse) onFirm(elevator.maintenanceFirmId, source, (s) => addLift(s.lifts, code));
      onRegion(elevator.region, source, (s) => (inUse && elevator.status !== 'accepted' ? addLift(s.lifts, code) : dropLift(s.lifts, code)));
      firmNow.set(code, inUse ? elevator.maintenanceFirmId : undefined);
    }
    const created = (txId: string): boolean => txId === source.txId;
    for (const r of update.maintenanceRecords ?? []) {
      if (created(r.txId)) {
        onFirmCounts(r.firmId, r.visitOn, source, (s) => {
          s.records++;
          if (!r.presence.proven) s.unproven++;
          if (r.outsideInterval) s.outsideInterval++;
        });
      } else if (name === ElevatorEvents.maintenanceSigned && (update.elevators ?? []).length > 0 && r.presence.proven && r.presence.kind === 'staticCodeAcknowledged') {
        // The using unit's acknowledgement made a static-code record weak proof: it no longer counts as unproven.
        onFirmCounts(r.firmId, r.visitOn, source, (s) => {
          s.unproven = Math.max(0, s.unproven - 1);
        });
      }
    }
    for (const alert of update.alerts ?? []) {
      if (alert.kind === 'maintenanceOverdue') onFirmCounts(alert.againstId, alert.raisedAt, source, (s) => s.overdueAlerts++);
    }
    for (const fault of update.faults ?? []) {
      const lift = (update.elevators ?? []).find((e: Elevator) => e.deviceCode === fault.deviceCode);
      if (lift) onFirmCounts(lift.maintenanceFirmId, fault.occurredAt, source, (s) => s.faults++);
    }
    for (const rescue of update.rescues ?? []) {
      const minutes = rescue.arrivalMinutes;
      if (rescue.arrivalTxId === source.txId && minutes !== undefined) {
        onFirmCounts(rescue.firmId, rescue.calledAt, source, (s) => {
          s.rescues++;
          s.rescueMinutesTotal += minutes;
          s.rescueMinutesMax = Math.max(s.rescueMinutesMax, minutes);
          if (minutes > rescue.arrivalLimitMinutes) s.lateRescues++;
        });
      }
    }
    for (const accident of update.accidents ?? []) {
      for (const id of [accident.region, regionMonthId(accident.region, shanghaiDateOf(accident.occurredAt).slice(0, 7))]) {
        onRegion(id, source, (s) => {
          s.accidents++;
          s.deaths += accident.deaths;
        });
      }
    }
  }
  for (const [id, changes] of firmChanges) await apply(models.firms, id, emptyFirm, changes);
  for (const [id, changes] of dayChanges) await apply(models.firmDays, id, emptyFirmDay, changes);
  for (const [id, changes] of regionChanges) await apply(models.regions, id, emptyRegion, changes);
}

async function apply<T extends { _id: string; highWater?: LedgerSource; source?: LedgerSource }>(model: Model<T>, id: string, empty: (id: string) => T, changes: { source: LedgerSource; change: Change<T> }[]): Promise<void> {
  const stats = ((await model.findById(id).lean()) as T | null) ?? empty(id);
  const mark = stats.highWater;
  let changed = false;
  for (const { source, change } of changes) {
    if (!after(source, mark)) continue;
    change(stats);
    stats.highWater = source;
    stats.source = source;
    changed = true;
  }
  if (changed) await model.replaceOne({ _id: id } as never, stats as never, { upsert: true });
}
