import fs from 'node:fs';
import os from 'node:os';
import mongoose from 'mongoose';
import { MAX_BULK_OPERATIONS } from '../../gateway/src/store/bulkReplace';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { report } from './harness';
import { baselineLabel, bulkWriteRow, issueRows } from './store/issueRows';
import { benchJourney } from './store/journeyDocument';
import { storeBenchSettings } from './store/settings';
import { explainFilters, runStoreRows } from './store/storeRows';
import { openStoreTarget } from './store/storeTarget';
import { batchReadRows, writeShapeRows } from './store/writeShapes';

/**
 * `npm run bench:store`: the read store on its own, no Fabric — the store table of issue 14 re-measured
 * (bulk inserts, read-modify-write, point reads, `$push` + `$inc`, a nested-field query, unordered
 * bulkWrite of replace-upserts), the ways of writing a block's changed journeys the projection could
 * take, and batch reads by `_id`. Every row runs on a fresh collection of journey-shaped documents,
 * and its ratio is to the bulk-insert row of the same run.
 *
 * The store is `MONGODB_URI` when set, otherwise a FerretDB of its own (the project's launcher, fresh
 * SQLite folder), stopped afterwards. A store call unanswered for `BENCH_STORE_CALL_TIMEOUT_SECONDS`
 * is recorded as a hang and our FerretDB restarted, so bulk sizes above the gateway's 50
 * (`BENCH_STORE_BULK_SIZES=100,200`, tried last) cannot stop the benchmark. Other settings:
 * scripts/bench/store/settings.ts.
 */
const loadAverage = (): string => {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return os.loadavg().map((load) => load.toFixed(2)).join(' ');
  }
};

runCommand(async () => {
  const settings = storeBenchSettings(process.env, { bulkSize: MAX_BULK_OPERATIONS });
  const loadBefore = loadAverage();
  step('bench', `read store benchmark, ${settings.docs} journeys per row; load average before: ${loadBefore}`);
  const rows = [
    ...issueRows(settings),
    ...writeShapeRows(settings, MAX_BULK_OPERATIONS),
    ...batchReadRows(settings),
    // Last: on FerretDB these may hang the database, which is then killed and started afresh.
    ...settings.bulkSizes
      .filter((size) => size > MAX_BULK_OPERATIONS)
      .map((size) => bulkWriteRow(settings, size, `bulkWrite of ${size} replace-upserts, unordered, one call at a time (above the gateway's ${MAX_BULK_OPERATIONS})`)),
  ];

  const target = await openStoreTarget();
  let plans: Record<string, string>;
  let outcome: Awaited<ReturnType<typeof runStoreRows>>;
  try {
    const session = await target.connect();
    try {
      plans = await explainFilters(session, settings.docs, settings.block);
    } finally {
      await session.close();
    }
    for (const [filter, plan] of Object.entries(plans)) step('bench', `plan of ${filter}: ${plan}`);
    outcome = await runStoreRows(target, rows);
  } finally {
    await target.stop();
  }
  const loadAfter = loadAverage();

  const baseline = outcome.rows.find((row) => row.label === baselineLabel(settings));
  if (!baseline || !(baseline.perSecond > 0)) throw new Error('the baseline row (bulk inserts) measured nothing; no ratios can be given');
  const sizeOf = (version: number): { json: number; bson: number } => ({
    json: Buffer.byteLength(JSON.stringify(benchJourney(0, version))),
    bson: mongoose.mongo.BSON.calculateObjectSize(benchJourney(0, version)),
  });
  report('store', baseline.perSecond, outcome.rows, {
    baselineLabel: baselineLabel(settings),
    store: target.description,
    settings,
    journeyBytes: { version1: sizeOf(1), version2: sizeOf(2) },
    plans,
    idLookupPlans: [...new Set(Object.values(outcome.idLookupPlans))],
    hung: outcome.hung,
    skipped: outcome.skipped,
    loadAverage: { before: loadBefore, after: loadAfter },
    // Not a Fabric benchmark: no orderer block settings apply.
    blockCutting: undefined,
  });
  process.stdout.write(`load average before: ${loadBefore}; after: ${loadAfter}\n`);
  if (outcome.hung.length > 0) process.stdout.write(`hung: ${outcome.hung.join('; ')}\n`);
});
