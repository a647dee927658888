import type { Contract } from '@hyperledger/fabric-gateway';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { addDays, presenceMessage, requiredItems, shanghaiDateOf, type ElevatorLedgerUpdate, type ElevatorType, type MaintenanceTier, type PresenceCode } from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import { enrollEnterpriseIdentity } from '../../network/src/identities';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { newBrand } from './coldchainFixtures';
import { api, testAdminToken } from './gatewayClient';
import { asAdmin, bindingOf, decode, uniqueId, type TestEnterprise } from './testNetwork';

/** A lift's monitoring device: its id and the key it signs presence codes with. */
export interface TestDevice {
  deviceId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

export function newDevice(): TestDevice {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { deviceId: uniqueId('MON'), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** The code the device shows at `issuedAt` (any ISO instant; signed in UTC with milliseconds). */
export function presenceCode(device: TestDevice, issuedAt: string | number): PresenceCode {
  const at = new Date(typeof issuedAt === 'number' ? issuedAt : Date.parse(issuedAt)).toISOString();
  const signature = sign('sha256', Buffer.from(presenceMessage(device.deviceId, at), 'utf8'), device.privateKey).toString('base64url');
  return { deviceId: device.deviceId, issuedAt: at, signature };
}

let serial = 0;

/**
 * A GIAI company prefix of its own (made as {@link newBrand} makes GTIN prefixes, new each call since
 * the ledger outlives test runs), assigned to `usingUnit`: lifts are registered only under it.
 */
export async function liftPrefixOf(layout: NetworkLayout, usingUnit: TestEnterprise): Promise<string> {
  const { prefix } = newBrand();
  await asAdmin(layout, (contract) => contract.submitTransaction('brands:assignPrefix', JSON.stringify({ kind: 'giai', prefix, enterpriseId: usingUnit.registration.id })));
  return prefix;
}

/** The same through the gateway: the admin assigns a new GIAI prefix to the onboarded using unit `usingUnitId`. */
export async function liftPrefixThroughGateway(usingUnitId: string): Promise<string> {
  const { prefix } = newBrand();
  const answer = await api('/admin/prefixes', { token: await testAdminToken(), idempotencyKey: uniqueId('giai-prefix'), body: { kind: 'giai', prefix, enterpriseId: usingUnitId } });
  if (answer.status !== 201) throw new Error(`assigning GIAI prefix ${prefix}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return prefix;
}

/** A device code, GIAI under `giaiPrefix`, registration number and rescue code nobody used before. */
export function newLiftIds(giaiPrefix: string): { deviceCode: string; giai: string; registrationNumber: string; rescueCode: string } {
  const stamp = `${Date.now()}${String(serial++ % 100).padStart(2, '0')}`;
  return {
    deviceCode: `3110${stamp}`,
    giai: `${giaiPrefix}E${stamp}`,
    registrationNumber: `梯11浙A${stamp.slice(-9)}`,
    rescueCode: stamp.slice(-6),
  };
}

export const STATIC_CODE = 'MR-WALL-CODE-0001';

export function acceptanceOf(ids: { deviceCode: string; giai: string }, firmId: string, options: { acceptedOn: string; device?: TestDevice; type?: ElevatorType; region?: string }): Record<string, unknown> {
  return {
    deviceCode: ids.deviceCode,
    giai: ids.giai,
    type: options.type ?? 'traction',
    maker: 'Hangzhou Lift Works',
    installedOn: addDays(options.acceptedOn, -10),
    acceptedOn: options.acceptedOn,
    address: '1 Wensan Road, Xihu, Hangzhou',
    region: options.region ?? '330106',
    coordinates: { latMicro: 30_276_000, lngMicro: 120_146_000 },
    ratedLoadKg: 1000,
    ratedSpeedMmPerS: 1750,
    floors: 18,
    maintenanceFirmId: firmId,
    hotline: '0571-88880000',
    monitoringDevice: options.device && { deviceId: options.device.deviceId, publicKeyPem: options.device.publicKeyPem },
    staticCodeSha256: createHash('sha256').update(STATIC_CODE).digest('hex'),
  };
}

/** Today in Shanghai, `days` from now. */
export const shanghaiDay = (days = 0): string => addDays(shanghaiDateOf(Date.now()), days);

/** A visit that ended `endedMinutesAgo` and lasted `minutes`, every item of the tier done. */
export function visitOf(registrationNumber: string, workers: string[], options: { tier?: MaintenanceTier; endedMinutesAgo?: number; minutes?: number; type?: ElevatorType } = {}): Record<string, unknown> & { arrivedAt: string; departedAt: string } {
  const departed = Date.now() - (options.endedMinutesAgo ?? 10) * 60_000;
  const arrived = departed - (options.minutes ?? 60) * 60_000;
  const tier = options.tier ?? 'halfMonthly';
  return {
    registrationNumber,
    tier,
    itemsDone: requiredItems(options.type ?? 'traction', tier).map((item) => item.id),
    findings: 'all in order',
    workers,
    arrivedAt: new Date(arrived).toISOString(),
    departedAt: new Date(departed).toISOString(),
    evidenceSha256: [createHash('sha256').update('photo').digest('hex')],
  };
}

export async function submitAs(layout: NetworkLayout, who: TestEnterprise | EnrolledIdentity, fn: string, ...args: string[]): Promise<ElevatorLedgerUpdate> {
  const identity = 'identity' in who ? who.identity : who;
  return decode(await withContract(layout, identity, (c: Contract) => c.submitTransaction(fn, ...args))) as ElevatorLedgerUpdate;
}

export async function evaluateAs<T>(layout: NetworkLayout, who: TestEnterprise | EnrolledIdentity, fn: string, ...args: string[]): Promise<T> {
  const identity = 'identity' in who ? who.identity : who;
  return decode(await withContract(layout, identity, (c: Contract) => c.evaluateTransaction(fn, ...args))) as T;
}

/** Another identity of an enterprise, bound to it on chain: a second worker of a firm. */
export async function bindAnotherIdentity(layout: NetworkLayout, enterprise: TestEnterprise, org: 'equipment' | 'regulator', prefix: string): Promise<EnrolledIdentity> {
  const identity = await enrollEnterpriseIdentity(layout.orgs[org], uniqueId(prefix), enterprise.registration.id);
  await asAdmin(layout, (contract) => contract.submitTransaction('registry:bindIdentity', JSON.stringify(bindingOf(enterprise.registration.id, identity))));
  return identity;
}

/** Registers a worker of `firm` under the identity's enrollment id, certificate valid for years. */
export async function registerWorkerOf(layout: NetworkLayout, firm: TestEnterprise, identity: EnrolledIdentity, validUntil = '2030-12-31'): Promise<void> {
  await submitAs(layout, firm, 'elevator:registerWorker', JSON.stringify({ enrollmentId: identity.enrollmentId, name: `Worker ${identity.enrollmentId}`, certificateNumber: `TSZ${Date.now()}${serial++}`, certificateValidUntil: validUntil }));
}
