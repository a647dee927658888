import type { Model } from 'mongoose';

/**
 * FerretDB 1.24 (SQLite) hangs the database on bulk upserts that replace existing documents when a
 * call holds 100 of them (~2 KB each), or when two bulk upsert calls run at once (measured). So: at
 * most 50 operations per call, one call at a time.
 */
export const MAX_BULK_OPERATIONS = 50;
const PARALLEL_BULK_CALLS = 1;

/**
 * Writes whole documents by `_id` (upsert), in bulk calls of at most {@link MAX_BULK_OPERATIONS}
 * operations, one after another; callers must not run two at once on one store. Replacing whole
 * documents keeps every write idempotent.
 */
export async function bulkReplace<T extends { _id: string }, M>(model: Model<M>, docs: readonly T[]): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < docs.length; i += MAX_BULK_OPERATIONS) chunks.push(docs.slice(i, i + MAX_BULK_OPERATIONS));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      await model.collection.bulkWrite(
        chunk.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })) as unknown as Parameters<typeof model.collection.bulkWrite>[0],
        { ordered: false },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BULK_CALLS, chunks.length) }, worker));
}

/** Documents per insert call: inserts of new documents do not hang FerretDB the way replacing upserts do. */
const INSERT_CHUNK = 1000;

/**
 * Writes documents that the caller believes new with `insertMany` (tens of thousands per second on
 * FerretDB, against a few hundred for upserts), and the others with {@link bulkReplace}. A document
 * that existed after all — a block projected again after a crash — is refused as a duplicate by the
 * insert and replaced instead, so the outcome is the same as upserting everything.
 */
export async function insertOrReplace<T extends { _id: string }, M>(model: Model<M>, fresh: readonly T[], existing: readonly T[]): Promise<void> {
  const duplicates: T[] = [];
  for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
    const chunk = fresh.slice(i, i + INSERT_CHUNK);
    try {
      await model.collection.insertMany(chunk as unknown as Parameters<typeof model.collection.insertMany>[0], { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index: number; code: number }[] | { index: number; code: number } }).writeErrors;
      const failed = writeErrors === undefined ? [] : Array.isArray(writeErrors) ? writeErrors : [writeErrors];
      if (failed.length === 0 || failed.some((e) => e.code !== 11000)) throw error;
      duplicates.push(...failed.map((e) => chunk[e.index]));
    }
  }
  await bulkReplace(model, [...existing, ...duplicates]);
}
