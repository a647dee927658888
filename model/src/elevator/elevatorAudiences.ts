import { publicViewOnly, type AudienceViews } from '../audience';
import type { Elevator, ElevatorStatus } from './elevator';
import type { ElevatorType } from './elevatorType';
import { fitnessOf, isMaintenanceOverdue } from './fitness';
import type { MaintenanceRecord } from './maintenanceRecord';
import { RESCUE_HOTLINE } from './rescue';
import { riskGradeOf, type RiskGrade } from './riskGrade';

/**
 * What anyone sees of a lift, a passenger scanning the car's code included: whether it is fit, when it
 * was last maintained, by whom and whether the visit was proven, when the next visit is due, until
 * when its inspection is valid, and whom to call. Never the static code's hash (a short code's hash
 * is guessable), the workers, the device key or the presence clock.
 */
export interface ElevatorPublicView {
  deviceCode: string;
  giai: string;
  registrationNumber?: string;
  type: ElevatorType;
  address: string;
  region: string;
  status: ElevatorStatus;
  usingUnitId: string;
  maintenanceFirmId: string;
  lastMaintenance?: { on: string; firmId: string; proven: boolean; strength?: 'strong' | 'weak' | 'none' };
  nextDueOn?: string;
  inspectionValidUntil?: string;
  openDefects: number;
  hotline: string;
  rescueHotline: string;
  rescueCode?: string;
}

/** What the car's page shows at a moment: the public view with the verdicts that depend on the day. */
export interface ElevatorCarView extends ElevatorPublicView {
  fit: boolean;
  reasons: string[];
  overdue: boolean;
  riskGrade: RiskGrade;
}

export function publicElevator(elevator: Elevator): ElevatorPublicView {
  const last = elevator.lastMaintenance;
  return {
    deviceCode: elevator.deviceCode,
    giai: elevator.giai,
    registrationNumber: elevator.registrationNumber,
    type: elevator.type,
    address: elevator.address,
    region: elevator.region,
    status: elevator.status,
    usingUnitId: elevator.usingUnitId,
    maintenanceFirmId: elevator.maintenanceFirmId,
    lastMaintenance: last && { on: last.on, firmId: last.firmId, proven: last.proven, strength: last.strength },
    nextDueOn: elevator.due.halfMonthly?.dueOn,
    inspectionValidUntil: elevator.inspection?.result === 'pass' ? elevator.inspection.validUntil : undefined,
    openDefects: elevator.defects.filter((defect) => defect.confirmedOn === undefined).length,
    hotline: elevator.hotline,
    rescueHotline: RESCUE_HOTLINE,
    rescueCode: elevator.rescueCode,
  };
}

/** The car page's facts at `now`. */
export function carViewOf(elevator: Elevator, now: string | number): ElevatorCarView {
  const fitness = fitnessOf(elevator, now);
  return { ...publicElevator(elevator), fit: fitness.fit, reasons: fitness.reasons, overdue: isMaintenanceOverdue(elevator, now), riskGrade: riskGradeOf(elevator, now).grade };
}

/** What the public sees of a maintenance record: the day, tier, firm and verdict; not workers, findings or evidence. */
export interface MaintenanceRecordPublicView {
  recordId: string;
  deviceCode: string;
  tier: MaintenanceRecord['tier'];
  visitOn: string;
  firmId: string;
  proven: boolean;
  outsideInterval: boolean;
}

/**
 * The parties of a lift's records are its using unit and its maintenance firm under contract; a
 * regulator sees everything; the public the views above.
 */
export const ElevatorAudiences: { elevator: AudienceViews<Elevator, ElevatorPublicView>; maintenanceRecord: AudienceViews<MaintenanceRecord, MaintenanceRecordPublicView> } = {
  elevator: publicViewOnly(publicElevator),
  maintenanceRecord: publicViewOnly((record: MaintenanceRecord) => ({
    recordId: record.recordId,
    deviceCode: record.deviceCode,
    tier: record.tier,
    visitOn: record.visitOn,
    firmId: record.firmId,
    proven: record.presence.proven,
    outsideInterval: record.outsideInterval,
  })),
};

/** The enterprises that are parties to a lift's records. */
export function elevatorParties(elevator: Pick<Elevator, 'usingUnitId' | 'maintenanceFirmId'>): string[] {
  return [elevator.usingUnitId, elevator.maintenanceFirmId];
}
