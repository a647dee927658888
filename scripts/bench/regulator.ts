import { lotIdOf, usccCheckCharacter } from '../../model/src';
import { step } from '../../network/src/progress';
import { withContract } from '../../network/src/ledgerClient';
import { BENCH_PRODUCER, registerBenchEnterprise } from './benchEnterprise';
import { clueListRows } from './clueList';
import { BenchPlaces, localEventTime, registerBenchFirm, type BenchFirm } from './coldChainSetup';
import { report, type ThroughputRow } from './harness';
import { runReadBenchmark } from './readSetup';
import { percentile } from './stats';

/**
 * Regulator benchmark (issue 17): opening a recall, whose impact list the chaincode computes from
 * lineage, for a lot with 5 hops of downstream custody (at each hop the holder splits off part of
 * what it holds and ships it to the next enterprise: 6 lots, 6 holders), with the ratio to the
 * same-run baseline:
 * 1. the impact on chain alone: `recalls:previewImpact` evaluated on a peer (the walk, the lot reads,
 *    the holder list; target p99 < 200 ms);
 * 2. the whole opening submitted and committed: the impact, the holds on the lot and every lot made
 *    from it, the recall and holder keys (ordering and commit included: it waits for a block);
 * 3. the regulator's clue list over `BENCH_CLUES` clues (default 100,000; 0 skips it), see clueList.ts.
 */
const SAMPLES = Number(process.env.BENCH_RECALL_SAMPLES ?? 12);
const PASSES = Number(process.env.BENCH_RECALL_PASSES ?? 5);
const HOPS = 5;
const GTIN = '09521234543213';

function row(label: string, latencies: number[], seconds: number, target?: ThroughputRow['target']): ThroughputRow {
  return { label, perSecond: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), completed: latencies.length, failed: 0, ...(target ? { target } : {}) };
}

runReadBenchmark(async ({ layout, base, baseline }) => {
  const run = Date.now().toString(36).slice(-6);
  const producerIdentity = await registerBenchEnterprise(layout, BENCH_PRODUCER);
  const producer: BenchFirm = { id: BENCH_PRODUCER.first17 + usccCheckCharacter(BENCH_PRODUCER.first17), identity: producerIdentity };
  const hops: BenchFirm[] = [producer];
  for (let hop = 1; hop <= HOPS; hop++) hops.push(await registerBenchFirm(layout, `BENCHRH0${hop}`, `Bench hop ${hop}`, ['coldStore', 'wholesaler']));

  step('bench', `making ${SAMPLES} lots, each passed down ${HOPS} hops of custody (a split and a hand-off per hop)`);
  const started = Date.now() - 3 * 3_600_000;
  const origins: string[] = [];
  await Promise.all(Array.from({ length: SAMPLES }, async (_, sample) => {
    const at = (minute: number): string => localEventTime(started + minute * 60_000);
    const origin = lotIdOf(GTIN, `R${run}${sample}`);
    await withContract(layout, producer.identity, (contract) => contract.submitTransaction('coldchain:createLot', JSON.stringify({
      gtin: GTIN, lotNumber: `R${run}${sample}`, product: 'Chilled pork loin', category: 'chilled', lotType: 'domestic', originCountry: 'CN',
      producer: 'Jinhua meat plant 3', quantity: 1000, unit: 'kg', productionDate: '2026-10-01', expiryDate: '2027-04-01',
    })));
    let current = origin;
    for (let hop = 1; hop <= HOPS; hop++) {
      const [from, to] = [hops[hop - 1], hops[hop]];
      const child = `R${run}${sample}h${hop}`;
      const quantity = 1000 - hop * 100;
      await withContract(layout, from.identity, async (contract) => {
        await contract.submitTransaction('coldchain:splitLot', JSON.stringify({ eventId: `split-${child}`, lotId: current, eventTime: at(hop * 10), location: BenchPlaces.coldStore, children: [{ lotNumber: child, quantity }] }));
        await contract.submitTransaction('coldchain:recordCustody', JSON.stringify({ eventId: `ship-${child}`, action: 'ship', lotId: lotIdOf(GTIN, child), eventTime: at(hop * 10 + 1), location: BenchPlaces.coldStore, to: to.id, quantity }));
      });
      await withContract(layout, to.identity, (contract) => contract.submitTransaction('coldchain:recordCustody', JSON.stringify({
        eventId: `receive-${child}`, action: 'receive', decision: 'accept', quantity, lotId: lotIdOf(GTIN, child), eventTime: at(hop * 10 + 5), location: BenchPlaces.wholesaler,
      })));
      current = lotIdOf(GTIN, child);
    }
    origins.push(origin);
  }));

  const openingOf = (lotId: string): string => JSON.stringify({ opening: { reason: 'bench: failed sample', domain: 'food', level: 2, scope: { kind: 'lots', lotIds: [lotId] } } });
  const rows: ThroughputRow[] = [];
  await withContract(layout, producer.identity, async (contract) => {
    step('bench', `impact on chain: ${PASSES} passes over ${SAMPLES} lots (evaluate)`);
    const impactLatencies: number[] = [];
    let holders = 0;
    const t0 = performance.now();
    for (let pass = 0; pass < PASSES; pass++) {
      for (const origin of origins) {
        const t = performance.now();
        const preview = JSON.parse(Buffer.from(await contract.evaluateTransaction('recalls:previewImpact', openingOf(origin))).toString('utf8')) as { holders: unknown[] };
        impactLatencies.push(performance.now() - t);
        holders = preview.holders.length;
      }
    }
    if (holders !== HOPS + 1) throw new Error(`the impact lists ${holders} holders, not ${HOPS + 1}`);
    rows.push(row(`recall impact on chain: ${HOPS} hops, ${HOPS + 1} holders (evaluate)`, impactLatencies, (performance.now() - t0) / 1000, { p99Ms: 200 }));

    step('bench', `opening ${SAMPLES} recalls one after another (submit and commit)`);
    const openLatencies: number[] = [];
    const t1 = performance.now();
    for (const origin of origins) {
      const t = performance.now();
      await contract.submitTransaction('recalls:openRecall', openingOf(origin));
      openLatencies.push(performance.now() - t);
    }
    rows.push(row(`open recall: ${HOPS} hops, holds ${HOPS + 1} lots (submit, commit)`, openLatencies, (performance.now() - t1) / 1000));
  });

  if (Number(process.env.BENCH_CLUES ?? 100_000) > 0) rows.push(...(await clueListRows(layout, base, run)));
  report('regulator', baseline.perSecond, rows, { samples: SAMPLES, passes: PASSES, hops: HOPS, clues: Number(process.env.BENCH_CLUES ?? 100_000), note: 'the issue asks for a projection of 1,000,000 events; the impact is read from chain state by key and range, so it does not depend on the projection' });
});
