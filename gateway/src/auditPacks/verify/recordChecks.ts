import type { PackRecord } from '../packFormat';
import type { VerifiedTransaction } from './verifiedTransaction';

/** A composite key (`\0type\0a\0b\0`) written with slashes, for reasons people read. */
const printable = (key: string): string => key.split('\u0000').filter((part) => part.length > 0).join('/');

/**
 * Why records are not what the pack's transactions wrote: each record must be the value its
 * transaction wrote to its key, and no later transaction of the pack may have written another.
 */
export function recordReasons(records: readonly PackRecord[], transactions: readonly VerifiedTransaction[]): string[] {
  const reasons: string[] = [];
  const ordered = [...transactions].sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
  records.forEach((record, index) => {
    const item = `records.json: record ${index} (${printable(record.key)})`;
    const position = ordered.findIndex((tx) => tx.txId === record.txId);
    if (position < 0) {
      reasons.push(`${item}: its transaction ${record.txId} is not in the pack`);
      return;
    }
    const write = ordered[position].writes.find((w) => w.key === record.key);
    if (!write) {
      reasons.push(`${item}: transaction ${record.txId} did not write this key`);
      return;
    }
    const value = record.deleted ? undefined : Buffer.from(record.value ?? '', 'utf8');
    if (write.isDelete !== (record.deleted === true) || (value !== undefined && !value.equals(write.value))) {
      reasons.push(`${item}: is not the value transaction ${record.txId} wrote`);
    }
    const later = ordered.slice(position + 1).find((tx) => tx.writes.some((w) => w.key === record.key));
    if (later) reasons.push(`${item}: transaction ${later.txId}, later in the pack, wrote this key again`);
  });
  return reasons;
}
