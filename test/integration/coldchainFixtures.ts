import type { Contract } from '@hyperledger/fabric-gateway';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import {
  gs1CheckDigit,
  lotIdOf,
  RequiredDocuments,
  type ColdChainLedgerUpdate,
  type ColdChainLot,
  type DocumentKind,
  type EventLocation,
  type LotType,
  type RiskAlert,
} from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import { withContract } from '../../network/src/ledgerClient';
import type { NetworkLayout } from '../../network/src/layout';
import { asAdmin, decode, uniqueId, type TestEnterprise } from './testNetwork';

/** Shared pieces of the cold-chain integration suites: places, times, lots, and submit helpers. */

export const GTIN = '09521234543213';
export const CUSTOMS_DECLARATION = '310420261000012345';

let prefixCounter = 0;

/**
 * A GS1 company prefix of its own (9 digits in China's 69 range, never a prefix of {@link GTIN}) and
 * a GTIN under it: the ledger outlives test runs, so each call makes a new one.
 */
export function newBrand(): { prefix: string; gtin: string } {
  const prefix = `69${String((Date.now() * 10 + prefixCounter++) % 10_000_000).padStart(7, '0')}`;
  const data = `0${prefix}001`;
  return { prefix, gtin: data + gs1CheckDigit(data) };
}

/** A new brand whose GS1 company prefix the platform admin assigns to `owner`. */
export async function brandOf(layout: NetworkLayout, owner: TestEnterprise): Promise<{ prefix: string; gtin: string }> {
  const brand = newBrand();
  await asAdmin(layout, (contract) => contract.submitTransaction('brands:assignPrefix', JSON.stringify({ kind: 'gtin', prefix: brand.prefix, enterpriseId: owner.registration.id })));
  return brand;
}

/** Places along the happy path, with coordinates so the travel checks have something to measure. */
export const Places = {
  ningboPort: { gln: '0614141000036', latitude: 29.94, longitude: 121.85 },
  hangzhouColdStore: { address: 'Xiaoshan cold store, 8 Hongda Rd', region: '330109', latitude: 30.18, longitude: 120.26 },
  shaoxingWholesale: { address: 'Shaoxing wholesale market hall 2', region: '330602', latitude: 30.0, longitude: 120.58 },
  keqiaoSupermarket: { address: 'Keqiao supermarket, 1 Jinke Rd', region: '330603', latitude: 30.08, longitude: 120.49 },
  harbin: { address: 'Harbin cold store', region: '230100', latitude: 45.8, longitude: 126.53 },
} satisfies Record<string, EventLocation>;

/**
 * A clock for one scenario: event times `hours` after a start two days back, written with the
 * +08:00 offset a Chinese site would use. Far enough back that any step stays in the past.
 */
export function scenarioClock(): (hours: number) => string {
  const start = Date.now() - 2 * 24 * 3_600_000;
  return (hours: number): string => {
    const local = new Date(start + hours * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 19);
    return `${local}+08:00`;
  };
}

export function newLotNumber(): string {
  return uniqueId('L').slice(-20);
}

export function lotRegistration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    gtin: GTIN,
    lotNumber: newLotNumber(),
    product: 'Frozen lamb shoulder',
    category: 'frozen',
    lotType: 'imported',
    originCountry: 'NZ',
    producer: 'Alliance Group plant ME 41',
    // A foreign brand nobody on the platform owns: importers use its GTIN under their customs declaration.
    customsDeclarationNumber: CUSTOMS_DECLARATION,
    quantity: 1000,
    unit: 'kg',
    productionDate: '2026-09-01',
    expiryDate: '2028-09-01',
    ...overrides,
  };
}

export function documentOf(kind: DocumentKind, issuedOn = '2026-10-20'): Record<string, unknown> {
  return { kind, number: uniqueId(kind.slice(0, 6)), issuer: 'Ningbo Customs', issuedOn, sha256: createHash('sha256').update(kind).digest('hex') };
}

export async function submit(layout: NetworkLayout, who: TestEnterprise | EnrolledIdentity, fn: string, ...args: string[]): Promise<ColdChainLedgerUpdate> {
  const identity = 'identity' in who ? who.identity : who;
  return decode(await withContract(layout, identity, (c: Contract) => c.submitTransaction(fn, ...args))) as ColdChainLedgerUpdate;
}

export async function evaluate<T>(layout: NetworkLayout, who: TestEnterprise, fn: string, ...args: string[]): Promise<T> {
  return decode(await withContract(layout, who.identity, (c: Contract) => c.evaluateTransaction(fn, ...args))) as T;
}

/** Creates a lot of `owner`; with `complete`, also every document its type requires. */
export async function createTestLot(
  layout: NetworkLayout,
  owner: TestEnterprise,
  options: { lotType?: LotType; complete?: boolean; overrides?: Record<string, unknown> } = {},
): Promise<string> {
  const lotType = options.lotType ?? 'imported';
  const registration = lotRegistration({ lotType, ...options.overrides });
  await submit(layout, owner, 'coldchain:createLot', JSON.stringify(registration));
  const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
  if (options.complete) {
    for (const kind of RequiredDocuments[lotType]) {
      await submit(layout, owner, 'coldchain:addDocument', lotId, JSON.stringify(documentOf(kind)));
    }
  }
  return lotId;
}

export function custodyEvent(action: string, lotId: string, eventTime: string, location: EventLocation, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { eventId: uniqueId(action), action, lotId, eventTime, location, ...extra };
}

export async function record(layout: NetworkLayout, who: TestEnterprise, event: Record<string, unknown>): Promise<ColdChainLedgerUpdate> {
  return submit(layout, who, 'coldchain:recordCustody', JSON.stringify(event));
}

export const getLot = (layout: NetworkLayout, who: TestEnterprise, lotId: string): Promise<ColdChainLot> => evaluate<ColdChainLot>(layout, who, 'coldchain:getLot', lotId);

export const getAlerts = (layout: NetworkLayout, who: TestEnterprise, lotId: string): Promise<RiskAlert[]> => evaluate<RiskAlert[]>(layout, who, 'coldchain:getAlerts', lotId);

/**
 * Asserts the lot's alerts are exactly these kinds, in key order. Temperature-gap alerts count only
 * when asked for: the gateway's coverage sweeper raises them on its own, at any moment, for every
 * scenario lot that travelled without a logger.
 */
export async function expectAlertKinds(layout: NetworkLayout, who: TestEnterprise, lotId: string, kinds: string[]): Promise<RiskAlert[]> {
  const alerts = (await getAlerts(layout, who, lotId)).filter((alert) => alert.kind !== 'temperatureGap' || kinds.includes('temperatureGap'));
  expect(alerts.map((a) => a.kind)).to.deep.equal(kinds);
  return alerts;
}

/** A serial prefix of its own per run: serials are unique per GTIN for good, and the test network keeps its ledger. */
export function uniqueSerialPrefix(): string {
  return `${Math.random().toString(36).slice(2, 9).toUpperCase()}X`;
}
