import type { Context } from 'fabric-contract-api';
import { canonicalJson } from '../../../model/src';
import type { KeyType } from './keys';

/** Reads a JSON record, or undefined when the key has no value. */
export async function readRecord<T>(ctx: Context, key: string): Promise<T | undefined> {
  const bytes = await ctx.stub.getState(key);
  if (bytes.length === 0) {
    return undefined;
  }
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}

/** Writes a record as canonical JSON so that every endorser produces the same bytes. */
export async function writeRecord(ctx: Context, key: string, record: unknown): Promise<void> {
  await ctx.stub.putState(key, Buffer.from(canonicalJson(record), 'utf8'));
}

export async function recordExists(ctx: Context, key: string): Promise<boolean> {
  const bytes = await ctx.stub.getState(key);
  return bytes.length > 0;
}

/**
 * Emits the transaction's chaincode event. Fabric keeps only the last event of a transaction, so each
 * transaction calls this once, with the full record so that the read store can project it.
 */
export function emitLedgerEvent(ctx: Context, name: string, record: unknown): void {
  ctx.stub.setEvent(name, Buffer.from(canonicalJson(record), 'utf8'));
}

/**
 * Every record under a partial composite key, in key order. A range read, unlike a rich query, is
 * re-checked at commit, so a record added meanwhile invalidates the transaction instead of being missed.
 */
export async function readRecordsByPartialKey<T>(ctx: Context, type: KeyType, ...attributes: string[]): Promise<T[]> {
  const iterator = await ctx.stub.getStateByPartialCompositeKey(type, attributes);
  const records: T[] = [];
  try {
    for (let entry = await iterator.next(); !entry.done; entry = await iterator.next()) {
      records.push(JSON.parse(Buffer.from(entry.value.value).toString('utf8')) as T);
    }
  } finally {
    await iterator.close();
  }
  return records;
}
