import type { LocatedTransaction } from './locatedTransaction';
import type { PackRecord } from './packFormat';

/** Composite-key attributes (`\0type\0a\0b\0`); a simple key is its own one attribute. */
const keyAttributes = (key: string): string[] => (key.startsWith('\u0000') ? key.split('\u0000').slice(2, -1) : [key]);

/**
 * The subject's records as the ledger state holds them: per key that names the subject (or that a
 * pack transaction keyed by its own id, as custody transactions are), the newest value written.
 */
export function subjectRecords(transactions: readonly LocatedTransaction[], subjectAttributes: readonly string[]): PackRecord[] {
  const txIds = new Set(transactions.map((tx) => tx.txId));
  const newest = new Map<string, PackRecord>();
  for (const tx of transactions) {
    for (const write of tx.writes) {
      const attributes = keyAttributes(write.key);
      if (!subjectAttributes.every((a) => attributes.includes(a)) && !attributes.some((a) => txIds.has(a))) continue;
      newest.set(write.key, write.isDelete ? { key: write.key, txId: tx.txId, deleted: true } : { key: write.key, txId: tx.txId, value: write.value.toString('utf8') });
    }
  }
  return [...newest.values()];
}
