import ExcelJS from 'exceljs';
import { lotIdOf, usccCheckCharacter } from '../../model/src';
import { withContract } from '../../network/src/ledgerClient';
import { step } from '../../network/src/progress';
import { adminToken } from '../demoData';
import { BENCH_PRODUCER, registerBenchEnterprise } from './benchEnterprise';
import { BenchPlaces, localEventTime, registerBenchFirm, type BenchFirm } from './coldChainSetup';
import { report, type ThroughputRow } from './harness';
import { runReadBenchmark, waitForProjection } from './readSetup';
import { pool } from './workPool';

/**
 * The regulator's export (issue 18: 100,000 rows in < 10 s). `BENCH_EXPORT_EVENTS` custody events
 * (default 100,000) between two enterprises: lots created 1,000 a transaction, each shipped by the
 * producer and received by a cold store in `coldchain:recordCustodyBatch` transactions of 500 events.
 * Once projected, the cold store's events are downloaded through the gateway as XLSX and as CSV:
 * seconds from request to last byte (the files are parsed back and counted after the clock stops).
 * The write rate of the set-up is reported with its ratio to the run's baseline.
 */
const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 100_000);
const LOTS = Math.ceil(EVENTS / 2);
const BATCH = 500;
const IN_FLIGHT = 4;
/** 100,000 rows in < 10 s: a rate, so that a smaller run (BENCH_EXPORT_EVENTS) is judged by the same bar. */
const TARGET_ROWS_PER_SECOND = 10_000;
const GTIN = '09521234543213';

runReadBenchmark(async ({ layout, base, baseline }) => {
  const run = Date.now().toString(36).slice(-6);
  const producerIdentity = await registerBenchEnterprise(layout, BENCH_PRODUCER);
  const producer: BenchFirm = { id: BENCH_PRODUCER.first17 + usccCheckCharacter(BENCH_PRODUCER.first17), identity: producerIdentity };
  const coldStore = await registerBenchFirm(layout, `BENCHEX${run.slice(-2).toUpperCase()}`, `Bench export cold store ${run}`, ['coldStore']);
  const lotNumbers = Array.from({ length: LOTS }, (_, n) => `X${run}-${n}`);
  const started = Date.now() - 6 * 3_600_000;

  step('bench', `export: creating ${LOTS} lots, 1,000 a transaction`);
  const t0 = performance.now();
  const chunks = (size: number): string[][] => Array.from({ length: Math.ceil(LOTS / size) }, (_, i) => lotNumbers.slice(i * size, (i + 1) * size));
  await withContract(layout, producer.identity, (contract) =>
    pool(chunks(1000), IN_FLIGHT, async (chunk) => {
      const lots = chunk.map((lotNumber) => ({
        gtin: GTIN, lotNumber, product: 'Frozen hairtail', category: 'frozen', lotType: 'domestic', originCountry: 'CN',
        producer: 'Zhoushan plant 2', quantity: 100, unit: 'kg', productionDate: '2026-10-01', expiryDate: '2027-10-01',
      }));
      await contract.submitTransaction('coldchain:createLotBatch', JSON.stringify({ lots }));
    }),
  );
  // Event times spread over the six hours before now, so the export's sort has work to do.
  const at = (n: number, offsetMs: number): string => localEventTime(started + ((n * 7919) % LOTS) * Math.floor((5 * 3_600_000) / LOTS) + offsetMs);
  step('bench', `export: ${LOTS} shipments and ${LOTS} receipts in batches of ${BATCH}`);
  const t1 = performance.now();
  await withContract(layout, producer.identity, (contract) =>
    pool(chunks(BATCH), IN_FLIGHT, async (chunk) => {
      const events = chunk.map((lotNumber) => {
        const n = Number(lotNumber.split('-')[1]);
        return { eventId: `ship-${lotNumber}`, action: 'ship', lotId: lotIdOf(GTIN, lotNumber), eventTime: at(n, 0), location: BenchPlaces.coldStore, to: coldStore.id, quantity: 100 };
      });
      await contract.submitTransaction('coldchain:recordCustodyBatch', JSON.stringify({ events }));
    }),
  );
  await withContract(layout, coldStore.identity, (contract) =>
    pool(chunks(BATCH), IN_FLIGHT, async (chunk) => {
      const events = chunk.map((lotNumber) => {
        const n = Number(lotNumber.split('-')[1]);
        return { eventId: `receive-${lotNumber}`, action: 'receive', decision: 'accept', quantity: 100, lotId: lotIdOf(GTIN, lotNumber), eventTime: at(n, 40 * 60_000), location: BenchPlaces.wholesaler };
      });
      await contract.submitTransaction('coldchain:recordCustodyBatch', JSON.stringify({ events }));
    }),
  );
  const writeSeconds = (performance.now() - t1) / 1000;
  step('bench', `export: ${LOTS} lots created and ${2 * LOTS} custody events written in ${((performance.now() - t0) / 1000).toFixed(0)} s; waiting for the projection`);
  const projectionSeconds = await waitForProjection(base);

  const token = await adminToken(layout);
  const rows: ThroughputRow[] = [
    { label: `custody events written for the export (batches of ${BATCH}, ${IN_FLIGHT} in flight)`, perSecond: (2 * LOTS) / writeSeconds, p50Ms: undefined, p99Ms: undefined, completed: 2 * LOTS, failed: 0 },
  ];
  for (const format of ['xlsx', 'csv'] as const) {
    step('bench', `export: the cold store's ${2 * LOTS} events as ${format}`);
    const t = performance.now();
    const response = await fetch(`${base}/regulator/exports/events?enterpriseId=${coldStore.id}&format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - t;
    if (response.status !== 200) throw new Error(`export ${format}: ${response.status} ${bytes.toString('utf8').slice(0, 500)}`);
    let counted: number;
    if (format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      counted = workbook.worksheets[0].rowCount - 1;
    } else {
      counted = bytes.toString('utf8').trim().split('\n').length - 1;
    }
    if (counted !== 2 * LOTS) throw new Error(`export ${format}: ${counted} rows, not ${2 * LOTS}`);
    rows.push({
      label: `export ${counted} rows as ${format.toUpperCase()} through the gateway (${(bytes.length / 1_048_576).toFixed(1)} MB)`,
      perSecond: counted / (ms / 1000), p50Ms: ms, p99Ms: ms, completed: counted, failed: 0,
      target: { perSecond: TARGET_ROWS_PER_SECOND, text: '100,000 rows < 10 s (≥ 10,000 rows/s)' },
    });
  }
  report('regulator-export', baseline.perSecond, rows, { events: 2 * LOTS, lots: LOTS, projectionSecondsAfterWrites: projectionSeconds, note: 'one enterprise\'s events: two export lists read whole, sorted by event time in the gateway, streamed' });
});
