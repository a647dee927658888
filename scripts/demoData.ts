import { loadOrCreateSigningKeys, TokenService, TOKEN_TTL } from '../gateway/src/auth';
import { createHash } from 'node:crypto';
import { lotIdOf, RequiredDocuments, serialOf, type EnterpriseRegistration } from '../model/src';
import type { NetworkLayout } from '../network/src/layout';
import { gatewayDataDir } from '../network/src/gatewayConfig';
import { waitFor } from '../network/src/processes';
import { step } from '../network/src/progress';
import { DRUG_DEMO_ENTERPRISES, loadDrugDemo } from './drugDemoData';
import { DEMO_ELEVATOR_ENTERPRISES, DEMO_SECOND_WORKER, loadDemoElevators } from './demoElevators';

/** Demo enterprises (their ids are valid credit codes), onboarded through the gateway's admin API. */
export const DEMO_ENTERPRISES: (EnterpriseRegistration & { enrollmentId: string })[] = [
  {
    id: '91330100MA27Y0C108',
    enrollmentId: 'demo-coldstore',
    name: '杭州示范冷链仓储有限公司 (Hangzhou Demo Cold Storage Co.)',
    kinds: ['coldStore', 'importer'],
    region: '330100',
    licences: [{ kind: 'food business licence', number: 'JY13301000000001', validUntil: '2029-12-31' }],
  },
  {
    id: '91330200MA2H3E8K07',
    enrollmentId: 'demo-maintenance',
    name: '宁波示范电梯维保有限公司 (Ningbo Demo Elevator Maintenance Co.)',
    kinds: ['maintenanceFirm'],
    region: '330200',
    licences: [{ kind: 'special equipment maintenance licence', number: 'TS3433000-2029', validUntil: '2029-06-30' }],
  },
  ...DEMO_ELEVATOR_ENTERPRISES,
];

export interface DemoTokens {
  admin: string;
  enterprises: { name: string; enrollmentId: string; token: string }[];
  /** Resolver URLs worth scanning: the demo lot and units of it, sold and not. */
  scanUrls: { label: string; url: string }[];
}

/** The demo lot with serialised units: fixed, so a second start replays the same writes. */
const DEMO_LOT = {
  gtin: '09521234543213',
  lotNumber: 'DEMO-UNITS-1',
  product: 'Frozen lamb shoulder, 500 g retail pack',
  category: 'frozen',
  lotType: 'imported',
  originCountry: 'NZ',
  producer: 'Alliance Group plant ME 41',
  // No enterprise here owns the brand's GS1 prefix: the importer uses it under its customs declaration.
  customsDeclarationNumber: '310420261000012345',
  quantity: 20,
  unit: 'piece',
  productionDate: '2026-09-01',
  expiryDate: '2028-09-01',
} as const;
const DEMO_SERIAL_PREFIX = 'DEMO';
/** Labels applied at the importer's warehouse before the first sale (no unit is sold before it is commissioned). */
const DEMO_COMMISSIONED_AT = '2026-11-20T09:00:00+08:00';
const DEMO_RELEASED_AT = '2026-11-21T09:00:00+08:00';
const DEMO_SOLD_AT = '2026-11-28T10:30:00+08:00';

