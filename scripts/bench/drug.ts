import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { step } from '../../network/src/progress';
import { adminToken, onboardThroughGateway } from '../demoData';
import { report, runLoadProcess, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { runReadBenchmark, waitForProjection } from './readSetup';
import { countedRow, pool } from './workPool';

/**
 * Drug benchmark (issue 15), through the gateway on the bench network, each figure with its ratio to
 * the same-run baseline (one trace event per transaction):
 * 1. commissioning: lists of BENCH_DRUG_LIST codes (default 100,000) posted whole; codes/s from the
 *    request to the commit (validation, hashing, storing the list, one transaction);
 * 2. packing: units into boxes of 10 by serial range, as a packaging line uploads its run
 *    (/drug/pack-uploads, BENCH_DRUG_PACK_UPLOAD boxes a transaction, default 100 = one bucket of 1,000
 *    serials), BENCH_DRUG_PACKERS lines at once on different buckets; child codes/s;
 * 3. shipping the boxes to a pharmacy and receiving them, one shipment after another; units moved/s;
 * 4. dispensing: uploads of BENCH_DRUG_UPLOAD units (default 1,000), BENCH_DRUG_TILLS at once, each
 *    code's one-use check and proof in chaincode; dispensed codes/s (target ≥ 20× the baseline);
 * 5. verify: GET /drug/codes/{code} from autocannon over every commissioned unit, shuffled, twice: cold
 *    caches, then warm; then the same codes as a consumer scans them, `/drugcodes/{code}` through the
 *    resolver's fast path (target ≥ 3,000 req/s, p99 < 50 ms; the issue asks for 1,000,000 codes:
 *    BENCH_DRUG_CODES).
 */
const CODES = Number(process.env.BENCH_DRUG_CODES ?? 200_000);
const LIST = Number(process.env.BENCH_DRUG_LIST ?? 100_000);
const UPLOAD = Number(process.env.BENCH_DRUG_UPLOAD ?? 1_000);
const TILLS = Number(process.env.BENCH_DRUG_TILLS ?? 4);
const PACKERS = Number(process.env.BENCH_DRUG_PACKERS ?? 4);
const BOXES_PER_PACK_TRANSACTION = Number(process.env.BENCH_DRUG_PACK_UPLOAD ?? 100);
const DISPENSED = Number(process.env.BENCH_DRUG_DISPENSED ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

const HOLDER = { id: '91330100MA2D0B0H1E', enrollmentId: 'bench-drugmaker', name: 'Benchmark Pharmaceutical', kinds: ['drugMaker' as const], region: '330100', licences: [] };
const PHARMACY = { id: '91330600MA2D0B0H2B', enrollmentId: 'bench-pharmacy', name: 'Benchmark Pharmacy', kinds: ['pharmacy' as const], region: '330600', licences: [] };

/**
 * Evens first, then odds: uploads k and k+1 cover neighbouring serials and may share a bucket key
 * (MVCC: the later of two in one block is refused), so the uploads in flight at once are never neighbours.
 */
const apart = (count: number): number[] => [...Array.from({ length: Math.ceil(count / 2) }, (_, i) => 2 * i), ...Array.from({ length: Math.floor(count / 2) }, (_, i) => 2 * i + 1)];

runReadBenchmark(async ({ layout, base, baseline }) => {
  const admin = await adminToken(layout);
  const run = Date.now().toString(36).slice(-6);
  const stem = String(Date.now() % 1_000_000).padStart(6, '0');
  const ids = { unit: `${stem}1`, box: `${stem}2` };
  const holder = await onboardThroughGateway(layout, admin, HOLDER, `bench-drug-holder-${HOLDER.id}`);
  const pharmacy = await onboardThroughGateway(layout, admin, PHARMACY, `bench-drug-pharmacy-${PHARMACY.id}`);
  const post = async (token: string, route: string, body: unknown): Promise<Record<string, unknown>> => {
    const answer = await fetch(`${base}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${run}-${Math.random().toString(36).slice(2)}` }, body: JSON.stringify(body) });
    const text = await answer.text();
    if (answer.status !== 201) throw new Error(`${route}: ${answer.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  for (const idCode of Object.values(ids)) await post(admin, '/admin/drug/identification-codes', { idCode, holderId: HOLDER.id });
  await post(holder, '/drug/products', { approvalNumber: '国药准字H20269998', genericName: 'bench', dosageForm: 'tablet', strength: '5mg', packageSpec: '10/box', storageCondition: 'dry', levels: [{ level: 'unit', idCode: ids.unit }, { level: 'box', idCode: ids.box, contains: 10 }] });
  const batchNumber = `BENCH-${run}`;
  await post(holder, '/drug/batches', { productId: ids.unit, batchNumber, productionDate: '2026-11-01', expiryDate: '2028-10-31', quantities: { unit: CODES, box: CODES / 10 } });
  const at = new Date(Date.now() - 3_600_000).toISOString();
  // Unit serials from 0, so that box b holds units (b-1)*10 … b*10-1 and an upload of 100 boxes (or of
  // 1,000 units) is exactly one bucket of SERIAL_BUCKET_SIZE serials: concurrent uploads share no key.
  const codeOf = (idCode: string, serial: number): string => `${idCode}${String(serial).padStart(9, '0')}${String((serial * 7919) % 10_000).padStart(4, '0')}`;
  const rows: ThroughputRow[] = [];

  step('bench', `commissioning ${CODES} unit codes in lists of ${LIST}`);
  const lists = Array.from({ length: Math.ceil(CODES / LIST) }, (_, i) => i);
  const t0 = performance.now();
  const listLatencies = await pool(lists, 1, async (i) => {
    const codes = Array.from({ length: Math.min(LIST, CODES - i * LIST) }, (_, k) => codeOf(ids.unit, i * LIST + k));
    await post(holder, '/drug/commissionings', { productId: ids.unit, batchNumber, level: 'unit', codes, eventTime: at });
  });
  rows.push(countedRow(`commission: lists of ${LIST} codes`, CODES, (performance.now() - t0) / 1000, listLatencies, { perSecond: 100_000 }));
  await post(holder, '/drug/commissionings', { productId: ids.unit, batchNumber, level: 'box', codes: Array.from({ length: CODES / 10 }, (_, k) => codeOf(ids.box, k + 1)), eventTime: at });

  const boxes = Math.min(CODES / 10, Math.ceil(DISPENSED / 10));
  const packUploads = Math.ceil(boxes / BOXES_PER_PACK_TRANSACTION);
  step('bench', `packing ${boxes * 10} units into ${boxes} boxes, uploads of ${BOXES_PER_PACK_TRANSACTION} boxes, ${PACKERS} lines at once`);
  const t1 = performance.now();
  const packLatencies = await pool(apart(packUploads), PACKERS, async (u) => {
    const first = u * BOXES_PER_PACK_TRANSACTION + 1;
    const packs = Array.from({ length: Math.min(BOXES_PER_PACK_TRANSACTION, boxes - first + 1) }, (_, k) => first + k).map((b) => ({ eventId: `bench-pack-${run}-${b}`, eventTime: at, parent: codeOf(ids.box, b), children: [{ idCode: ids.unit, from: (b - 1) * 10, to: b * 10 - 1 }] }));
    await post(holder, '/drug/pack-uploads', { packs });
  });
  rows.push(countedRow(`pack: uploads of ${BOXES_PER_PACK_TRANSACTION} boxes of 10 units, ${PACKERS} lines`, boxes * 10, (performance.now() - t1) / 1000, packLatencies, { perSecond: 20_000 }));

  step('bench', 'shipping the boxes to the pharmacy');
  const shipments = Array.from({ length: Math.ceil(boxes / 500) }, (_, i) => Array.from({ length: Math.min(500, boxes - i * 500) }, (_, k) => codeOf(ids.box, i * 500 + k + 1)));
  const shipLatencies: number[] = [];
  const tShip = performance.now();
  for (const codes of shipments) {
    // Timed as a pair: the receipt is where units move between the parties' per-batch tallies.
    const started = performance.now();
    await post(holder, '/drug/shipments', { eventId: `bench-ship-${run}-${codes[0]}`, eventTime: at, to: PHARMACY.id, codes });
    await post(pharmacy, '/drug/receipts', { eventId: `bench-receive-${run}-${codes[0]}`, eventTime: at, codes, decision: 'accept' });
    shipLatencies.push(performance.now() - started);
  }
  rows.push(countedRow('ship + receive: 500 boxes a shipment, one at a time (units moved)', boxes * 10, (performance.now() - tShip) / 1000, shipLatencies));

  step('bench', `dispensing ${boxes * 10} units in uploads of ${UPLOAD}, ${TILLS} tills at once`);
  const uploads = Array.from({ length: Math.ceil((boxes * 10) / UPLOAD) }, (_, i) => i);
  const saleTime = new Date(Date.now() - 60_000).toISOString();
  const t2 = performance.now();
  const dispenseLatencies = await pool(apart(uploads.length), TILLS, async (i) => {
    const units = Array.from({ length: Math.min(UPLOAD, boxes * 10 - i * UPLOAD) }, (_, k) => ({ code: codeOf(ids.unit, i * UPLOAD + k), eventTime: saleTime }));
    await post(pharmacy, '/drug/dispenses', { eventId: `bench-till-${run}-${i}`, kind: 'sale', location: { address: 'bench', region: '330602' }, units });
  });
  rows.push(countedRow(`dispense: uploads of ${UPLOAD}, ${TILLS} tills`, boxes * 10, (performance.now() - t2) / 1000, dispenseLatencies, { ratio: 20 }));

  await waitForProjection(base);
  step('bench', `verify: GET /drug/codes/{code} over ${CODES} codes for ${SECONDS} s`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'drug-bench-'));
  const pathsFile = path.join(folder, 'paths.txt');
  const shuffled = Array.from({ length: CODES }, (_, k) => codeOf(ids.unit, k)).sort(() => Math.random() - 0.5);
  fs.writeFileSync(pathsFile, `${shuffled.map((code) => `/drug/codes/${code}`).join('\n')}\n`);
  const scanPathsFile = path.join(folder, 'scans.txt');
  fs.writeFileSync(scanPathsFile, `${shuffled.map((code) => `/drugcodes/${code}`).join('\n')}\n`);
  // Twice over the same shuffled paths: the first pass reads each chunk and bucket from the store for the
  // first time (a gateway just started), the second is the steady state a resolver serves from its caches.
  for (const pass of ['first pass, cold caches', 'second pass']) {
    const verify = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: '/', method: 'GET', connections: 32, seconds: SECONDS, pathsFile, accept: 'application/json' } satisfies HttpLoadSpec, SECONDS);
    rows.push({ label: `verify over ${CODES} codes, ${pass}`, perSecond: verify.requestsPerSecond, p50Ms: verify.p50Ms, p99Ms: verify.p99Ms, completed: verify.total, failed: verify.non2xx + verify.errors, target: { perSecond: 3_000, p99Ms: 50 } });
  }
  // What a consumer's scan takes: the resolver path of the 20 digits, answered ahead of Express.
  const scans = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path: '/', method: 'GET', connections: 32, seconds: SECONDS, pathsFile: scanPathsFile, accept: 'application/json' } satisfies HttpLoadSpec, SECONDS);
  rows.push({ label: `scan /drugcodes/{code} over ${CODES} codes, same paths`, perSecond: scans.requestsPerSecond, p50Ms: scans.p50Ms, p99Ms: scans.p99Ms, completed: scans.total, failed: scans.non2xx + scans.errors, target: { perSecond: 3_000, p99Ms: 50 } });

  report('drug', baseline.perSecond, rows, { codes: CODES, list: LIST, upload: UPLOAD, tills: TILLS, packers: PACKERS, packUpload: BOXES_PER_PACK_TRANSACTION, load: os.loadavg().map((l) => l.toFixed(2)).join(' '), note: 'verify target is over 1,000,000 codes: set BENCH_DRUG_CODES=1000000' });
});
