import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  AccidentInputSchema,
  ContractChangeSchema,
  DeviceCodeSchema,
  ElevatorAcceptanceSchema,
  ElevatorEvents,
  ElevatorRegistrationSchema,
  FaultReportSchema,
  InspectionInputSchema,
  LedgerError,
  MaintenanceBatchSchema,
  MaintenanceRecordInputSchema,
  OnDemandApprovalSchema,
  RecordReferenceSchema,
  RectificationSchema,
  RegionPolicyInputSchema,
  RegistrationNumberSchema,
  RescueArrivalSchema,
  RescueCallSchema,
  RuntimeAnchorInputSchema,
  StatusChangeSchema,
  WorkerRegistrationSchema,
  parseJsonArgument,
  parseOrThrow,
  type ElevatorLedgerUpdate,
} from '../../../model/src';
import { readEnterprise } from '../registry/enterpriseStore';
import { requireContractedFirm, requireEnterpriseOfKind, requireRegulatorActor, requireUsingUnit, requireUsingUnitOrFirm, usingUnitOrRegulator } from './elevatorAccess';
import { elevatorAsSeen, maintenanceRecordsAsSeen, partyRecords, runtimeAnchorAsSeen } from './elevatorReads';
import { acceptInstallation, approveOnDemand, changeContract, changeStatus, registerElevator, setRegionPolicy } from './elevatorRegistry';
import { ElevatorSession } from './elevatorSession';
import { confirmRectification, recordInspection } from './inspections';
import { acknowledgeMaintenance, recordMaintenance, signMaintenance } from './maintenanceRecords';
import { checkOverdue, overdueCheckerOf } from './overdueCheck';
import { recordAccident, recordRescueArrival, recordRescueCall, reportFault } from './rescues';
import { anchorRuntime } from './runtimeAnchors';
import { registerWorker } from './workers';

const json = (what: string, argument: string): unknown => parseJsonArgument(argument, what);
const answer = (update: ElevatorLedgerUpdate): string => JSON.stringify(update);

/** The active kinds of an enterprise, or undefined when it is unknown or revoked. */
async function activeKinds(ctx: Context, enterpriseId: string): Promise<readonly string[] | undefined> {
  const enterprise = await readEnterprise(ctx, enterpriseId);
  return enterprise?.status === 'active' ? enterprise.kinds : undefined;
}

/**
 * Elevators: the registry of lifts and their lifecycle, maintenance records that prove the visit,
 * 96333 rescues and faults, inspections, and the clues their rules raise. Each write validates its
 * argument with the model's schema, checks the caller's relation to the lift, and emits one event
 * carrying every record it wrote.
 */
@Info({ title: 'Elevator', description: 'Elevator registry, maintenance records with proof of presence, rescues, faults and inspections' })
export class ElevatorContract extends Contract {
  constructor() {
    super('elevator');
  }

