import type { Connection } from 'mongoose';
import { ledgerModel, shapedModel, type LedgerSource } from '../ledgerModel';
import type { ListPage } from '../pagedList';
import type { FirmDay, FirmStats, RegionStats } from './elevatorStats';

/** A lift found by another of its names: the car's GIAI (`giai:<giai>`) or its registration number (`reg:<number>`). */
export interface ElevatorLookup {
  _id: string;
  deviceCode: string;
  source: LedgerSource;
}

/**
 * The lifts whose half-monthly visit falls due, or whose registration deadline runs out, on one day.
 * Entries are only added: a lift whose due date moved stays listed under the old day too, and the
 * sweep re-reads the lift before it acts.
 */
export interface ElevatorClockDay {
  _id: string;
  deviceCodes: string[];
  /** The last ledger position that added to the day, as every ledger-derived document names one. */
  source: LedgerSource;
}

/** One entry of a lift's history: what kind of record, and its document id in `elevatorRecords`. */
export interface ElevatorHistoryEntry {
  kind: 'maintenance' | 'rescue' | 'fault' | 'inspection' | 'alert';
  recordId: string;
  at: string;
}

/**
 * Lifts by device code, their other names, their records (maintenance, rescues, faults, inspections,
 * alerts, runtime anchors; `_id` = `<kind>|<deviceCode>|<id>`), and per lift the paged list of its history: every read is by `_id`.
 */
export function elevatorModels(connection: Connection) {
  return {
    elevators: ledgerModel(connection, 'LedgerElevator', 'elevators'),
    elevatorLookups: shapedModel<ElevatorLookup>(connection, 'LedgerElevatorLookup', 'elevator_lookups'),
    elevatorRecords: ledgerModel(connection, 'LedgerElevatorRecord', 'elevator_records'),
    elevatorHistory: shapedModel<ListPage<ElevatorHistoryEntry>>(connection, 'LedgerElevatorHistory', 'elevator_history'),
    /** Per Shanghai calendar day, the lifts a clock of which runs out that day (`_id` = the day): what the overdue sweep reads. */
    elevatorClocks: shapedModel<ElevatorClockDay>(connection, 'LedgerElevatorClockDay', 'elevator_clocks'),
    /** Per maintenance firm: its lifts and what its records, clues, faults and rescues add up to (`_id` = firm id). */
    elevatorFirmStats: shapedModel<FirmStats>(connection, 'LedgerElevatorFirmStats', 'elevator_firm_stats'),
    /** Per maintenance firm and Shanghai day, the same counters (`_id` = `<firmId>|<day>`): a period's figures are one `_id` range. */
    elevatorFirmDays: shapedModel<FirmDay>(connection, 'LedgerElevatorFirmDay', 'elevator_firm_days'),
    /** Per 6-digit region: its lifts in use and its accidents (`_id` = region code). */
    elevatorRegionStats: shapedModel<RegionStats>(connection, 'LedgerElevatorRegionStats', 'elevator_region_stats'),
    /** Firms' workers (`<firmId>|<enrollmentId>`) and region policies (`region|<code>`). */
    elevatorParties: ledgerModel(connection, 'LedgerElevatorParty', 'elevator_parties'),
  };
}

export type ElevatorModels = ReturnType<typeof elevatorModels>;

/** Document ids of a lift's other names. */
export const elevatorLookupIds = {
  giai: (giai: string): string => `giai:${giai}`,
  registration: (registrationNumber: string): string => `reg:${registrationNumber}`,
} as const;

/** Document id of one of a lift's records. */
export const elevatorRecordId = (kind: ElevatorHistoryEntry['kind'] | 'runtime', deviceCode: string, id: string): string => `${kind}|${deviceCode}|${id}`;
