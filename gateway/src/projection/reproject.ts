import type { Connection } from 'mongoose';
import { LEDGER_COLLECTION_PREFIX } from './models';

/**
 * Drops every ledger-derived collection (prefix `ledger_`, checkpoint included) so the projector
 * rebuilds them from block 0. Primary off-chain collections are left alone.
 */
export async function dropLedgerCollections(store: Connection): Promise<string[]> {
  const db = store.db;
  if (!db) {
    throw new Error('the store is not connected');
  }
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => name.startsWith(LEDGER_COLLECTION_PREFIX));
  for (const name of names) {
    await db.dropCollection(name);
  }
  return names;
}