  /** A registered elevator owner records the installation's acceptance and becomes the lift's using unit. */
  @Transaction()
  @Returns('string')
  async acceptInstallation(ctx: Context, acceptanceJson: string): Promise<string> {
    const acceptance = parseOrThrow(ElevatorAcceptanceSchema, json('acceptance', acceptanceJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'elevatorOwner', 'record an elevator installation');
    const session = new ElevatorSession(ctx, enterprise.id);
    await acceptInstallation(session, acceptance, await activeKinds(ctx, acceptance.maintenanceFirmId));
    return answer(await session.commit(ElevatorEvents.elevatorChanged));
  }

  /** A registered regulator records the use registration certificate and the car's rescue code. */
  @Transaction()
  @Returns('string')
  async registerElevator(ctx: Context, registrationJson: string): Promise<string> {
    const registration = parseOrThrow(ElevatorRegistrationSchema, json('registration', registrationJson));
    const session = new ElevatorSession(ctx, await requireRegulatorActor(ctx, 'register elevators'));
    await registerElevator(session, registration);
    return answer(await session.commit(ElevatorEvents.elevatorChanged));
  }

  /** The using unit names another maintenance firm under contract. */
  @Transaction()
  @Returns('string')
  async changeContract(ctx: Context, changeJson: string): Promise<string> {
    const change = parseOrThrow(ContractChangeSchema, json('contract change', changeJson));
    const probe = new ElevatorSession(ctx, '');
    const elevator = await probe.elevatorByRegistration(change.registrationNumber);
    const unit = await requireUsingUnit(ctx, elevator, 'change its maintenance contract');
    const session = new ElevatorSession(ctx, unit.id);
    changeContract(session, elevator, change, await activeKinds(ctx, change.maintenanceFirmId));
    return answer(await session.commit(ElevatorEvents.elevatorChanged));
  }

  /** The using unit or a regulator suspends, resumes or scraps the lift. */
  @Transaction()
  @Returns('string')
  async changeStatus(ctx: Context, changeJson: string): Promise<string> {
    const change = parseOrThrow(StatusChangeSchema, json('status change', changeJson));
    const elevator = await new ElevatorSession(ctx, '').elevatorByRegistration(change.registrationNumber);
    const session = new ElevatorSession(ctx, await usingUnitOrRegulator(ctx, elevator, `${change.change} it`));
    changeStatus(session, elevator, change);
    return answer(await session.commit(ElevatorEvents.elevatorChanged));
  }

  /** A regulator sets a region's elevator policy. */
  @Transaction()
  @Returns('string')
  async setRegionPolicy(ctx: Context, policyJson: string): Promise<string> {
    const policy = parseOrThrow(RegionPolicyInputSchema, json('region policy', policyJson));
    const session = new ElevatorSession(ctx, await requireRegulatorActor(ctx, 'set region policies'));
    setRegionPolicy(session, policy);
    return answer(await session.commit(ElevatorEvents.regionPolicySet));
  }

  /** A regulator approves on-demand maintenance for a lift meeting the pilot conditions. */
  @Transaction()
  @Returns('string')
  async approveOnDemand(ctx: Context, registrationNumber: string, approvalJson: string): Promise<string> {
    const number = parseOrThrow(RegistrationNumberSchema, registrationNumber);
    const approval = parseOrThrow(OnDemandApprovalSchema, json('approval', approvalJson));
    const session = new ElevatorSession(ctx, await requireRegulatorActor(ctx, 'approve on-demand maintenance'));
    approveOnDemand(session, await session.elevatorByRegistration(number), approval);
    return answer(await session.commit(ElevatorEvents.elevatorChanged));
  }

  /** A maintenance firm registers a worker with their operator certificate. */
  @Transaction()
  @Returns('string')
  async registerWorker(ctx: Context, workerJson: string): Promise<string> {
    const worker = parseOrThrow(WorkerRegistrationSchema, json('worker', workerJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'maintenanceFirm', 'register maintenance workers');
    const session = new ElevatorSession(ctx, enterprise.id);
    await registerWorker(session, worker);
    return answer(await session.commit(ElevatorEvents.workerRegistered));
  }

  /** A worker of the firm under contract records a visit, with their own identity. */
  @Transaction()
  @Returns('string')
  async recordMaintenance(ctx: Context, recordJson: string): Promise<string> {
    const record = parseOrThrow(MaintenanceRecordInputSchema, json('maintenance record', recordJson));
    const elevator = await new ElevatorSession(ctx, '').elevatorByRegistration(record.registrationNumber);
    const { caller, enterprise } = await requireContractedFirm(ctx, elevator, 'record maintenance of');
    const session = new ElevatorSession(ctx, enterprise.id);
    await recordMaintenance(session, caller, record);
    return answer(await session.commit(ElevatorEvents.maintenanceRecorded));
  }

  /**
   * A worker of the firm uploads several visits at once, each checked as recordMaintenance checks it,
   * all or none; a refusal names `records[i] (registration number)`.
   */
  @Transaction()
  @Returns('string')
  async recordMaintenanceBatch(ctx: Context, batchJson: string): Promise<string> {
    const batch = parseOrThrow(MaintenanceBatchSchema, json('maintenance batch', batchJson));
    const { caller, enterprise } = await requireEnterpriseOfKind(ctx, 'maintenanceFirm', 'record maintenance');
    const session = new ElevatorSession(ctx, enterprise.id);
    for (const [index, record] of batch.records.entries()) {
      try {
        await recordMaintenance(session, caller, record);
      } catch (error) {
        if (error instanceof LedgerError) throw new LedgerError(error.kind, `records[${index}] (${record.registrationNumber}): ${error.message.slice(error.kind.length + 2)}`);
        throw error;
      }
    }
    return answer(await session.commit(ElevatorEvents.maintenanceRecorded));
  }

  /** A co-worker named in the record signs it with their own identity. */
  @Transaction()
  @Returns('string')
  async signMaintenance(ctx: Context, referenceJson: string): Promise<string> {
    const reference = parseOrThrow(RecordReferenceSchema, json('record reference', referenceJson));
    const { caller, enterprise } = await requireEnterpriseOfKind(ctx, 'maintenanceFirm', 'sign maintenance records');
    const session = new ElevatorSession(ctx, enterprise.id);
    await signMaintenance(session, caller, reference.registrationNumber, reference.recordId);
    return answer(await session.commit(ElevatorEvents.maintenanceSigned));
  }

  /** The using unit acknowledges a visit on site. */
  @Transaction()
  @Returns('string')
  async acknowledgeMaintenance(ctx: Context, referenceJson: string): Promise<string> {
    const reference = parseOrThrow(RecordReferenceSchema, json('record reference', referenceJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'elevatorOwner', 'acknowledge maintenance');
    const session = new ElevatorSession(ctx, enterprise.id);
    await acknowledgeMaintenance(session, reference.registrationNumber, reference.recordId);
    return answer(await session.commit(ElevatorEvents.maintenanceSigned));
  }

  /** A 96333 call centre records an entrapment call and its dispatch. */
  @Transaction()
  @Returns('string')
  async recordRescueCall(ctx: Context, callJson: string): Promise<string> {
    const call = parseOrThrow(RescueCallSchema, json('rescue call', callJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'rescueCallCentre', 'record 96333 calls');
    const session = new ElevatorSession(ctx, enterprise.id);
    await recordRescueCall(session, call);
    return answer(await session.commit(ElevatorEvents.rescueRecorded));
  }

  /** The dispatched firm records its rescuer's arrival and the release. */
  @Transaction()
  @Returns('string')
  async recordRescueArrival(ctx: Context, arrivalJson: string): Promise<string> {
    const arrival = parseOrThrow(RescueArrivalSchema, json('rescue arrival', arrivalJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'maintenanceFirm', 'record rescue arrivals');
    const session = new ElevatorSession(ctx, enterprise.id);
    await recordRescueArrival(session, arrival);
    return answer(await session.commit(ElevatorEvents.rescueRecorded));
  }

  /** The using unit or the firm under contract reports a fault. */
  @Transaction()
  @Returns('string')
  async reportFault(ctx: Context, faultJson: string): Promise<string> {
    const report = parseOrThrow(FaultReportSchema, json('fault', faultJson));
    const elevator = await new ElevatorSession(ctx, '').elevatorByRegistration(report.registrationNumber);
    const session = new ElevatorSession(ctx, await requireUsingUnitOrFirm(ctx, elevator, 'report its faults'));
    await reportFault(session, elevator, report);
    return answer(await session.commit(ElevatorEvents.faultReported));
  }

  /** A registered regulator records an accident. */
  @Transaction()
  @Returns('string')
  async recordAccident(ctx: Context, accidentJson: string): Promise<string> {
    const input = parseOrThrow(AccidentInputSchema, json('accident', accidentJson));
    const session = new ElevatorSession(ctx, await requireRegulatorActor(ctx, 'record elevator accidents'));
    await recordAccident(session, input);
    return answer(await session.commit(ElevatorEvents.accidentRecorded));
  }

  /** An inspection body records a periodic inspection or self-test. */
  @Transaction()
  @Returns('string')
  async recordInspection(ctx: Context, inspectionJson: string): Promise<string> {
    const input = parseOrThrow(InspectionInputSchema, json('inspection', inspectionJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'inspectionBody', 'record inspections');
    const session = new ElevatorSession(ctx, enterprise.id);
    await recordInspection(session, input);
    return answer(await session.commit(ElevatorEvents.inspectionRecorded));
  }

  /** The inspection body that found a defect confirms its rectification. */
  @Transaction()
  @Returns('string')
  async confirmRectification(ctx: Context, rectificationJson: string): Promise<string> {
    const input = parseOrThrow(RectificationSchema, json('rectification', rectificationJson));
    const { enterprise } = await requireEnterpriseOfKind(ctx, 'inspectionBody', 'confirm rectifications');
    const session = new ElevatorSession(ctx, enterprise.id);
    await confirmRectification(session, input);
    return answer(await session.commit(ElevatorEvents.inspectionRecorded));
  }

  /** The using unit anchors a window of the lift's IoT runtime summaries (root and totals). */
  @Transaction()
  @Returns('string')
  async anchorRuntime(ctx: Context, anchorJson: string): Promise<string> {
    const input = parseOrThrow(RuntimeAnchorInputSchema, json('runtime anchor', anchorJson));
    const elevator = await new ElevatorSession(ctx, '').elevator(input.deviceCode);
    const unit = await requireUsingUnit(ctx, elevator, 'anchor its runtime');
    const session = new ElevatorSession(ctx, unit.id);
    await anchorRuntime(session, elevator, input);
    return answer(await session.commit(ElevatorEvents.runtimeAnchored));
  }

  /** Raises the overdue and unregistered alerts the lift's clocks call for at this transaction's time (the scheduled sweep). */
  @Transaction()
  @Returns('string')
  async checkOverdue(ctx: Context, deviceCode: string): Promise<string> {
    const code = parseOrThrow(DeviceCodeSchema, deviceCode);
    const elevator = await new ElevatorSession(ctx, '').elevator(code);
    const session = new ElevatorSession(ctx, await overdueCheckerOf(ctx, elevator));
    await checkOverdue(session, elevator);
    return answer(await session.commit(ElevatorEvents.overdueChecked));
  }

  /** The lift by device code, registration number or car code (GIAI), as the caller's audience sees it. */
  @Transaction(false)
  @Returns('string')
  async getElevator(ctx: Context, id: string): Promise<string> {
    return JSON.stringify(await elevatorAsSeen(ctx, id));
  }

  @Transaction(false)
  @Returns('string')
  async getMaintenanceRecords(ctx: Context, id: string): Promise<string> {
    return JSON.stringify(await maintenanceRecordsAsSeen(ctx, id));
  }

  @Transaction(false)
  @Returns('string')
  async getAlerts(ctx: Context, id: string): Promise<string> {
    return JSON.stringify(await partyRecords(ctx, id, 'alerts'));
  }

  @Transaction(false)
  @Returns('string')
  async getRescues(ctx: Context, id: string): Promise<string> {
    return JSON.stringify(await partyRecords(ctx, id, 'rescues'));
  }

  @Transaction(false)
  @Returns('string')
  async getInspections(ctx: Context, id: string): Promise<string> {
    return JSON.stringify(await partyRecords(ctx, id, 'inspections'));
  }

  /** The runtime window of the lift anchored from `windowStart` (its parties and regulators only). */
  @Transaction(false)
  @Returns('string')
  async getRuntimeAnchor(ctx: Context, id: string, windowStart: string): Promise<string> {
    return JSON.stringify(await runtimeAnchorAsSeen(ctx, id, windowStart));
  }
}
