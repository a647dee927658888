import type { DrugCodeVerification } from './drugCodeReader';

/** One field a scanned label prints otherwise than the record. */
export type LabelMismatch = NonNullable<DrugCodeVerification['labelMismatch']>[number];

/**
 * Compares what a GS1 label prints (AI 10 batch, AI 17 expiry as YYMMDD, DD 00 for the month's end)
 * with the code's record; a mismatch makes a genuine or expired verdict suspect, since a genuine code
 * on a label of another batch is a copied code. Unknown, used and recalled verdicts stay as they are.
 *
 * @example
 * withPrintedLabel({ code, verdict: 'genuine', batch: { batchNumber: 'B1', productionDate: '2026-09-01', expiryDate: '2028-08-31' } }, { lot: 'B2', expiry: '280800' })
 * // { …, verdict: 'suspect', labelMismatch: [{ field: 'batchNumber', printed: 'B2', recorded: 'B1' }] }
 */
export function withPrintedLabel(verification: DrugCodeVerification, printed: { lot?: string; expiry?: string }): DrugCodeVerification {
  const { batch } = verification;
  if (!batch) return verification;
  const mismatch: LabelMismatch[] = [];
  if (printed.lot !== undefined && printed.lot !== batch.batchNumber) mismatch.push({ field: 'batchNumber', printed: printed.lot, recorded: batch.batchNumber });
  if (printed.expiry !== undefined) {
    const recorded = batch.expiryDate.slice(2).replace(/-/g, '');
    const sameDay = printed.expiry === recorded || (printed.expiry.endsWith('00') && printed.expiry.slice(0, 4) === recorded.slice(0, 4));
    if (!sameDay) mismatch.push({ field: 'expiryDate', printed: printed.expiry, recorded: batch.expiryDate });
  }
  if (mismatch.length === 0) return verification;
  const verdict = verification.verdict === 'genuine' || verification.verdict === 'expired' ? 'suspect' : verification.verdict;
  return { ...verification, verdict, labelMismatch: mismatch };
}
