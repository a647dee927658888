import { createPublicKey } from 'node:crypto';
import {
  conflict,
  FIXED_POLICY,
  forbidden,
  invalid,
  MaintenanceTiers,
  nextDue,
  shanghaiDateOf,
  type ContractChange,
  type Elevator,
  type ElevatorAcceptance,
  type ElevatorRegistration,
  type IntervalPolicy,
  type MaintenanceTier,
  type OnDemandApproval,
  type RegionPolicy,
  type RegionPolicyInput,
  type StatusChange,
} from '../../../model/src';
import { GiaiUse } from '../registry/brandPrefixes';
import { elevatorKey, giaiIndexKey, regionPolicyKey, registrationIndexKey, rescueCodeKey } from './elevatorKeys';
import type { ElevatorSession } from './elevatorSession';

/** Device keys chaincode verifies presence codes with (node:crypto verifies both the same on every endorser). */
const DEVICE_KEY_TYPES = ['ec', 'ed25519'];

function requireDeviceKey(publicKeyPem: string): void {
  let keyType: string | undefined;
  try {
    keyType = createPublicKey(publicKeyPem).asymmetricKeyType;
  } catch {
    throw invalid('monitoringDevice.publicKeyPem: is not a PEM public key');
  }
  if (!keyType || !DEVICE_KEY_TYPES.includes(keyType)) {
    throw invalid(`monitoringDevice.publicKeyPem: is a ${keyType ?? 'unknown'} key; use EC or Ed25519`);
  }
}

/** A date stated by a writer may not lie after the transaction's own Shanghai day. */
export function requireNotFutureDate(session: ElevatorSession, date: string, field: string): void {
  const today = shanghaiDateOf(session.now);
  if (date > today) throw invalid(`${field}: ${date} lies after today (${today} in Asia/Shanghai)`);
}

/**
 * The using unit records the installation's acceptance: the lift enters the ledger under its device
 * code, with the caller as its using unit and the named firm under contract. Its car code (GIAI) may
 * name one lift only, and must lie under a GIAI company prefix the using unit owns or was delegated:
 * otherwise anyone could claim a rival's car codes and the page passengers scan.
 */
export async function acceptInstallation(session: ElevatorSession, acceptance: ElevatorAcceptance, firmKinds: readonly string[] | undefined): Promise<Elevator> {
  requireNotFutureDate(session, acceptance.acceptedOn, 'acceptedOn');
  if (acceptance.installedOn > acceptance.acceptedOn) throw invalid(`installedOn: ${acceptance.installedOn} lies after acceptedOn ${acceptance.acceptedOn}`);
  if (firmKinds === undefined || !firmKinds.includes('maintenanceFirm')) {
    throw invalid(`maintenanceFirmId: ${acceptance.maintenanceFirmId} is not a registered, active maintenance firm`);
  }
  if (acceptance.monitoringDevice) requireDeviceKey(acceptance.monitoringDevice.publicKeyPem);
  await new GiaiUse(session.ctx).require(session.actorId, acceptance.giai, 'giai', `register elevator ${acceptance.deviceCode}`);
  if (await session.read(elevatorKey(session.ctx, acceptance.deviceCode))) throw conflict(`deviceCode: elevator ${acceptance.deviceCode} is already on the ledger`);
  const giaiIndex = giaiIndexKey(session.ctx, acceptance.giai);
  const holder = await session.read<{ deviceCode: string }>(giaiIndex);
  if (holder) throw conflict(`giai: ${acceptance.giai} already names elevator ${holder.deviceCode}`);
  const elevator: Elevator = {
    ...acceptance,
    status: 'accepted',
    usingUnitId: session.actorId,
    interval: FIXED_POLICY,
    visits: {},
    due: {},
    defects: [],
    recentFaults: [],
    recentEntrapments: [],
    recentVisits: [],
    history: [],
    createdAt: session.now,
    updatedAt: session.now,
    updatedTxId: session.txId,
  };
  session.stage(giaiIndex, { deviceCode: acceptance.deviceCode }, undefined);
  session.putElevator(elevator, { kind: 'acceptance', on: acceptance.acceptedOn, detail: `maintained by ${acceptance.maintenanceFirmId}` });
  return elevator;
}

/** Every tier's clock starts at registration: the first half-monthly visit falls due 15 days on. */
function startClocks(elevator: Elevator, from: string): void {
  for (const tier of MaintenanceTiers) {
    elevator.due[tier] = nextDue(tier, elevator.visits[tier]?.on ?? from, elevator.interval);
  }
}

/**
 * The registration authority (a registered regulator) records the use registration certificate and
 * the car's rescue code, whose length is the region's and which no other lift of the city carries.
 */
