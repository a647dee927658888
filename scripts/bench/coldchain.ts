import { BLOCK_CUTTING } from '../../network/src/configtx';
import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { stopProcess } from '../../network/src/processes';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { BENCH_LOT_QUANTITY, BenchPlaces, createLotPool, loadIdentityOf, registerBenchFirm } from './coldChainSetup';
import type { CustodyLoadResult, CustodyLoadSpec } from './custodyLoad';
import { report, runLoadProcess, sameRunBaseline, withBenchNetwork, type ThroughputRow } from './harness';
import { projectionUnderLoad } from './projectionPhase';
import { readingsPhase } from './readingsPhase';
import { percentile } from './stats';

/**
 * Cold-chain write benchmark, in one run on one bench network:
 * 1. temperature readings through the gateway (bulk HTTP uploads from a separate process, answered
 *    once stored off chain and anchored on chain), with the gateway's time per step;
 * 2. the gateway (and its projector) stopped, the baseline: one trace event per transaction through
 *    the fabric-gateway client, best of c=8/32/64;
 * 3. custody events (ship/receive of real lots between two registered enterprises, each event checked
 *    by chaincode as a single write is) one per transaction and in batches of several sizes and
 *    concurrencies.
 * Every figure is printed as a ratio to that baseline.
 *
 * `BENCH_SECONDS` (default 10) per level; `BENCH_CUSTODY_LEVELS` as `batch x concurrency` pairs;
 * `BENCH_READINGS_LEVELS` as `readingsPerUpload x uploaders` pairs; `BENCH_READING_LOGGERS`.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const UNBATCHED_CONCURRENCY = Number(process.env.BENCH_UNBATCHED_CONCURRENCY ?? 32);
const CUSTODY_LEVELS = (process.env.BENCH_CUSTODY_LEVELS ?? '100x8,100x16,250x8,250x16,500x4,500x8')
  .split(',')
  .map((level) => level.split('x').map(Number) as [number, number]);
const STEP_MS = 30 * 60_000;
const READING_SECONDS = Number(process.env.BENCH_READING_SECONDS ?? 30);

runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('bench'));
  await withBenchNetwork(layout, { store: true, gateway: true }, async () => {
    const runId = Date.now().toString(36);
    const rows: ThroughputRow[] = [];

    const readings = await readingsPhase(layout, runId, READING_SECONDS);
    // The projector would otherwise replay every custody event into the store alongside the load.
    await stopProcess(layout, 'gateway');

    // Under `npm run bench` the run's baseline (measured first); alone, measured here with the gateway stopped.
    const baselineFirm = await registerBenchEnterprise(layout);
    const measured = await sameRunBaseline(layout, baselineFirm);
    const baseline = measured.perSecond;
    rows.push(...measured.levels, ...readings.rows.map((row) => ({ ...row, target: { perSecond: 50_000 } })));

    step('bench', 'registering a producer/cold store and a wholesaler');
    const coldStore = await registerBenchFirm(layout, 'BENCHC001', 'Benchmark Cold Store (Xiaoshan)', ['producer', 'coldStore']);
    const wholesaler = await registerBenchFirm(layout, 'BENCHW001', 'Benchmark Wholesaler (Shaoxing)', ['wholesaler']);
    // A few spare: a lot stranded by a failed transaction (a peer behind under load) leaves the level short otherwise.
    const lotsNeeded = Math.ceil(1.05 * Math.max(UNBATCHED_CONCURRENCY, ...CUSTODY_LEVELS.map(([batch, concurrency]) => batch * concurrency)));
    const poolTimeMs = Date.now() - 30 * 24 * 3_600_000;
    step('bench', `creating ${lotsNeeded} lots (pallets split into cartons)`);
    let lots = await createLotPool(layout, coldStore, lotsNeeded, runId, poolTimeMs);
    let clockMs = poolTimeMs + STEP_MS;

    const custodyLevel = async (batchSize: number, concurrency: number, labelSuffix = ''): Promise<ThroughputRow> => {
      const spec: CustodyLoadSpec = {
        a: { ...loadIdentityOf(layout, coldStore), location: BenchPlaces.coldStore },
        b: { ...loadIdentityOf(layout, wholesaler), location: BenchPlaces.wholesaler },
        lots: lots.slice(0, batchSize * concurrency),
        quantity: BENCH_LOT_QUANTITY,
        concurrency,
        batchSize,
        seconds: SECONDS,
        // A level run again (with the projector on) needs event ids of its own.
        runId: `${runId}b${batchSize}c${concurrency}${labelSuffix ? 'p' : ''}`,
        clockStartMs: clockMs,
        stepMs: STEP_MS,
      };
      if (spec.lots.length < batchSize * concurrency) {
        throw new Error(`only ${spec.lots.length} usable lots left for ${batchSize} × ${concurrency}`);
      }
      const result = await runLoadProcess<CustodyLoadResult>('custodyLoad.js', spec, SECONDS + 120);
      clockMs = result.clockEndMs + STEP_MS;
      if (result.strandedLots.length > 0) {
        const stranded = new Set(result.strandedLots);
        lots = lots.filter((lot) => !stranded.has(lot));
      }
      if (result.firstError) step('bench', `  ${result.failed} failed; first error: ${result.firstError.slice(0, 400)}`);
      step('bench', `  ${(result.committedEvents / result.seconds).toFixed(1)} events/s, ${result.committedTransactions} transactions`);
      const label = `${batchSize === 1 ? `custody, 1 event/tx (recordCustody), c=${concurrency}` : `custody, ${batchSize} events/tx, c=${concurrency}`}${labelSuffix}`;
      return {
        ...(batchSize === 1 || labelSuffix ? {} : { target: { ratio: 20, text: '≥ 20× baseline first step (≥ 50× aim)' } }),
        label,
        perSecond: result.committedEvents / result.seconds,
        p50Ms: percentile(result.latenciesMs, 50),
        p99Ms: percentile(result.latenciesMs, 99),
        completed: result.committedEvents,
        failed: result.failed,
      };
    };

    step('bench', `custody, one event per transaction, c=${UNBATCHED_CONCURRENCY}, ${SECONDS}s`);
    rows.push(await custodyLevel(1, UNBATCHED_CONCURRENCY));
    for (const [batchSize, concurrency] of CUSTODY_LEVELS) {
      step('bench', `custody, ${batchSize} events per transaction, c=${concurrency}, ${SECONDS}s`);
      rows.push(await custodyLevel(batchSize, concurrency));
    }
    const custodyRows = rows.filter((r) => r.label.startsWith('custody, ') && !r.label.includes('1 event/tx'));
    const projection = await projectionUnderLoad(layout, (batch, concurrency) => custodyLevel(batch, concurrency, ', projector on'));
    rows.push(...projection.rows);
    const bestCustody = Math.max(...custodyRows.map((r) => r.perSecond));
    process.stdout.write(`\nBlock cutting: BatchTimeout ${BLOCK_CUTTING.BatchTimeout}, MaxMessageCount ${BLOCK_CUTTING.BatchSize.MaxMessageCount}, PreferredMaxBytes ${BLOCK_CUTTING.BatchSize.PreferredMaxBytes}\n`);
    process.stdout.write(`Batched custody peak: ${bestCustody.toFixed(0)} events/s = ${(bestCustody / baseline).toFixed(1)}× baseline (target ≥ 20× first step, ≥ 50× aim): ${bestCustody / baseline >= 50 ? 'met' : bestCustody / baseline >= 20 ? 'first step met, 50× missed' : 'MISSED'}\n`);
    const bestReadings = Math.max(...readings.rows.map((r) => r.perSecond));
    process.stdout.write(`Readings peak: ${bestReadings.toFixed(0)} readings/s stored and anchored = ${(bestReadings / baseline).toFixed(1)}× baseline (target ≥ 50,000/s): ${bestReadings >= 50_000 ? 'met' : 'MISSED'}\n`);
    process.stdout.write(`Where a reading's time goes (µs per reading): ${JSON.stringify(readings.notes)}\n`);
    report('coldchain', baseline, rows, {
      secondsPerLevel: SECONDS, projection: projection.notes, blockCutting: BLOCK_CUTTING, custodyPeakPerSecond: bestCustody, custodyRatio: bestCustody / baseline, readingsPeakPerSecond: bestReadings, ...readings.notes,
    });
  });
});
