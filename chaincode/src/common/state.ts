import type { Context } from 'fabric-contract-api';
import { canonicalJson } from '../../../model/src';

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
