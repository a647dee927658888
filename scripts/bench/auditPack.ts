import { lotIdOf, usccCheckCharacter } from '../../model/src';
import { verifyPack, type TrustAnchor } from '../../gateway/src/auditPacks/verify';
import { withContract } from '../../network/src/ledgerClient';
import { step } from '../../network/src/progress';
import { adminToken } from '../demoData';
import { BENCH_PRODUCER, registerBenchEnterprise } from './benchEnterprise';
import { BenchPlaces, localEventTime, registerBenchFirm, type BenchFirm } from './coldChainSetup';
import { report, type ThroughputRow } from './harness';
import { runReadBenchmark } from './readSetup';
import { percentile } from './stats';

/**
 * Audit pack benchmark (issue 18): for lots with 5 hops of custody (a shipment and its receipt per
 * hop, 6 holders), a party pack built by the gateway (`GET /regulator/audit-packs/lot/{id}?mode=party`)
 * and verified offline (`verifyPack`, what `npm run verify-pack` runs), each against < 5 s; a full pack
 * of the same lots built and verified, with its size stated. Ratios to the same-run baseline.
 */
const SAMPLES = Number(process.env.BENCH_PACK_SAMPLES ?? 5);
const HOPS = 5;
const GTIN = '09521234543213';

function row(label: string, latencies: number[], target?: ThroughputRow['target']): ThroughputRow {
  const seconds = latencies.reduce((sum, ms) => sum + ms, 0) / 1000;
  return { label, perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: Math.max(...latencies), completed: latencies.length, failed: 0, ...(target ? { target } : {}) };
}

runReadBenchmark(async ({ layout, base, baseline }) => {
  const run = Date.now().toString(36).slice(-6);
  const producerIdentity = await registerBenchEnterprise(layout, BENCH_PRODUCER);
  const holders: BenchFirm[] = [{ id: BENCH_PRODUCER.first17 + usccCheckCharacter(BENCH_PRODUCER.first17), identity: producerIdentity }];
  for (let hop = 1; hop <= HOPS; hop++) holders.push(await registerBenchFirm(layout, `BENCHAP0${hop}`, `Bench pack hop ${hop}`, ['coldStore', 'wholesaler']));

  step('bench', `making ${SAMPLES} lots, each handed on ${HOPS} times (a shipment and a receipt per hop)`);
  const started = Date.now() - 3 * 3_600_000;
  const lots = await Promise.all(Array.from({ length: SAMPLES }, async (_, sample) => {
    const at = (minute: number): string => localEventTime(started + minute * 60_000);
    const lotNumber = `P${run}${sample}`;
    const lotId = lotIdOf(GTIN, lotNumber);
    await withContract(layout, holders[0].identity, (contract) => contract.submitTransaction('coldchain:createLot', JSON.stringify({
      gtin: GTIN, lotNumber, product: 'Chilled pork loin', category: 'chilled', lotType: 'domestic', originCountry: 'CN',
      producer: 'Jinhua meat plant 3', quantity: 1000, unit: 'kg', productionDate: '2026-10-01', expiryDate: '2027-04-01',
    })));
    for (let hop = 1; hop <= HOPS; hop++) {
      const [from, to] = [holders[hop - 1], holders[hop]];
      await withContract(layout, from.identity, (contract) => contract.submitTransaction('coldchain:recordCustody', JSON.stringify({
        eventId: `ship-${lotNumber}-${hop}`, action: 'ship', lotId, eventTime: at(hop * 10), location: BenchPlaces.coldStore, to: to.id, quantity: 1000,
      })));
      await withContract(layout, to.identity, (contract) => contract.submitTransaction('coldchain:recordCustody', JSON.stringify({
        eventId: `receive-${lotNumber}-${hop}`, action: 'receive', decision: 'accept', quantity: 1000, lotId, eventTime: at(hop * 10 + 5), location: BenchPlaces.wholesaler,
      })));
    }
    return lotId;
  }));

  const token = await adminToken(layout);
  const anchor = (await (await fetch(`${base}/audit-packs/trust-anchor`)).json()) as TrustAnchor;
  const measure = async (mode: 'party' | 'full') => {
    const build: number[] = [];
    const verify: number[] = [];
    const sizes: number[] = [];
    let transactions = 0;
    for (const lotId of lots) {
      const t0 = performance.now();
      const response = await fetch(`${base}/regulator/audit-packs/lot/${encodeURIComponent(lotId)}?mode=${mode}`, { headers: { authorization: `Bearer ${token}` } });
      const pack = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${mode} pack of ${lotId}: ${response.status} ${pack.toString('utf8').slice(0, 300)}`);
      build.push(performance.now() - t0);
      sizes.push(pack.length);
      const t1 = performance.now();
      const verdict = await verifyPack(pack, anchor);
      verify.push(performance.now() - t1);
      if (!verdict.ok) throw new Error(`${mode} pack of ${lotId} does not verify: ${verdict.reasons.join('; ')}`);
      transactions = verdict.transactions.length;
    }
    return { build, verify, sizes, transactions };
  };

  step('bench', `party packs of ${SAMPLES} lots: built through the gateway, verified offline`);
  const party = await measure('party');
  step('bench', `full packs of the same lots`);
  const full = await measure('full');
  const kb = (bytes: number[]): number => Math.round(Math.max(...bytes) / 1024);
  const rows: ThroughputRow[] = [
    row(`party pack, lot with ${HOPS} hops (${party.transactions} tx, ≤ ${kb(party.sizes)} KB): build`, party.build, { p99Ms: 5000 }),
    row(`party pack, lot with ${HOPS} hops: verify offline`, party.verify, { p99Ms: 5000 }),
    row(`full pack, lot with ${HOPS} hops (≤ ${kb(full.sizes)} KB): build`, full.build),
    row(`full pack, lot with ${HOPS} hops: verify offline`, full.verify),
  ];
  report('auditPack', baseline.perSecond, rows, {
    samples: SAMPLES,
    hops: HOPS,
    partyPackBytes: party.sizes,
    fullPackBytes: full.sizes,
    note: 'a full pack holds every block of the lot\'s transactions whole, the newest block, and the header of every block in between: its size grows with the blocks the lot\'s history spans, not with the lot',
  });
});
