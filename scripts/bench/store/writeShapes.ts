import { benchJourney, handOffFields, lotIdOf, versionedIdOf } from './journeyDocument';
import { blockOf, bulkWriteRow, planOf, spreadIndex } from './issueRows';
import type { StoreBenchSettings } from './settings';
import type { StoreRow } from './storeRows';
import { rowOf, runWorkers } from './workers';

/**
 * Ways of writing the journeys a block changed, for the projection's redesign: every row starts from
 * `docs` existing journeys (version 1) and writes version 2 of each, so the figures compare the
 * shapes of one job. Block-wise shapes write one block after another, as the projector does.
 */
export function writeShapeRows(settings: StoreBenchSettings, gatewayBulkSize: number): StoreRow[] {
  const { docs, block, writers } = settings;
  const blocks = Math.ceil(docs / block);
  const rows: StoreRow[] = settings.bulkSizes
    .filter((size) => size <= gatewayBulkSize)
    .map((size) => bulkWriteRow(settings, size, `changed journeys (a): bulkWrite of ${size} replace-upserts, unordered, one call at a time${size === gatewayBulkSize ? ' (bulkReplace today)' : ''}`));
  for (const parallel of settings.parallelReplaces) {
    const label = `changed journeys (b): replaceOne by _id (upsert), ${parallel} in parallel`;
    rows.push({
      key: `replace${parallel}`,
      label,
      seed: docs,
      measure: async (collection) => {
        const run = await runWorkers(planOf(settings, parallel, docs), async (i) => {
          const n = spreadIndex(i, docs);
          await collection.replaceOne({ _id: lotIdOf(n) }, benchJourney(n, 2), { upsert: true });
          return 1;
        });
        return rowOf(label, run);
      },
    });
  }
  const deleteInsertLabel = `changed journeys (c): deleteMany {_id: {$in: ${block} ids}} then insertMany of the new versions, one block at a time`;
  rows.push({
    key: 'deleteinsert',
    label: deleteInsertLabel,
    seed: docs,
    measure: async (collection) => {
      const run = await runWorkers(planOf(settings, 1, blocks), async (i) => {
        const lots = blockOf(i * block, block, docs);
        await collection.deleteMany({ _id: { $in: lots.map(lotIdOf) } });
        await collection.insertMany(lots.map((n) => benchJourney(n, 2)), { ordered: false });
        return lots.length;
      });
      return rowOf(deleteInsertLabel, run);
    },
  });
  const appendLabel = `changed journeys (d): append-only insertMany of ${block} new versions (_id <lotId>@2), old ones untouched, one block at a time`;
  rows.push({
    key: 'append',
    label: appendLabel,
    seed: docs,
    measure: async (collection) => {
      const run = await runWorkers(planOf(settings, 1, blocks), async (i) => {
        const lots = blockOf(i * block, block, docs);
        await collection.insertMany(lots.map((n) => benchJourney(n, 2, versionedIdOf(lotIdOf(n), 2))), { ordered: false });
        return lots.length;
      });
      return rowOf(appendLabel, run);
    },
  });
  const setLabel = `changed journeys (e): updateOne $set of ${Object.keys(handOffFields(0, 2)).length} fields by _id, ${writers} in parallel (full replace at ${writers}: row (b))`;
  rows.push({
    key: 'set',
    label: setLabel,
    seed: docs,
    measure: async (collection) => {
      const run = await runWorkers(planOf(settings, writers, docs), async (i) => {
        const n = spreadIndex(i, docs);
        const result = await collection.updateOne({ _id: lotIdOf(n) }, { $set: handOffFields(n, 2) });
        if (result.matchedCount !== 1) throw new Error(`journey ${n} not matched`);
        return 1;
      });
      return rowOf(setLabel, run);
    },
  });
  const bulkSetLabel = `changed journeys (f): bulkWrite of ${block} updateOne by _id with $set of the changed top-level fields (lot, custody, holders, source), unordered, one call at a time`;
  rows.push({
    key: 'bulkset',
    label: bulkSetLabel,
    seed: docs,
    measure: async (collection) => {
      const run = await runWorkers(planOf(settings, 1, blocks), async (i) => {
        const lots = blockOf(i * block, block, docs);
        const result = await collection.bulkWrite(
          lots.map((n) => {
            const { lot, custody, holders, source } = benchJourney(n, 2);
            return { updateOne: { filter: { _id: lotIdOf(n) }, update: { $set: { lot, custody, holders, source } } } };
          }),
          { ordered: false },
        );
        if (result.matchedCount !== lots.length) throw new Error(`matched ${result.matchedCount} of ${lots.length} journeys`);
        return lots.length;
      });
      return rowOf(bulkSetLabel, run);
    },
  });
  return rows;
}

/**
 * Reading a block's journeys at once (to set beside the point-read row): the ids as one
 * `find({_id: {$in: …}})`, and the same ids as that many `findOne` calls sent together.
 */
export function batchReadRows(settings: StoreBenchSettings): StoreRow[] {
  const { docs, block } = settings;
  const batches = Math.ceil(docs / block);
  const idsOf = (i: number): string[] => blockOf(i * block, block, docs).map((k) => lotIdOf(spreadIndex(k, docs)));
  const inLabel = `batch read: find({_id: {$in: ${block} ids}}), one batch at a time; per s = journeys`;
  const parallelLabel = `batch read: ${block} findOne by _id sent together, one batch at a time; per s = journeys`;
  return [
    {
      key: 'readin',
      label: inLabel,
      seed: docs,
      measure: async (collection) => {
        const run = await runWorkers(planOf(settings, 1, batches), async (i) => {
          const ids = idsOf(i);
          const found = await collection.find({ _id: { $in: ids } }).toArray();
          if (found.length !== ids.length) throw new Error(`found ${found.length} of ${ids.length} journeys`);
          return found.length;
        });
        return rowOf(inLabel, run);
      },
    },
    {
      key: 'readmany',
      label: parallelLabel,
      seed: docs,
      measure: async (collection) => {
        const run = await runWorkers(planOf(settings, 1, batches), async (i) => {
          const found = await Promise.all(idsOf(i).map((id) => collection.findOne({ _id: id })));
          if (found.some((journey) => journey === null)) throw new Error('a journey is missing');
          return found.length;
        });
        return rowOf(parallelLabel, run);
      },
    },
  ];
}
