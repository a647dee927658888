import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { addDays, presenceMessage, requiredItems, shanghaiDateOf, type EnterpriseRegistration, type PresenceCode } from '../model/src';
import type { NetworkLayout } from '../network/src/layout';
import { step } from '../network/src/progress';

/** The elevator side of the demo: a using unit, an inspection body and a 96333 centre (the maintenance firm is in DEMO_ENTERPRISES already). */
export const DEMO_ELEVATOR_ENTERPRISES: (EnterpriseRegistration & { enrollmentId: string })[] = [
  {
    id: '91330200MA2H4F9L10',
    enrollmentId: 'demo-lift-owner',
    name: '宁波示范物业管理有限公司 (Ningbo Demo Property Management Co.)',
    kinds: ['elevatorOwner'],
    region: '330203',
    licences: [],
  },
  {
    id: '91330200MA2H5G0M20',
    enrollmentId: 'demo-inspection',
    name: '宁波市特种设备检验研究院 (Ningbo Special Equipment Inspection Institute, demo)',
    kinds: ['inspectionBody'],
    region: '330200',
    licences: [],
  },
  {
    id: '91330200MA2H6H1N3Q',
    enrollmentId: 'demo-96333',
    name: '宁波 96333 电梯应急处置中心 (Ningbo 96333 Elevator Emergency Centre, demo)',
    kinds: ['rescueCallCentre'],
    region: '330200',
    licences: [],
  },
];

/** The demo firm's second worker: records need two on site in Ningbo (the default policy). */
export const DEMO_SECOND_WORKER = 'demo-maintenance-2';

/**
 * The demo lifts' monitoring device key: Ed25519 from a fixed seed, so a second start signs the same
 * presence codes (Ed25519 signatures are deterministic) and replays the same writes.
 */
const DEVICE_SEED = createHash('sha256').update('traceledger demo lift monitoring device').digest();
const DEVICE_KEY = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), DEVICE_SEED]), format: 'der', type: 'pkcs8' });
const DEVICE_PUBLIC_PEM = createPublicKey(DEVICE_KEY).export({ type: 'spki', format: 'pem' }).toString();
const STATIC_CODE = 'DEMO-MACHINE-ROOM';

interface DemoLift {
  label: string;
  deviceCode: string;
  giai: string;
  registrationNumber: string;
  rescueCode: string;
  deviceId?: string;
}

/** The demo using unit's GIAI company prefix: the ledger registers its lifts only under car codes of this prefix. */
const DEMO_GIAI_PREFIX = '6901234';

/** Four lifts in Ningbo: maintained and device-proven, overdue, on demand, with a defect open past its deadline. */
const LIFTS: DemoLift[] = [
  { label: 'lift, fit, visit proven', deviceCode: '31103302032026000001', giai: `${DEMO_GIAI_PREFIX}DEMOLIFT1`, registrationNumber: '梯11浙B00001(26)', rescueCode: '200001', deviceId: 'DEMO-MON-1' },
  { label: 'lift, maintenance overdue', deviceCode: '31103302032026000002', giai: `${DEMO_GIAI_PREFIX}DEMOLIFT2`, registrationNumber: '梯11浙B00002(26)', rescueCode: '200002' },
  { label: 'lift, on-demand maintenance', deviceCode: '31103302032026000003', giai: `${DEMO_GIAI_PREFIX}DEMOLIFT3`, registrationNumber: '梯11浙B00003(26)', rescueCode: '200003', deviceId: 'DEMO-MON-3' },
  { label: 'lift, defect open (not fit)', deviceCode: '31103302032026000004', giai: `${DEMO_GIAI_PREFIX}DEMOLIFT4`, registrationNumber: '梯11浙B00004(26)', rescueCode: '200004' },
];

const presence = (deviceId: string, at: string): PresenceCode => {
  const issuedAt = new Date(Date.parse(at)).toISOString();
  return { deviceId, issuedAt, signature: sign(null, Buffer.from(presenceMessage(deviceId, issuedAt), 'utf8'), DEVICE_KEY).toString('base64url') };
};

export interface DemoElevatorTokens {
  admin: string;
  owner: string;
  firm: string;
  secondWorker: string;
  inspection: string;
  callCentre: string;
  firmId: string;
}

/**
 * The elevator demo, through the gateway like a real client, dated from the day it loads: the lifts
 * were accepted ten days ago and registered five days ago (the overdue one twenty), inspected five
 * days ago, maintained two days ago. Every key names that day, so a second start the same day
 * replays the same answers; on a later day what exists already (a lift, its registration, its
 * inspection, the rescue) is refused as a conflict and left as it is, and a newer visit is added.
 */
