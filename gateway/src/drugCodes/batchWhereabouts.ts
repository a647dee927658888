import { isTerminal, serialBucketOf, SERIAL_BUCKET_SIZE, type DrugCommissioning, type LevelCounts, type SerialBucket } from '../../../model/src';
import { drugDocumentIds, type DrugModels } from '../projection/drug';
import { readPagedList } from '../projection/pagedList';
import type { DrugCodeReader } from './drugCodeReader';

/** Buckets one where-is walk reads before it stops and says so. */
export const MAX_WHEREABOUTS_BUCKETS = 5000;

/** Where a batch is now: packs per level with each holder, dispensed and otherwise retired counts. */
export interface BatchWhereabouts {
  batchId: string;
  holders: Record<string, LevelCounts>;
  /** Packs of each level on their way, by receiver. */
  inTransit: Record<string, LevelCounts>;
  dispensed: number;
  sold: number;
  retired: Record<string, number>;
  commissioned: LevelCounts;
  /** True when the walk stopped at {@link MAX_WHEREABOUTS_BUCKETS}: the counts are then partial. */
  truncated: boolean;
}

const add = (into: Record<string, LevelCounts>, who: string, level: DrugCommissioning['level'], n: number): void => {
  const counts = (into[who] ??= {});
  counts[level] = (counts[level] ?? 0) + n;
};

/**
 * The regulator's "where is batch X now": every commissioning of the batch, each bucket of its span
 * (an `_id` read), each run of codes attributed to the holder of its outermost pack (parents read
 * once each). A code the ledger never moved is with its commissioner.
 */
export async function batchWhereabouts(models: DrugModels, reader: DrugCodeReader, batchId: string): Promise<BatchWhereabouts | undefined> {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const answer = await readPagedList(models.drugBatchCommissionings, batchId, page);
    if (!answer) return undefined;
    ids.push(...answer.items);
    if (page + 1 >= answer.pages) break;
  }
  const result: BatchWhereabouts = { batchId, holders: {}, inTransit: {}, dispensed: 0, sold: 0, retired: {}, commissioned: {}, truncated: false };
  const topHolders = new Map<string, string>();
  const holderOfParent = async (parent: string): Promise<string> => {
    let holder = topHolders.get(parent);
    if (holder === undefined) {
      const found = await reader.commissioningOf(parent);
      holder = found ? (await reader.position({ code: parent, commissioning: found })).holder : 'unknown';
      topHolders.set(parent, holder);
    }
    return holder;
  };
  let buckets = 0;
  for (const id of ids) {
    const commissioning = (await models.drugCommissionings.findById(id).lean())?.record;
    if (!commissioning) continue;
    const { level } = commissioning;
    result.commissioned[level] = (result.commissioned[level] ?? 0) + commissioning.count;
    let touched = 0;
    for (let b = serialBucketOf(commissioning.firstSerial); b <= serialBucketOf(commissioning.lastSerial); b++) {
      if (++buckets > MAX_WHEREABOUTS_BUCKETS) {
        result.truncated = true;
        break;
      }
      const bucket: SerialBucket | undefined = (await models.drugBuckets.findById(drugDocumentIds.bucket(commissioning.idCode, b)).lean())?.record;
      for (const run of bucket?.runs ?? []) {
        const from = Math.max(run.from, commissioning.firstSerial, b * SERIAL_BUCKET_SIZE);
        const to = Math.min(run.to, commissioning.lastSerial);
        if (to < from) continue;
        const n = to - from + 1;
        touched += n;
        const state = run.state ?? 'active';
        if (state === 'dispensed') result.dispensed += n;
        else if (state === 'sold') result.sold += n;
        else if (isTerminal(state)) result.retired[state] = (result.retired[state] ?? 0) + n;
        else if (state === 'inTransit' && run.shipment) add(result.inTransit, run.shipment.to, level, n);
        else if (run.parent !== undefined) add(result.holders, await holderOfParent(run.parent), level, n);
        else add(result.holders, run.holder ?? commissioning.commissionedBy, level, n);
      }
    }
    if (commissioning.count > touched) add(result.holders, commissioning.commissionedBy, level, commissioning.count - touched);
  }
  return result;
}
