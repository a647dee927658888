import type { Model } from 'mongoose';

/** A document several gateways may read-modify-write at once: its revision says which write it is. */
export interface Revised {
  _id: string;
  /** Written by {@link reviseDocument}; absent on documents written before revisions. */
  revision?: number;
}

/** Attempts before a write that keeps meeting other writers' changes gives up. */
const ATTEMPTS = 8;

/**
 * Read-modify-write of one document by `_id` that holds when several gateways write it at once:
 * the replacement names the revision it was computed from, so a write that raced another matches
 * nothing (or, for a new document, collides with the other's insert) and is computed again from
 * what is stored now. Portable: a filtered `replaceOne` and an `insertOne`, on FerretDB and MongoDB alike.
 *
 * @example
 * const window = await reviseDocument(windows, id, (stored) => ({ ...merge(stored), _id: id }));
 */
export async function reviseDocument<T extends Revised>(model: Model<T>, id: string, change: (stored: T | undefined) => Omit<T, 'revision'>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const stored = ((await model.findById(id).lean()) as T | null) ?? undefined;
    const next = { ...change(stored), _id: id, revision: (stored?.revision ?? 0) + 1 } as T;
    try {
      if (!stored) {
        await model.collection.insertOne(next as unknown as Parameters<typeof model.collection.insertOne>[0]);
        return next;
      }
      const revision = stored.revision === undefined ? { $exists: false } : stored.revision;
      const result = await model.collection.replaceOne({ _id: id, revision } as never, next as never);
      if (result.matchedCount === 1) return next;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    if (attempt >= ATTEMPTS) throw new Error(`document ${id} kept changing under ${ATTEMPTS} attempts to write it`);
  }
}
