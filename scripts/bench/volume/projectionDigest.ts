import crypto from 'node:crypto';
import type { Connection } from 'mongoose';
import { canonicalJson } from '../../../model/src';
import { unversioned } from '../../../gateway/src/projection/coldchain';
import { LEDGER_COLLECTION_PREFIX, ledgerModels } from '../../../gateway/src/projection/models';

/** Collections whose documents carry the time or term of the process that wrote them, compared by count only. */
const COUNTED_ONLY = new Set([`${LEDGER_COLLECTION_PREFIX}checkpoints`, `${LEDGER_COLLECTION_PREFIX}dead_letters`]);

/** Per ledger-derived collection: document count and an order-independent digest of every document. */
export type ProjectionDigest = Record<string, { documents: number; digest: string }>;

/**
 * Digests a whole projection in one streamed pass per collection (no sort, which FerretDB would do
 * in memory): the sum, modulo 2^128, of each document's SHA-256 over its canonical JSON. Two
 * projections with the same documents, in any order, have equal digests; any differing field changes it.
 */
export async function projectionDigest(store: Connection): Promise<ProjectionDigest> {
  const db = store.db;
  if (!db) throw new Error('the store is not connected');
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => name.startsWith(LEDGER_COLLECTION_PREFIX)).sort();
  const result: ProjectionDigest = {};
  const { journeys } = ledgerModels(store);
  const journeyCollections = new Set([journeys.bases.collection.collectionName, journeys.versions.collection.collectionName]);
  for (const name of names.filter((n) => !journeyCollections.has(n))) {
    result[name] = COUNTED_ONLY.has(name) ? { documents: await db.collection(name).countDocuments(), digest: 'count only' } : await digestOf(db.collection(name).find({}, { batchSize: 2000 }));
  }
  // Journeys as readers see them: each lot's newest.
  result['journeys (newest per lot)'] = await digestOf((async function* () {
    for await (const journey of journeys.all()) yield unversioned(journey);
  })());
  return result;
}

/** Count and order-independent digest of documents: the sum, modulo 2^128, of each one's SHA-256 over its canonical JSON. */
async function digestOf(docs: AsyncIterable<unknown>): Promise<{ documents: number; digest: string }> {
  const modulus = 1n << 128n;
  let documents = 0;
  let sum = 0n;
  for await (const doc of docs) {
    documents++;
    const hash = crypto.createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(doc)))).digest();
    sum = (sum + BigInt(`0x${hash.subarray(0, 16).toString('hex')}`)) % modulus;
  }
  return { documents, digest: sum.toString(16) };
}

/** The collections whose count or digest differ between two projections. */
export function digestDifferences(live: ProjectionDigest, rebuilt: ProjectionDigest): string[] {
  return [...new Set([...Object.keys(live), ...Object.keys(rebuilt)])]
    .filter((name) => !name.endsWith('checkpoints'))
    // A collection that exists empty on one side only (created by an index) is no difference.
    .filter((name) => (live[name]?.documents ?? 0) !== (rebuilt[name]?.documents ?? 0) || ((live[name]?.documents ?? 0) > 0 && live[name]?.digest !== rebuilt[name]?.digest))
    .map((name) => `${name}: live ${live[name]?.documents ?? 0} documents (${live[name]?.digest ?? '-'}), rebuilt ${rebuilt[name]?.documents ?? 0} (${rebuilt[name]?.digest ?? '-'})`);
}
