import path from 'node:path';
import { lotIdOf, usccCheckCharacter, type EnterpriseKind, type EventLocation } from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { registerBenchEnterprise } from './benchEnterprise';
import type { LoadIdentity } from './custodyLoad';

/** Set-up of the cold-chain benchmark: two enterprises that pass lots between them, and a pool of lots. */

/** A cold store and a wholesaler about 40 km apart (Xiaoshan and Shaoxing), so travel checks pass at the bench's pace. */
export const BenchPlaces = {
  coldStore: { address: 'Xiaoshan cold store, 8 Hongda Rd', region: '330109', latitude: 30.18, longitude: 120.26 },
  wholesaler: { address: 'Shaoxing wholesale market hall 2', region: '330602', latitude: 30.0, longitude: 120.58 },
} satisfies Record<string, EventLocation>;

export interface BenchFirm {
  id: string;
  identity: EnrolledIdentity;
}

/** Registers (once per network) an enterprise of the SupplyOrg and binds a fresh identity to it. */
export async function registerBenchFirm(layout: NetworkLayout, code: string, name: string, kinds: EnterpriseKind[]): Promise<BenchFirm> {
  const first17 = `91330100${code}`;
  const identity = await registerBenchEnterprise(layout, { first17, name, kinds, enrollmentId: `bench-${code.toLowerCase()}` });
  return { id: first17 + usccCheckCharacter(first17), identity };
}

/** What a load process needs to act as an identity: its peer and its key files. */
export function loadIdentityOf(layout: NetworkLayout, firm: BenchFirm): LoadIdentity {
  const peer = layout.peers.find((p) => p.org.mspId === firm.identity.mspId) ?? layout.peers[0];
  return {
    enterpriseId: firm.id,
    peerAddress: peer.address,
    peerTlsRootCert: path.join(peer.tlsDir, 'ca.crt'),
    identity: { mspId: firm.identity.mspId, certificate: firm.identity.certificate, privateKey: firm.identity.privateKey },
  };
}

const GTIN = '09521234543213';
const CHILDREN_PER_SPLIT = 100;
export const BENCH_LOT_QUANTITY = 10;

/** Event time `millis` written with the +08:00 offset of a Chinese site. */
export function localEventTime(millis: number): string {
  return `${new Date(millis + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/**
 * At least `count` lots held by `producer`, made the way a wholesaler would: domestic pallets created,
 * then each split into 100 cartons of 10 kg (one transaction per pallet, run 16 at a time).
 */
export async function createLotPool(layout: NetworkLayout, producer: BenchFirm, count: number, runId: string, eventTimeMs: number): Promise<string[]> {
  const pallets = Math.ceil(count / CHILDREN_PER_SPLIT);
  const lots: string[] = [];
  await withContract(layout, producer.identity, async (contract) => {
    const createPallet = async (p: number): Promise<void> => {
      const lotNumber = `P${runId}${p}`.slice(0, 20);
      await contract.submitTransaction('coldchain:createLot', JSON.stringify({
        gtin: GTIN, lotNumber, product: 'Chilled pork loin', category: 'chilled', lotType: 'domestic', originCountry: 'CN',
        producer: 'Jinhua meat plant 3', quantity: CHILDREN_PER_SPLIT * BENCH_LOT_QUANTITY, unit: 'kg', productionDate: '2026-10-01', expiryDate: '2027-04-01',
      }));
      const children = Array.from({ length: CHILDREN_PER_SPLIT }, (_, c) => ({ lotNumber: `C${runId}${p}x${c}`.slice(0, 20), quantity: BENCH_LOT_QUANTITY }));
      await contract.submitTransaction('coldchain:splitLot', JSON.stringify({
        eventId: `split-${runId}-${p}`, lotId: lotIdOf(GTIN, lotNumber), eventTime: localEventTime(eventTimeMs), location: BenchPlaces.coldStore, children,
      }));
      lots.push(...children.map((child) => lotIdOf(GTIN, child.lotNumber)));
    };
    const queue = Array.from({ length: pallets }, (_, p) => p);
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        await createPallet(p);
      }
    }));
  });
  return lots.sort();
}
