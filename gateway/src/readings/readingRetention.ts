import type { Collection } from 'mongodb';
import { deleteById } from '../store/deleteById';
import { expiredAtHead } from '../store/expiredAtHead';
import { READING_ID_BUCKETS, readingChunkId, readingWindowId, type ReadingDirectory, type ReadingIdBucket, type ReadingModels, type ReadingWindowDocument } from './readingStore';

/** Window headers read from the head of the collection to find loggers with expired readings. */
const HEADERS_PER_WALK = 2_000;
const FRESH_RUN = 200;

/**
 * Deletes the raw readings of windows that start before `cutoff` (see `readingCutoff`), logger by
 * logger, until `budget` windows have gone (a logger is always finished); answers how many windows
 * it deleted. Their Merkle roots stay on the ledger, but no single reading of them can be proven any
 * more: the cut-off is years back (README, "Retention").
 *
 * Loggers with expired windows are found at the head of the window headers (uploaded in time order,
 * see `expiredAtHead`); all of a found logger's expired windows are then taken from its directory,
 * so its reading-id index is rewritten once per sweep. Per logger, in an order that a crash at any
 * point leaves repairable by the next sweep:
 * 1. the reading-id index entries of those windows, so a proof or an upload no longer finds them
 *    (rewritten entries are pushed before the old ones are pulled; an entry twice is harmless, and an
 *    upload's concurrent `$push` is kept, which a read-and-replace would lose);
 * 2. each window's chunks, then its header (a header left names its chunks again);
 * 3. the windows' entries in the logger's directory.
 */
export async function sweepReadings(models: ReadingModels, cutoff: number, budget: number): Promise<number> {
  const windows = models.windows.collection as unknown as Collection<ReadingWindowDocument>;
  const isExpired = (windowStart: string): boolean => Date.parse(windowStart) < cutoff;
  const found = await expiredAtHead(windows, {
    projection: { loggerId: 1, windowStart: 1 },
    isExpired: (header) => isExpired(header.windowStart),
    limit: HEADERS_PER_WALK,
    freshRun: FRESH_RUN,
  });
  const startsByLogger = new Map<string, Set<string>>();
  for (const header of found) {
    startsByLogger.set(header.loggerId, (startsByLogger.get(header.loggerId) ?? new Set()).add(header.windowStart));
  }
  let deleted = 0;
  for (const [loggerId, starts] of startsByLogger) {
    if (deleted >= budget) break;
    deleted += await sweepLogger(models, loggerId, starts, isExpired);
  }
  return deleted;
}

async function sweepLogger(models: ReadingModels, loggerId: string, foundStarts: Set<string>, isExpired: (windowStart: string) => boolean): Promise<number> {
  const directory = models.directory.collection as unknown as Collection<ReadingDirectory>;
  const listed = (await directory.findOne({ _id: loggerId }))?.windowStarts ?? [];
  // Headers the directory never got (an upload that crashed before indexing and was not retried) are in `foundStarts`.
  const starts = new Set([...foundStarts, ...listed.filter(isExpired)]);
  await forgetReadingIds(models.ids.collection as unknown as Collection<ReadingIdBucket>, loggerId, starts);
  const windows = models.windows.collection as unknown as Collection<ReadingWindowDocument>;
  const chunks = models.chunks.collection as unknown as Collection<{ _id: string }>;
  let deleted = 0;
  for (const start of starts) {
    const header = await windows.findOne({ _id: readingWindowId(loggerId, start) }, { projection: { chunks: 1 } });
    if (!header) continue;
    await deleteById(chunks, Array.from({ length: header.chunks }, (_, k) => readingChunkId(loggerId, start, k)));
    deleted += await deleteById(windows, [header._id]);
  }
  await directory.updateOne({ _id: loggerId }, { $pullAll: { windowStarts: [...starts] } });
  return deleted;
}

/** Removes the lines `readingId windowStart leaf16` of these windows from the logger's id buckets. */
async function forgetReadingIds(ids: Collection<ReadingIdBucket>, loggerId: string, starts: ReadonlySet<string>): Promise<void> {
  const mentionsExpired = (line: string): boolean => starts.has(line.split(' ')[1]);
  for (let bucket = 0; bucket < READING_ID_BUCKETS; bucket++) {
    const _id = `${loggerId}|${bucket}`;
    const stored = await ids.findOne({ _id });
    const changed = (stored?.entries ?? []).filter((entry) => entry.split('\n').some(mentionsExpired));
    if (changed.length === 0) continue;
    const kept = changed.map((entry) => entry.split('\n').filter((line) => !mentionsExpired(line)).join('\n')).filter((entry) => entry.length > 0);
    if (kept.length > 0) await ids.updateOne({ _id }, { $push: { entries: { $each: kept } } });
    await ids.updateOne({ _id }, { $pullAll: { entries: changed } });
  }
}