export async function registerElevator(session: ElevatorSession, registration: ElevatorRegistration): Promise<Elevator> {
  requireNotFutureDate(session, registration.registeredOn, 'registeredOn');
  const elevator = await session.elevator(registration.deviceCode);
  if (elevator.status !== 'accepted') throw conflict(`deviceCode: elevator ${elevator.deviceCode} is ${elevator.status}, not awaiting registration`);
  if (registration.registeredOn < elevator.acceptedOn) throw invalid(`registeredOn: ${registration.registeredOn} lies before the acceptance on ${elevator.acceptedOn}`);
  const policy = await session.regionPolicy(elevator.region);
  if (registration.rescueCode.length !== policy.rescueCodeLength) {
    throw invalid(`rescueCode: region ${elevator.region} uses rescue codes of ${policy.rescueCodeLength} digits; ${registration.rescueCode} has ${registration.rescueCode.length}`);
  }
  const indexKey = registrationIndexKey(session.ctx, registration.registrationNumber);
  if (await session.read(indexKey)) throw conflict(`registrationNumber: ${registration.registrationNumber} is already registered`);
  const codeKey = rescueCodeKey(session.ctx, elevator.region, registration.rescueCode);
  const codeHolder = await session.read<{ deviceCode: string }>(codeKey);
  if (codeHolder) throw conflict(`rescueCode: ${registration.rescueCode} already names elevator ${codeHolder.deviceCode} in this city`);
  elevator.status = 'registered';
  elevator.registrationNumber = registration.registrationNumber;
  elevator.registeredOn = registration.registeredOn;
  elevator.rescueCode = registration.rescueCode;
  startClocks(elevator, registration.registeredOn);
  session.stage(indexKey, { deviceCode: elevator.deviceCode }, undefined);
  session.stage(codeKey, { deviceCode: elevator.deviceCode }, undefined);
  session.putElevator(elevator, { kind: 'registration', on: registration.registeredOn, detail: registration.registrationNumber });
  return elevator;
}

/** The using unit names another firm under contract: from then on only that firm writes the lift's records. */
export function changeContract(session: ElevatorSession, elevator: Elevator, change: ContractChange, firmKinds: readonly string[] | undefined): Elevator {
  requireNotFutureDate(session, change.effectiveOn, 'effectiveOn');
  if (elevator.status === 'scrapped') throw conflict(`registrationNumber: elevator ${elevator.deviceCode} is scrapped`);
  if (firmKinds === undefined || !firmKinds.includes('maintenanceFirm')) {
    throw invalid(`maintenanceFirmId: ${change.maintenanceFirmId} is not a registered, active maintenance firm`);
  }
  if (change.maintenanceFirmId === elevator.maintenanceFirmId) throw conflict(`maintenanceFirmId: ${change.maintenanceFirmId} is already under contract`);
  const previous = elevator.maintenanceFirmId;
  elevator.maintenanceFirmId = change.maintenanceFirmId;
  elevator.hotline = change.hotline;
  session.putElevator(elevator, { kind: 'contractChange', on: change.effectiveOn, detail: `${previous} → ${change.maintenanceFirmId}` });
  return elevator;
}

const NEXT_STATUS: Record<StatusChange['change'], { from: readonly Elevator['status'][]; to: Elevator['status'] }> = {
  suspend: { from: ['registered'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'registered' },
  scrap: { from: ['accepted', 'registered', 'suspended'], to: 'scrapped' },
};

/** Suspension, return to use or scrapping; scrapping is final. */
export function changeStatus(session: ElevatorSession, elevator: Elevator, change: StatusChange): Elevator {
  requireNotFutureDate(session, change.on, 'on');
  const rule = NEXT_STATUS[change.change];
  if (!rule.from.includes(elevator.status)) throw conflict(`change: elevator ${elevator.deviceCode} is ${elevator.status} and cannot ${change.change}`);
  elevator.status = rule.to;
  if (change.change === 'resume') startClocks(elevator, change.on);
  session.putElevator(elevator, { kind: change.change, on: change.on, detail: change.reason });
  return elevator;
}

/** A regulator sets a region's policy: workers on site, the rescue arrival limit, the rescue code length. */
export function setRegionPolicy(session: ElevatorSession, input: RegionPolicyInput): RegionPolicy {
  const policy: RegionPolicy = { ...input, setBy: session.actorId, setAt: session.now };
  session.stage(regionPolicyKey(session.ctx, input.region), policy, 'regionPolicies');
  return policy;
}

/**
 * A regulator approves on-demand maintenance for a lift whose owner and firm meet the pilot
 * conditions: the lift must have a registered monitoring device (the schema holds the firm's rating
 * and the insurance). The next half-monthly due date is recomputed under the new policy.
 */
export function approveOnDemand(session: ElevatorSession, elevator: Elevator, approval: OnDemandApproval): Elevator {
  if (elevator.status !== 'registered') throw conflict(`registrationNumber: elevator ${elevator.deviceCode} is ${elevator.status}; only a lift in use can go on demand`);
  if (!elevator.monitoringDevice) throw forbidden(`monitoringDevice: elevator ${elevator.deviceCode} has no registered IoT monitoring device, a pilot condition of on-demand maintenance`);
  const policy: IntervalPolicy = { mode: 'onDemand', approvedBy: session.actorId, approvedAt: session.now, ...approval };
  elevator.interval = policy;
  const tier: MaintenanceTier = 'halfMonthly';
  elevator.due[tier] = nextDue(tier, elevator.visits[tier]?.on ?? elevator.registeredOn ?? shanghaiDateOf(session.now), policy);
  session.putElevator(elevator, { kind: 'intervalPolicy', on: shanghaiDateOf(session.now), detail: `on demand, at most ${approval.maxDays} days` });
  return elevator;
}
