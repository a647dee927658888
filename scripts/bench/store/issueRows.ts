import type { AnyBulkWriteOperation } from 'mongodb';
import { benchJourney, lotIdOf, type BenchJourney } from './journeyDocument';
import type { StoreBenchSettings } from './settings';
import type { StoreRow } from './storeRows';
import { rowOf, runWorkers, type WorkerPlan } from './workers';

/** A worker plan under the run's time budget and hang timeout. */
export function planOf(settings: StoreBenchSettings, workers: number, calls: number): WorkerPlan {
  return { workers, calls, budgetMs: settings.maxSecondsPerRow * 1000, callTimeoutMs: settings.callTimeoutSeconds * 1000 };
}

/** Spreads `i` over `0..n-1` in a fixed order that is not the insertion order (7919 is prime). */
export const spreadIndex = (i: number, n: number): number => (i * 7919) % n;

/** Journeys `[start, start + size)` of `docs`, clipped at the end. */
export const blockOf = (start: number, size: number, docs: number): number[] => Array.from({ length: Math.max(0, Math.min(size, docs - start)) }, (_, i) => start + i);

/** The custody record a hand-off appends (write rows that change a journey add one each). */
export const handOffRecord = (n: number): Record<string, unknown> => benchJourney(n, 2).custody[1];

/** The label of the row every ratio of this benchmark is taken to. */
export const baselineLabel = (settings: StoreBenchSettings): string => `bulk inserts, ${settings.writers} writers, ${settings.insertBatch} per call (baseline)`;

/**
 * The rows of the store table in issue 14, re-measured: bulk inserts (the baseline), read-modify-write,
 * point reads, `$push` + `$inc`, and the query on a nested field. The bulkWrite row is
 * {@link bulkWriteRow}, also write shape (a).
 */
export function issueRows(settings: StoreBenchSettings): StoreRow[] {
  const { docs, writers, readers, insertBatch } = settings;
  return [
    {
      key: 'insert',
      label: baselineLabel(settings),
      seed: 0,
      measure: async (collection) => {
        const journeys = Array.from({ length: docs }, (_, n) => benchJourney(n, 1));
        const run = await runWorkers(planOf(settings, writers, Math.ceil(docs / insertBatch)), async (i) => {
          const chunk = journeys.slice(i * insertBatch, (i + 1) * insertBatch);
          await collection.insertMany(chunk, { ordered: false });
          return chunk.length;
        });
        return rowOf(baselineLabel(settings), run);
      },
    },
    {
      key: 'rmw',
      label: `read-modify-write (find by _id, then replace), ${writers} writers`,
      seed: docs,
      measure: async (collection) => {
        const run = await runWorkers(planOf(settings, writers, docs), async (i) => {
          const n = spreadIndex(i, docs);
          const journey = await collection.findOne({ _id: lotIdOf(n) });
          if (!journey) throw new Error(`journey ${n} missing`);
          journey.custody.push(handOffRecord(n));
          journey.lot.eventCount = journey.custody.length;
          await collection.replaceOne({ _id: journey._id }, journey, { upsert: true });
          return 1;
        });
        return rowOf(`read-modify-write (find by _id, then replace), ${writers} writers`, run);
      },
    },
    pointReadRow(settings, readers),
    {
      key: 'push',
      label: `$push + $inc update by _id, ${writers} writers`,
      seed: docs,
      measure: async (collection) => {
        const run = await runWorkers(planOf(settings, writers, docs), async (i) => {
          const n = spreadIndex(i, docs);
          const result = await collection.updateOne({ _id: lotIdOf(n) }, { $push: { custody: handOffRecord(n) }, $inc: { 'lot.eventCount': 1 } });
          if (result.matchedCount !== 1) throw new Error(`journey ${n} not matched`);
          return 1;
        });
        return rowOf(`$push + $inc update by _id, ${writers} writers`, run);
      },
    },
    {
      key: 'nested',
      label: `query on a nested field (lot.custodianId), no pushdown, over ${docs} journeys; per s = queries`,
      seed: docs,
      measure: async (collection) => {
        const custodian = benchJourney(0, 1).lot.custodianId;
        let found = 0;
        const run = await runWorkers(planOf(settings, 1, settings.queryRuns), async () => {
          found = (await collection.find({ 'lot.custodianId': custodian }).toArray()).length;
          return 1;
        });
        return rowOf(`query on a nested field (lot.custodianId), no pushdown, over ${docs} journeys (${found} match); per s = queries`, run);
      },
    },
  ];
}

/** Point reads by `_id` from `readers` parallel readers, spread over every journey. */
export function pointReadRow(settings: StoreBenchSettings, readers: number): StoreRow {
  const label = `point reads by _id, ${readers} readers`;
  return {
    key: `read${readers}`,
    label,
    seed: settings.docs,
    measure: async (collection) => {
      const run = await runWorkers(planOf(settings, readers, settings.docs), async (i) => {
        const n = spreadIndex(i, settings.docs);
        if (!(await collection.findOne({ _id: lotIdOf(n) }))) throw new Error(`journey ${n} missing`);
        return 1;
      });
      return rowOf(label, run);
    },
  };
}

/**
 * Every journey replaced by its next version through unordered `bulkWrite` calls of `size`
 * replace-upserts, one call at a time: the call `gateway/src/store/bulkReplace.ts` makes, with its
 * operation shape. Above 50 per call FerretDB 1.24 has been seen to hang; a call unanswered for the
 * call timeout is recorded as a hang, not waited for.
 */
export function bulkWriteRow(settings: StoreBenchSettings, size: number, label: string): StoreRow {
  const { docs } = settings;
  return {
    key: `bulk${size}`,
    label,
    seed: docs,
    group: 'bulkWrite size',
    measure: async (collection) => {
      const run = await runWorkers(planOf(settings, 1, Math.ceil(docs / size)), async (i) => {
        const operations: AnyBulkWriteOperation<BenchJourney>[] = blockOf(i * size, size, docs).map((n) => ({
          replaceOne: { filter: { _id: lotIdOf(n) }, replacement: benchJourney(n, 2), upsert: true },
        }));
        await collection.bulkWrite(operations, { ordered: false });
        return operations.length;
      });
      return rowOf(label, run);
    },
  };
}
