import type { Collection, Document } from 'mongodb';

export interface HeadWalk<T> {
  /** Only the fields `isExpired` and the caller need: documents can be large (a scan tally holds up to 5,000 counts). */
  projection: Document;
  isExpired: (document: T) => boolean;
  /** At most this many expired documents are answered. */
  limit: number;
  /** The walk stops after this many documents in a row that are still in retention. */
  freshRun: number;
}

/**
 * The expired documents at the head of a collection's natural order, for retention sweeps of
 * documents that are inserted roughly in the order they expire (scan tallies, reading windows).
 *
 * Why the head and not a filter: FerretDB pushes no filter but `_id` equality down to SQLite, so a
 * query for "older than the cut-off" decodes the whole collection whenever fewer documents than its
 * limit match — every sweep, once the backlog is gone. Natural order is insertion order on both
 * stores (SQLite rowid under FerretDB, the record id of WiredTiger), so the oldest documents are at
 * the head: the walk reads them, and stops at the first run of `freshRun` documents still in
 * retention. Its cost is what is deleted plus that run. A document inserted out of order (a gateway
 * with a slow clock, readings uploaded late) goes once the documents before it have gone: late,
 * never early, since only `isExpired` documents are answered. A restore inserts in the backup's
 * order, which is the natural order it was read in.
 *
 * @example
 * const old = await expiredAtHead(tallies, { projection: { _id: 1 }, isExpired: (t) => t._id < cutoffIso, limit: 1000, freshRun: 100 });
 */
export async function expiredAtHead<T extends Document>(collection: Collection<T>, walk: HeadWalk<T>): Promise<T[]> {
  const expired: T[] = [];
  let fresh = 0;
  const cursor = collection.find({}, { projection: walk.projection, batchSize: Math.min(walk.freshRun, walk.limit, 1000) });
  try {
    for await (const document of cursor) {
      if (walk.isExpired(document as T)) {
        expired.push(document as T);
        fresh = 0;
        if (expired.length >= walk.limit) break;
      } else if (++fresh >= walk.freshRun) {
        break;
      }
    }
  } finally {
    await cursor.close();
  }
  return expired;
}
