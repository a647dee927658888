import type { Collection } from 'mongodb';
import { step } from '../../../network/src/progress';
import type { ThroughputRow } from '../harness';
import { benchJourney, lotIdOf, type BenchJourney } from './journeyDocument';
import { findPlan, waitForIdIndex } from './queryPlans';
import type { StoreSession, StoreTarget } from './storeTarget';

/** A measured row; `hung` is kept in bench-results so a hang is not mistaken for a slow figure. */
export type StoreRowResult = ThroughputRow & { hung?: boolean; firstError?: string };

/** One measurement of the store, on a collection of its own. */
export interface StoreRow {
  /** Collection name suffix (`journeys_<key>`). */
  key: string;
  label: string;
  /** Journeys (version 1, keyed by lot id) put in the collection before the row is measured. */
  seed: number;
  /** Rows of one group grow in one direction (bulk sizes): after one hangs, the rest are not tried. */
  group?: string;
  measure(collection: Collection<BenchJourney>): Promise<StoreRowResult>;
}

export interface StoreRowsOutcome {
  rows: StoreRowResult[];
  /** The plan of an `_id` lookup on each fresh collection, by row key (proves the launcher's index). */
  idLookupPlans: Record<string, string>;
  hung: string[];
  skipped: string[];
}

const SEED_CHUNK = 1000;

async function seed(collection: Collection<BenchJourney>, journeys: number): Promise<void> {
  for (let start = 0; start < journeys; start += SEED_CHUNK) {
    const chunk = Array.from({ length: Math.min(SEED_CHUNK, journeys - start) }, (_, i) => benchJourney(start + i, 1));
    await collection.insertMany(chunk, { ordered: false });
  }
}

/** A fresh, empty collection whose `_id` lookups already use the launcher's index. */
async function freshCollection(session: StoreSession, key: string): Promise<{ collection: Collection<BenchJourney>; idPlan: string }> {
  const name = `journeys_${key}`;
  await session.db.dropCollection(name).catch(() => undefined);
  await session.db.createCollection(name);
  const collection = session.db.collection<BenchJourney>(name);
  return { collection, idPlan: await waitForIdIndex(collection, benchJourney(0, 1, 'index-probe')) };
}

/**
 * How the store runs the filters the rows use, on `journeys` documents: an `_id` lookup, an `_id`
 * `$in` list (the batch read, and write shape (c)'s delete) and a nested field.
 */
export async function explainFilters(session: StoreSession, journeys: number, block: number): Promise<Record<string, string>> {
  const { collection } = await freshCollection(session, 'plans');
  await seed(collection, journeys);
  const ids = Array.from({ length: Math.min(block, journeys) }, (_, i) => lotIdOf(i));
  const plans = {
    '{_id: id}': await findPlan(collection, { _id: lotIdOf(0) }),
    [`{_id: {$in: [${ids.length} ids]}}`]: await findPlan(collection, { _id: { $in: ids } }),
    "{'lot.custodianId': id}": await findPlan(collection, { 'lot.custodianId': benchJourney(0, 1).lot.custodianId }),
  };
  await collection.drop();
  return plans;
}

/**
 * Measures `rows` one after another, each on a fresh collection that is dropped afterwards. When a row
 * hangs the store, our own FerretDB is killed and started empty for the next row; a store named by
 * MONGODB_URI cannot be, so the rows after a hang there are skipped.
 */
export async function runStoreRows(target: StoreTarget, rows: readonly StoreRow[]): Promise<StoreRowsOutcome> {
  const outcome: StoreRowsOutcome = { rows: [], idLookupPlans: {}, hung: [], skipped: [] };
  const hungGroups = new Set<string>();
  let session = await target.connect();
  try {
    for (const row of rows) {
      const stopped = outcome.hung.length > 0 && !target.restartable;
      if (stopped || (row.group !== undefined && hungGroups.has(row.group))) {
        step('bench', `skipped (an earlier row hung the store): ${row.label}`);
        outcome.skipped.push(row.label);
        continue;
      }
      const { collection, idPlan } = await freshCollection(session, row.key);
      outcome.idLookupPlans[row.key] = idPlan;
      await seed(collection, row.seed);
      step('bench', row.label);
      const result = await row.measure(collection);
      step('bench', `  ${result.perSecond.toFixed(1)}/s, p50 ${result.p50Ms?.toFixed(1) ?? '-'} ms, p99 ${result.p99Ms?.toFixed(1) ?? '-'} ms per call, ${result.completed} done${result.failed > 0 ? `, ${result.failed} calls failed (first: ${result.firstError})` : ''}`);
      outcome.rows.push(result);
      if (!result.hung) {
        await collection.drop();
        continue;
      }
      outcome.hung.push(row.label);
      if (row.group !== undefined) hungGroups.add(row.group);
      await session.close().catch(() => undefined);
      if (target.restartable) {
        step('bench', '  the store hung: killing it and starting an empty one for the next rows');
        await target.restart();
        session = await target.connect();
      }
    }
  } finally {
    await session.close().catch(() => undefined);
  }
  return outcome;
}
