import { addDays, ElevatorEvents, REGISTRATION_DEADLINE_DAYS, type ElevatorLedgerUpdate } from '../../../../model/src';
import { bulkReplace } from '../../store/bulkReplace';
import { cacheKeys } from '../cacheKeys';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import { projectElevatorStats } from './elevatorStats';
import { elevatorLookupIds, elevatorRecordId, type ElevatorHistoryEntry, type ElevatorLookup, type ElevatorModels } from './models';

/** History entries per page of a lift's history list. */
export const ELEVATOR_HISTORY_PAGE_ITEMS = 500;

interface Doc {
  _id: string;
  record: Record<string, unknown>;
  source: LedgerSource;
}

/**
 * Projects the elevator events: each lift's latest state under its device code, its GIAI and
 * registration number as lookups, every record under its kind and id, and each record made in a
 * transaction appended once to its lift's paged history. A block's documents are gathered first
 * (the last write of a key wins, as on the ledger) and written in bulk; all writes are keyed by
 * ledger identity, so a replayed block changes nothing.
 */
export function elevatorProjection(collections: ElevatorModels): DomainProjection {
  return {
    name: 'elevator',
    events: Object.values(ElevatorEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      const elevators = new Map<string, Doc>();
      const lookups = new Map<string, ElevatorLookup>();
      const records = new Map<string, Doc>();
      const parties = new Map<string, Doc>();
      const history = new Map<string, { item: ElevatorHistoryEntry; source: LedgerSource }[]>();
      const clocks = new Map<string, { codes: Set<string>; source: LedgerSource }>();
      const clock = (day: string | undefined, deviceCode: string, source: LedgerSource): void => {
        if (day !== undefined) clocks.set(day, { codes: (clocks.get(day)?.codes ?? new Set()).add(deviceCode), source });
      };
      const addHistory = (deviceCode: string, item: ElevatorHistoryEntry, source: LedgerSource): void => {
        history.set(deviceCode, [...(history.get(deviceCode) ?? []), { item, source }]);
      };
      const put = (map: Map<string, Doc>, id: string, record: object, source: LedgerSource): void => {
        map.set(id, { _id: id, record: record as Record<string, unknown>, source });
      };
      // Counters first: they read each lift's firm as the store holds it before this block.
      await projectElevatorStats(events, { firms: collections.elevatorFirmStats, firmDays: collections.elevatorFirmDays, regions: collections.elevatorRegionStats }, async (deviceCode) => {
        const doc = await collections.elevators.findById(deviceCode).lean();
        return doc ? String(doc.record.maintenanceFirmId) : undefined;
      });
      for (const { record, source } of events) {
        const update = record as ElevatorLedgerUpdate;
        for (const elevator of update.elevators ?? []) {
          put(elevators, elevator.deviceCode, elevator, source);
          clock(elevator.due.halfMonthly?.dueOn, elevator.deviceCode, source);
          if (elevator.status === 'accepted') clock(addDays(elevator.acceptedOn, REGISTRATION_DEADLINE_DAYS), elevator.deviceCode, source);
          lookups.set(elevatorLookupIds.giai(elevator.giai), { _id: elevatorLookupIds.giai(elevator.giai), deviceCode: elevator.deviceCode, source });
          if (elevator.registrationNumber !== undefined) {
            const id = elevatorLookupIds.registration(elevator.registrationNumber);
            lookups.set(id, { _id: id, deviceCode: elevator.deviceCode, source });
          }
        }
        const created = (txId: string): boolean => txId === source.txId;
        for (const r of update.maintenanceRecords ?? []) {
          put(records, elevatorRecordId('maintenance', r.deviceCode, r.recordId), r, source);
          if (created(r.txId)) addHistory(r.deviceCode, { kind: 'maintenance', recordId: r.recordId, at: r.arrivedAt }, source);
        }
        for (const r of update.rescues ?? []) {
          put(records, elevatorRecordId('rescue', r.deviceCode, r.callId), r, source);
          if (created(r.txId)) addHistory(r.deviceCode, { kind: 'rescue', recordId: r.callId, at: r.calledAt }, source);
        }
        for (const r of update.faults ?? []) {
          put(records, elevatorRecordId('fault', r.deviceCode, r.faultId), r, source);
          addHistory(r.deviceCode, { kind: 'fault', recordId: r.faultId, at: r.occurredAt }, source);
        }
        for (const r of update.inspections ?? []) {
          put(records, elevatorRecordId('inspection', r.deviceCode, r.reportNumber), r, source);
          addHistory(r.deviceCode, { kind: 'inspection', recordId: r.reportNumber, at: r.inspectedOn }, source);
        }
        for (const r of update.alerts ?? []) {
          put(records, elevatorRecordId('alert', r.deviceCode, r.alertId), r, source);
          addHistory(r.deviceCode, { kind: 'alert', recordId: r.alertId, at: r.raisedAt }, source);
        }
        for (const a of update.runtimeAnchors ?? []) put(records, elevatorRecordId('runtime', a.deviceCode, new Date(Date.parse(a.windowStart)).toISOString()), a, source);
        for (const w of update.workers ?? []) put(parties, `${w.firmId}|${w.enrollmentId}`, w, source);
        for (const p of update.regionPolicies ?? []) put(parties, `region|${p.region}`, p, source);
      }
      await bulkReplace(collections.elevators, [...elevators.values()]);
      await bulkReplace(collections.elevatorLookups, [...lookups.values()]);
      await bulkReplace(collections.elevatorRecords, [...records.values()]);
      await bulkReplace(collections.elevatorParties, [...parties.values()]);
      // Adding to a set is idempotent: a replayed block adds nothing new.
      for (const [day, { codes, source }] of clocks) {
        await collections.elevatorClocks.updateOne({ _id: day }, { $addToSet: { deviceCodes: { $each: [...codes] } }, $set: { source } }, { upsert: true });
      }
      for (const [deviceCode, entries] of history) {
        await appendToPagedList(collections.elevatorHistory, deviceCode, entries, ELEVATOR_HISTORY_PAGE_ITEMS);
      }
    },
    touchedKeys: (_eventName, record) => ((record as ElevatorLedgerUpdate).elevators ?? []).flatMap((elevator) => [cacheKeys.elevator(elevator.deviceCode), cacheKeys.elevatorByGiai(elevator.giai)]),
  };
}