/** A write through the gateway that must commit (a replay of the same key answers the first result). */
async function demoWrite(layout: NetworkLayout, token: string, route: string, body: unknown, idempotencyKey: string): Promise<void> {
  const answer = await fetch(`http://127.0.0.1:${layout.gatewayPort}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  if (answer.status !== 201) {
    throw new Error(`demo write ${route} failed: ${answer.status} ${await answer.text()}`);
  }
}

/**
 * The demo cold store (also an importer) creates one lot, commissions 20 serialised units of it,
 * adds its entry documents, releases it for sale and sells the first unit, so the resolver has a lot, an unsold unit and a sold unit (with its banner) to show.
 */
async function loadDemoUnits(layout: NetworkLayout, token: string): Promise<DemoTokens['scanUrls']> {
  const lotId = lotIdOf(DEMO_LOT.gtin, DEMO_LOT.lotNumber);
  const lotPath = `/coldchain/lots/${encodeURIComponent(lotId)}`;
  await demoWrite(layout, token, '/coldchain/lots', DEMO_LOT, 'demo-units-lot');
  await demoWrite(layout, token, `${lotPath}/units`, { serialPrefix: DEMO_SERIAL_PREFIX, from: 1, count: 20, eventTime: DEMO_COMMISSIONED_AT }, 'demo-units-run');
  // Units are sold only from a lot released for sale, which needs the entry documents of an import.
  for (const kind of RequiredDocuments.imported) {
    const document = { kind, number: `DEMO-${kind}`, issuer: 'Ningbo Customs', issuedOn: '2026-11-18', sha256: createHash('sha256').update(`demo ${kind}`).digest('hex') };
    await demoWrite(layout, token, `${lotPath}/documents`, document, `demo-units-document-${kind}`);
  }
  const release = { eventId: 'demo-units-release', action: 'releaseForSale', lotId, eventTime: DEMO_RELEASED_AT, location: { address: 'Xiaoshan cold store, 8 Hongda Rd', region: '330109', latitude: 30.18, longitude: 120.26 } };
  await demoWrite(layout, token, '/coldchain/custody', release, 'demo-units-release');
  const sold = serialOf(DEMO_SERIAL_PREFIX, 1);
  await demoWrite(layout, token, `${lotPath}/unit-sales`, { sales: [{ serial: sold, eventTime: DEMO_SOLD_AT }] }, 'demo-units-sale');
  step('demo', `demo lot ${lotId}: units ${sold}..${serialOf(DEMO_SERIAL_PREFIX, 20)} commissioned, ${sold} sold`);
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  return [
    { label: 'demo lot', url: `${base}/${lotId}` },
    { label: 'unit, not sold', url: `${base}/01/${DEMO_LOT.gtin}/21/${serialOf(DEMO_SERIAL_PREFIX, 2)}` },
    { label: 'unit, sold (sold banner)', url: `${base}/01/${DEMO_LOT.gtin}/21/${sold}` },
  ];
}

/** A short-lived admin token signed with the gateway's own key (read from its data folder). */
export async function adminToken(layout: NetworkLayout, ttl: string = TOKEN_TTL.demo): Promise<string> {
  const tokens = new TokenService(await loadOrCreateSigningKeys(gatewayDataDir(layout)));
  return tokens.issue({ sub: 'admin.regulator', role: 'admin', msp: 'RegulatorOrgMSP', enr: 'admin.regulator' }, ttl);
}

/**
 * Onboards an enterprise (custodial) through POST /admin/enterprises and returns a fresh token for it.
 * A fixed Idempotency-Key makes a second call replay the first onboarding.
 */
export async function onboardThroughGateway(
  layout: NetworkLayout,
  admin: string,
  registration: EnterpriseRegistration & { enrollmentId: string },
  idempotencyKey: string,
  expiresIn: string = TOKEN_TTL.default,
): Promise<string> {
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const onboarded = await fetch(`${base}/admin/enterprises`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': idempotencyKey },
    body: JSON.stringify({ ...registration, custody: 'custodial' }),
  });
  if (onboarded.status !== 201) {
    throw new Error(`onboarding ${registration.id} failed: ${onboarded.status} ${JSON.stringify(await onboarded.json())}`);
  }
  // The token route reads the binding from the projection, which may still be catching up.
  return waitFor(`a token for ${registration.id} (the projection must hold its identity binding)`, async () => {
    const issued = await fetch(`${base}/admin/enterprises/${registration.id}/tokens`, { method: 'POST', headers, body: JSON.stringify({ expiresIn }) });
    return issued.ok ? ((await issued.json()) as { token: string }).token : undefined;
  }, { timeoutMs: 120_000, intervalMs: 250 });
}

/** Enrolls the demo firm's second worker (a replay on a second start) and issues a fresh token for it. */
async function demoSecondWorker(layout: NetworkLayout, admin: string, firmId: string): Promise<string> {
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const enrolled = await fetch(`${base}/admin/enterprises/${firmId}/identities`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': `demo-identity-${DEMO_SECOND_WORKER}` },
    body: JSON.stringify({ enrollmentId: DEMO_SECOND_WORKER }),
  });
  if (enrolled.status !== 201) throw new Error(`enrolling ${DEMO_SECOND_WORKER} failed: ${enrolled.status} ${await enrolled.text()}`);
  return waitFor(`a token for ${DEMO_SECOND_WORKER} (the projection must hold its binding)`, async () => {
    const issued = await fetch(`${base}/admin/enterprises/${firmId}/tokens`, { method: 'POST', headers, body: JSON.stringify({ enrollmentId: DEMO_SECOND_WORKER, expiresIn: TOKEN_TTL.demo }) });
    return issued.ok ? ((await issued.json()) as { token: string }).token : undefined;
  }, { timeoutMs: 120_000, intervalMs: 250 });
}

/** Onboards the demo enterprises; a second start replays the first answers and only issues fresh tokens. */
export async function loadDemoData(layout: NetworkLayout): Promise<DemoTokens> {
  const admin = await adminToken(layout);
  const enterprises: DemoTokens['enterprises'] = [];
  for (const demo of DEMO_ENTERPRISES) {
    const token = await onboardThroughGateway(layout, admin, demo, `demo-onboarding-${demo.id}`, TOKEN_TTL.demo);
    enterprises.push({ name: demo.name, enrollmentId: demo.enrollmentId, token });
  }
  step('demo', `demo enterprises onboarded: ${DEMO_ENTERPRISES.map((d) => d.enrollmentId).join(', ')}`);
  const scanUrls = await loadDemoUnits(layout, enterprises[0].token);
  const drugTokens: string[] = [];
  for (const demo of DRUG_DEMO_ENTERPRISES) {
    const token = await onboardThroughGateway(layout, admin, demo, `demo-onboarding-${demo.id}`, TOKEN_TTL.demo);
    enterprises.push({ name: demo.name, enrollmentId: demo.enrollmentId, token });
    drugTokens.push(token);
  }
  scanUrls.push(...(await loadDrugDemo(layout, admin, drugTokens, (token, route, body, key) => demoWrite(layout, token, route, body, key))));
  const token = (enrollmentId: string): string => enterprises.find((e) => e.enrollmentId === enrollmentId)?.token ?? '';
  const firm = DEMO_ENTERPRISES.find((e) => e.enrollmentId === 'demo-maintenance');
  if (!firm) throw new Error('the demo maintenance firm is missing');
  const secondWorker = await demoSecondWorker(layout, admin, firm.id);
  enterprises.push({ name: `${firm.name}: second worker`, enrollmentId: DEMO_SECOND_WORKER, token: secondWorker });
  const liftUrls = await loadDemoElevators(layout, {
    admin, owner: token('demo-lift-owner'), firm: token('demo-maintenance'), secondWorker, inspection: token('demo-inspection'), callCentre: token('demo-96333'), firmId: firm.id,
  });
  return { admin, enterprises, scanUrls: [...scanUrls, ...liftUrls] };
}