export async function loadDemoElevators(layout: NetworkLayout, tokens: DemoElevatorTokens): Promise<{ label: string; url: string }[]> {
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  const today = shanghaiDateOf(Date.now());
  const day = (offset: number): string => addDays(today, offset);
  /** A write that must commit, or (`once`) may find it was made on an earlier day: a 409. */
  const write = async (token: string, route: string, body: unknown, key: string, once = false): Promise<Record<string, unknown>> => {
    const answer = await fetch(`${base}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${key}-${today}` },
      body: JSON.stringify(body),
    });
    if (answer.status === 409 && once) return {};
    if (answer.status !== 201) throw new Error(`demo write ${route} failed: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as Record<string, unknown>;
  };
  await write(tokens.admin, '/admin/prefixes', { kind: 'giai', prefix: DEMO_GIAI_PREFIX, enterpriseId: DEMO_ELEVATOR_ENTERPRISES[0].id }, 'demo-lift-giai-prefix', true);
  const workers = ['demo-maintenance', DEMO_SECOND_WORKER];
  for (const [index, enrollmentId] of workers.entries()) {
    await write(tokens.firm, '/elevators/workers', { enrollmentId, name: ['Zhang Wei', 'Chen Jing'][index], certificateNumber: `TSZ33020019900${index + 1}`, certificateValidUntil: '2029-12-31' }, `demo-worker-${enrollmentId}`, true);
  }
  const visitDay = day(-2);
  const items = requiredItems('traction', 'halfMonthly').map((item) => item.id);
  for (const [index, lift] of LIFTS.entries()) {
    const acceptance = {
      deviceCode: lift.deviceCode, giai: lift.giai, type: 'traction', maker: 'Ningbo Demo Lift Works', installedOn: day(-30), acceptedOn: day(-25),
      address: `Demo Tower ${index + 1}, 1 Zhongshan E Rd, Haishu, Ningbo`, region: '330203', coordinates: { latMicro: 29_870_000 + index * 1000, lngMicro: 121_550_000 },
      ratedLoadKg: 1000, ratedSpeedMmPerS: 1750, floors: 18, maintenanceFirmId: tokens.firmId, hotline: '0574-87000000',
      staticCodeSha256: createHash('sha256').update(STATIC_CODE).digest('hex'),
      ...(lift.deviceId ? { monitoringDevice: { deviceId: lift.deviceId, publicKeyPem: DEVICE_PUBLIC_PEM } } : {}),
    };
    await write(tokens.owner, '/elevators', acceptance, `demo-lift-${index + 1}-acceptance`, true);
    // The overdue lift was registered twenty days ago and never visited: its half-monthly visit was due five days ago.
    const registeredOn = day(index === 1 ? -20 : -5);
    await write(tokens.admin, '/elevators/registrations', { deviceCode: lift.deviceCode, registrationNumber: lift.registrationNumber, registeredOn, rescueCode: lift.rescueCode }, `demo-lift-${index + 1}-registration`, true);
    const open = index === 3;
    const inspection = {
      registrationNumber: lift.registrationNumber, reportNumber: `DEMO-JD-${index + 1}`, kind: 'periodic', inspectedOn: registeredOn, result: 'pass',
      defects: open ? [{ defectId: 'D1', description: 'landing door gap over 6 mm on floor 3', rectifyBy: day(-1) }] : [],
    };
    await write(tokens.inspection, '/elevators/inspections', inspection, `demo-lift-${index + 1}-inspection`, true);
  }
  await write(tokens.admin, `/elevators/${encodeURIComponent(LIFTS[2].registrationNumber)}/on-demand`, { maxDays: 30, runsPerService: 6000, liabilityInsurancePolicy: 'DEMO-PICC-2026-0001', firmRating: 'A' }, 'demo-lift-3-on-demand');
  // Visits: device-proven on the monitored lifts, static code with the using unit's word on lift 4; none on lift 2, which is overdue.
  for (const index of [0, 2, 3]) {
    const lift = LIFTS[index];
    const arrivedAt = `${visitDay}T09:00:00+08:00`;
    const departedAt = `${visitDay}T10:00:00+08:00`;
    const proof = lift.deviceId ? { arrivalCode: presence(lift.deviceId, arrivedAt), departureCode: presence(lift.deviceId, departedAt) } : { staticCode: STATIC_CODE };
    const visit = { registrationNumber: lift.registrationNumber, tier: 'halfMonthly', itemsDone: items, findings: 'all in order', workers, arrivedAt, departedAt, ...proof };
    const answer = await write(tokens.firm, '/elevators/maintenance', visit, `demo-lift-${index + 1}-visit`);
    const recordId = ((answer.result as { maintenanceRecords: { recordId: string }[] }).maintenanceRecords[0]).recordId;
    const reference = { registrationNumber: lift.registrationNumber, recordId };
    await write(tokens.secondWorker, '/elevators/maintenance/signatures', reference, `demo-lift-${index + 1}-sign`);
    await write(tokens.owner, '/elevators/maintenance/acknowledgements', reference, `demo-lift-${index + 1}-ack`);
  }
  await write(tokens.admin, `/elevators/${LIFTS[1].deviceCode}/overdue-checks`, {}, 'demo-lift-2-overdue');
  // A rescue on lift 1 three days ago: the centre's call and dispatch, the firm's arrival 18 minutes after the call.
  const call = { callId: 'DEMO-96333-0001', registrationNumber: LIFTS[0].registrationNumber, calledAt: `${day(-3)}T19:02:00+08:00`, dispatchedAt: `${day(-3)}T19:03:00+08:00`, trappedPassengers: 2 };
  await write(tokens.callCentre, '/elevators/rescues', call, 'demo-lift-1-rescue-call', true);
  await write(tokens.firm, '/elevators/rescues/arrivals', { callId: call.callId, registrationNumber: call.registrationNumber, arrivedAt: `${day(-3)}T19:20:00+08:00`, releasedAt: `${day(-3)}T19:26:00+08:00` }, 'demo-lift-1-rescue-arrival', true);
  step('demo', `demo lifts: ${LIFTS.map((lift) => lift.registrationNumber).join(', ')}; visits on ${visitDay}; a 96333 rescue on the first`);
  return LIFTS.map((lift) => ({ label: lift.label, url: `${base}/8004/${lift.giai}` }));
}
