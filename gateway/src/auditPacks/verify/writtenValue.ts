import type { VerifiedTransaction } from './verifiedTransaction';

/**
 * The value a verified pack's transaction wrote to a key, as text: how a reading proof or a runtime
 * summary proof finds its anchor in a pack instead of trusting the anchor handed over with the proof.
 */
export function writtenValue(transactions: readonly VerifiedTransaction[], txId: string, keyMatches: (key: string) => boolean): string | undefined {
  const write = transactions.find((tx) => tx.txId === txId)?.writes.find((w) => !w.isDelete && keyMatches(w.key));
  return write?.value.toString('utf8');
}
