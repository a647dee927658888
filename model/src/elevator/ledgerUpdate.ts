import type { ElevatorAccident } from './accident';
import type { ElevatorAlert } from './alerts';
import type { Elevator } from './elevator';
import type { Inspection } from './inspection';
import type { MaintenanceRecord, MaintenanceWorker } from './maintenanceRecord';
import type { RegionPolicy } from './regionPolicy';
import type { ElevatorFault, Rescue } from './rescue';
import type { RuntimeAnchor } from './runtimeSummary';

/** The payload of every elevator chaincode event: the full records the transaction wrote, each list possibly empty. */
export interface ElevatorLedgerUpdate {
  elevators: Elevator[];
  maintenanceRecords: MaintenanceRecord[];
  workers: MaintenanceWorker[];
  rescues: Rescue[];
  faults: ElevatorFault[];
  inspections: Inspection[];
  alerts: ElevatorAlert[];
  regionPolicies: RegionPolicy[];
  /** Present only when the transaction anchored runtime summaries. */
  runtimeAnchors?: RuntimeAnchor[];
  /** Present only when a regulator recorded an accident. */
  accidents?: ElevatorAccident[];
}

export function emptyElevatorUpdate(): ElevatorLedgerUpdate {
  return { elevators: [], maintenanceRecords: [], workers: [], rescues: [], faults: [], inspections: [], alerts: [], regionPolicies: [] };
}

/** Names of the elevator chaincode events. */
export const ElevatorEvents = {
  elevatorChanged: 'ElevatorChanged',
  workerRegistered: 'ElevatorWorkerRegistered',
  regionPolicySet: 'ElevatorRegionPolicySet',
  maintenanceRecorded: 'ElevatorMaintenanceRecorded',
  maintenanceSigned: 'ElevatorMaintenanceSigned',
  rescueRecorded: 'ElevatorRescueRecorded',
  faultReported: 'ElevatorFaultReported',
  inspectionRecorded: 'ElevatorInspectionRecorded',
  overdueChecked: 'ElevatorOverdueChecked',
  runtimeAnchored: 'ElevatorRuntimeAnchored',
  accidentRecorded: 'ElevatorAccidentRecorded',
} as const;
