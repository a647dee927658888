import { chromium } from 'playwright-core';
import { step } from '../../network/src/progress';
import { currentMonth } from '../../gateway/src/dashboard/dashboardPeriod';
import { adminToken } from '../demoData';
import { clueListRows } from './clueList';
import { report, runLoadProcess, type ThroughputRow } from './harness';
import type { HttpLoadResult, HttpLoadSpec } from './httpLoad';
import { runReadBenchmark, waitForProjection } from './readSetup';
import { percentile } from './stats';

/**
 * Dashboard benchmark (issue 18): the regulator dashboard's API and page over a projection holding
 * `BENCH_CLUES` clues (clueList.ts files them through the intake, all in Hangzhou, this month; 0 files none and
 * measures over the clues the kept bench state holds), with the
 * ratio to the same-run baseline:
 * 1. every KPI's own route, and `/regulator/dashboard` gathering them all, at concurrency 8 (target p99 < 500 ms);
 * 2. the records behind the month's "raised" figure (the first answer: at least 50 records, 50 ids at a time), under
 *    load and one click at a time (target < 1 s, the page's);
 * 3. the dashboard page in Chromium, signed in, until its charts are drawn (target < 1 s), `PAGE_LOADS` times.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const PAGE_LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 12);
const CITY = '330100';

runReadBenchmark(async ({ layout, base, baseline }) => {
  const run = Date.now().toString(36).slice(-6);
  const rows: ThroughputRow[] = [];
  // BENCH_CLUES=0 measures over what the bench network's kept state already holds (an earlier run's clues).
  if (Number(process.env.BENCH_CLUES ?? 100_000) > 0) rows.push(...(await clueListRows(layout, base, run)));
  await waitForProjection(base);
  const health = (await (await fetch(`${base}/health`)).json()) as { ledger: { height?: number }; projection: { projected?: unknown } };
  const token = await adminToken(layout);
  const month = currentMonth();

  const kpiRoutes: [string, string][] = [
    ['clue closure rate and overdue (/regulator/clues/stats)', `/regulator/clues/stats?region=${CITY}&period=${month}`],
    ['sampling pass rate (/regulator/sampling/pass-rates)', `/regulator/sampling/pass-rates?period=${month}&region=${CITY}`],
    ['open recalls and their progress (/regulator/recalls)', '/regulator/recalls?state=open'],
    ['lifts and accidents per 10,000 (/elevators/regions/:region/stats)', `/elevators/regions/${CITY}/stats`],
    ['every KPI at once (/regulator/dashboard)', `/regulator/dashboard?region=${CITY}&period=${month}`],
    ['records behind "raised" this month, first 50 (/regulator/dashboard/records)', `/regulator/dashboard/records?region=${CITY}&period=${month}&figure=raised`],
  ];
  for (const [label, path] of kpiRoutes) {
    step('bench', `${label}: autocannon c=${CONNECTIONS}, ${SECONDS}s`);
    const load = await runLoadProcess<HttpLoadResult>('httpLoad.js', { url: base, path, method: 'GET', connections: CONNECTIONS, seconds: SECONDS, token, accept: 'application/json' } satisfies HttpLoadSpec, SECONDS);
    rows.push({
      label: `${label} (c=${CONNECTIONS})`, perSecond: load.requestsPerSecond, p50Ms: load.p50Ms, p99Ms: load.p99Ms, completed: load.total, failed: load.non2xx + load.errors,
      ...(path.includes('/records') ? {} : { target: { p99Ms: 500 } }),
    });
  }

  // A click is one request at a time: the drill-down's latency alone, as a regulator meets it.
  const oneAtATime = async (label: string, path: string, target: number): Promise<void> => {
    const clicks: number[] = [];
    for (let n = 0; n < 20; n++) {
      const t0 = performance.now();
      const answer = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      await answer.arrayBuffer();
      if (answer.ok) clicks.push(performance.now() - t0);
    }
    rows.push({ label, perSecond: clicks.length / (clicks.reduce((a, b) => a + b, 0) / 1000), p50Ms: percentile(clicks, 50), p99Ms: percentile(clicks, 99), completed: clicks.length, failed: 20 - clicks.length, target: { p99Ms: target } });
  };
  await oneAtATime('every KPI at once, one request at a time (sequential)', `/regulator/dashboard?region=${CITY}&period=${month}`, 500);
  await oneAtATime('records behind "raised" this month, one click at a time (sequential)', `/regulator/dashboard/records?region=${CITY}&period=${month}&figure=raised`, 1000);

  step('bench', `dashboard page in Chromium: ${PAGE_LOADS} loads, signed in, until the charts are drawn`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  const loads: number[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((kept) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('traceledger.regulatorToken', kept), token);
    const page = await context.newPage();
    for (let n = 0; n < PAGE_LOADS; n++) {
      const t0 = performance.now();
      await page.goto(`${base}/regulator/pages/dashboard?lang=zh&region=${CITY}&period=${month}`);
      await page.waitForSelector('#dashboard[data-loaded="true"]', { timeout: 30_000 });
      loads.push(performance.now() - t0);
    }
  } finally {
    await browser.close();
  }
  const seconds = loads.reduce((sum, ms) => sum + ms, 0) / 1000;
  rows.push({ label: 'dashboard page load in Chromium, signed in, charts drawn (first load cold)', perSecond: loads.length / seconds, p50Ms: percentile(loads, 50), p99Ms: percentile(loads, 99), maxMs: Math.max(...loads), completed: loads.length, failed: 0, target: { p99Ms: 1000 } });

  report('dashboard', baseline.perSecond, rows, {
    clues: Number(process.env.BENCH_CLUES ?? 100_000),
    ledgerHeight: health.ledger.height,
    projected: health.projection.projected,
    firstPageLoadMs: Math.round(loads[0]),
    note: 'the issue asks for 1,000,000 projected events; this run projected the clues above plus the baseline\'s events (ledger height and projected counts in the notes). The KPI routes read a fixed number of _id documents whatever the volume; a drill-down reads 50 ids at a time until at least 50 records, each by _id.',
  });
});
