import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lotIdOf } from '../../model/src';
import { intakeIdentity, platformAdmin } from '../../network/src/identities';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { step } from '../../network/src/progress';
import { adminToken } from '../demoData';
import { BENCH_PRODUCER, registerBenchEnterprise } from './benchEnterprise';
import { runLoadProcess, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { waitForProjection } from './readSetup';
import { countedRow, pool } from './workPool';

/**
 * The regulator's clue list at volume (issue 17: 100,000 clues, p99 < 100 ms at concurrency 16).
 * Clues are filed as the ledger files them, consumer complaints through the intake identity (at most
 * 20 per lot and day, so one lot per 20 clues), all in the bench producer's city, and projected; then
 * autocannon pages through the city's list, all clues and those assigned, at concurrency 16.
 */
const CLUES = Number(process.env.BENCH_CLUES ?? 100_000);
const CONCURRENCY = 16;
const SUBMITTERS = Number(process.env.BENCH_CLUE_SUBMITTERS ?? 48);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PER_LOT = 20;
const CITY = '330100';
const GTIN = '09521234543213';

export async function clueListRows(layout: NetworkLayout, base: string, run: string): Promise<ThroughputRow[]> {
  const admin = await platformAdmin(layout);
  await withContract(layout, admin, async (contract) => {
    await contract.submitTransaction('reference:putEntry', 'region', JSON.stringify({ code: '330000', name: '浙江省' }));
    await contract.submitTransaction('reference:putEntry', 'region', JSON.stringify({ code: CITY, name: '杭州市', parent: '330000' }));
    await contract.submitTransaction('reference:putEntry', 'regulatorUnit', JSON.stringify({ unitId: 'amr-330100', name: '杭州市市场监督管理局', regions: [CITY] }));
  });
  const producer = await registerBenchEnterprise(layout, BENCH_PRODUCER);
  const lots = Math.ceil(CLUES / PER_LOT);
  step('bench', `clues: ${lots} lots to complain about, in batches of 1,000`);
  await withContract(layout, producer, async (contract) => {
    for (let from = 0; from < lots; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, lots - from) }, (_, i) => ({
        gtin: GTIN, lotNumber: `C${run}-${from + i}`, product: 'Frozen shrimp', category: 'frozen', lotType: 'domestic', originCountry: 'CN',
        producer: 'Zhoushan plant 1', quantity: 100, unit: 'kg', productionDate: '2026-10-01', expiryDate: '2027-10-01',
      }));
      await contract.submitTransaction('coldchain:createLotBatch', JSON.stringify({ lots: batch }));
    }
  });
  step('bench', `clues: filing ${CLUES} consumer complaints through the intake identity, ${SUBMITTERS} at once`);
  const intake = await intakeIdentity(layout);
  let retried = 0;
  const t0 = performance.now();
  const latencies = await withContract(layout, intake, (contract) =>
    pool(Array.from({ length: CLUES }, (_, n) => n), SUBMITTERS, async (n) => {
      // Neighbours in time name different lots: each lot's daily complaint counter is one key, and one block must not write it twice.
      const subjectId = lotIdOf(GTIN, `C${run}-${n % lots}`);
      const complaint = JSON.stringify({ subjectId, category: 'quality', text: `bench complaint ${n} about the thawed cartons` });
      // A commit refused for a conflict on the lot's counter is tried again, as a client would.
      for (let attempt = 1; ; attempt++) {
        try {
          await contract.submitTransaction('clues:fileConsumerComplaint', complaint);
          return;
        } catch (error) {
          retried++;
          if (attempt >= 5) throw error;
        }
      }
    }),
  );
  const filedSeconds = (performance.now() - t0) / 1000;
  step('bench', `clues: filed in ${filedSeconds.toFixed(0)} s; waiting for the projection`);
  await waitForProjection(base);
  const token = await adminToken(layout);
  const first = await fetch(`${base}/regulator/clues?region=${CITY}`, { headers: { authorization: `Bearer ${token}` } });
  const pages = Number(first.headers.get('x-pages') ?? '1');
  const pathsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clue-pages-')), 'paths.txt');
  const paths = Array.from({ length: 2_000 }, (_, i) => `/regulator/clues?region=${CITY}&page=${(i * 7919) % pages}${i % 2 === 0 ? '' : '&state=assigned'}`);
  fs.writeFileSync(pathsFile, `${paths.join('\n')}\n`);
  step('bench', `clues: paging through ${pages} pages of the city's list at concurrency ${CONCURRENCY}`);
  const load = await runLoadProcess<HttpLoadResult>('httpLoad', { url: base, path: '/', method: 'GET', connections: CONCURRENCY, seconds: SECONDS, token, pathsFile, accept: 'application/json' } satisfies HttpLoadSpec, SECONDS);
  return [
    countedRow(`file consumer complaints as clues (intake, ${SUBMITTERS} at once; ${retried} retried)`, CLUES, filedSeconds, latencies),
    {
      label: `GET /regulator/clues by region, ${pages} pages of 200 over ${CLUES} clues (c=${CONCURRENCY})`,
      perSecond: load.requestsPerSecond, p50Ms: load.p50Ms, p99Ms: load.p99Ms, completed: load.total, failed: load.non2xx + load.errors, target: { p99Ms: 100 },
    },
  ];
}
