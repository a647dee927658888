import type { Context } from 'fabric-contract-api';
import type { DrugBatch, DrugLedgerUpdate } from '../../../model/src';
import { setDrugHold, type HoldAuthority } from '../drug/drugHolds';
import { DrugSession } from '../drug/drugSession';

/**
 * Puts each batch of a drug recall on the drug domain's `recalled` hold, in the opening's transaction:
 * held stock cannot move, be packed or dispensed, and every code of the batch verifies as recalled.
 * A batch a recall already holds stays as it is; another hold refuses the opening as `setDrugHold`
 * decides (a regulator's replaces an enterprise's). Answers the drug records written, for the
 * opening's one event; nothing when the recall holds no batch.
 */
export async function holdRecalledBatches(ctx: Context, authority: HoldAuthority, batches: readonly DrugBatch[], reason: string): Promise<DrugLedgerUpdate | undefined> {
  if (batches.length === 0) return undefined;
  const session = new DrugSession(ctx, authority.actorId);
  for (const batch of batches) {
    if (batch.hold?.state === 'recalled') continue;
    await setDrugHold(session, authority, { target: { kind: 'batch', productId: batch.productId, batchNumber: batch.batchNumber }, state: 'recalled', reason });
  }
  return session.write();
}
