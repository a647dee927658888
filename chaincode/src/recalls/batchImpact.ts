import type { Context } from 'fabric-contract-api';
import { MAX_RECALL_ITEMS, unitsOnHand, type DrugBatch, type DrugHolding } from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { listItem, tooMany, type ImpactHolders } from './impactHolders';

/**
 * Every party with sale units on hand of each batch, from the drug domain's per-batch tally
 * (`tl.drug.holding` [batchId, holderId]): one range read per batch, re-checked at commit, so a
 * receipt committed meanwhile fails the opening instead of escaping it. Past {@link MAX_RECALL_ITEMS}
 * items with units on hand the opening is refused. A holder is a direct consignee when it commissioned
 * units of the batch, received them from who did, or is the responsible enterprise.
 *
 * A batch with no tally at all (its units commissioned before the ledger kept one) counts for its
 * marketing-authorisation holder with the units commissioned, as it did before.
 */
export async function batchImpact(ctx: Context, batches: readonly DrugBatch[], responsibleId: string): Promise<ImpactHolders> {
  const holders: ImpactHolders = new Map();
  let items = 0;
  const list = (batch: DrugBatch, holderId: string, quantity: number, direct: boolean): void => {
    if (++items > MAX_RECALL_ITEMS) throw tooMany(`the scope with the holders of its batches (up to batch ${batch.id})`);
    listItem(holders, holderId, { kind: 'batch', itemId: batch.id, quantity, unit: 'unit' }, direct);
  };
  for (const batch of batches) {
    let tallied = false;
    const iterator = await ctx.stub.getStateByPartialCompositeKey(KeyTypes.drugHolding, [batch.id]);
    try {
      for (let entry = await iterator.next(); !entry.done; entry = await iterator.next()) {
        tallied = true;
        const holding = JSON.parse(Buffer.from(entry.value.value).toString('utf8')) as DrugHolding;
        const onHand = unitsOnHand(holding);
        if (onHand > 0) list(batch, holding.holderId, onHand, holding.direct === true || holding.commissioned > 0 || holding.holderId === responsibleId);
      }
    } finally {
      await iterator.close();
    }
    if (!tallied && (batch.commissioned.unit ?? 0) > 0) list(batch, batch.holderId, batch.commissioned.unit ?? 0, true);
  }
  return holders;
}
