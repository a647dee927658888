import { batchUnitsOfPack, drugBatchIdOf, type DrugHolding } from '../../../model/src';
import type { KnownCode } from './codeLookup';
import { holdingKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { readPack } from './packing';
import { requireProduct } from './products';

type Count = 'commissioned' | 'received' | 'shippedOn' | 'retired';

/** Units per batch id. */
export type BatchUnits = Map<string, number>;

const addUnits = (into: BatchUnits, batchId: string, n: number): void => {
  if (n !== 0) into.set(batchId, (into.get(batchId) ?? 0) + n);
};

/** The sale units an outermost code carries, per batch: itself if a unit, else what its pack holds. */
export async function unitsCarried(session: DrugSession, code: KnownCode, into: BatchUnits): Promise<void> {
  const { commissioning } = code;
  const ownBatchId = drugBatchIdOf(commissioning.productId, commissioning.batchNumber);
  if (commissioning.level === 'unit') return addUnits(into, ownBatchId, 1);
  const pack = await readPack(session, code);
  if (pack?.status !== 'packed') return;
  for (const [batchId, n] of Object.entries(batchUnitsOfPack(pack, ownBatchId))) addUnits(into, batchId, n);
}

/** A party's tally of a batch as this transaction sees it (staged changes included). */
async function holdingOf(session: DrugSession, batchId: string, holderId: string): Promise<DrugHolding> {
  const found = await session.read<DrugHolding>(holdingKey(session.ctx, batchId, holderId));
  return found ?? { batchId, holderId, commissioned: 0, received: 0, shippedOn: 0, retired: 0, txId: session.txId };
}

/** Adds `n` units to one count of a party's tally of a batch; the key is written once at commit however often it changes. */
export async function countUnits(session: DrugSession, batchId: string, holderId: string, count: Count, n: number, direct = false): Promise<void> {
  const holding = await holdingOf(session, batchId, holderId);
  const changed: DrugHolding = { ...holding, [count]: holding[count] + n, txId: session.txId, ...(direct || holding.direct ? { direct: true } : {}) };
  session.stage(holdingKey(session.ctx, batchId, holderId), changed, 'holdings');
}

/**
 * Accepted units move from each sender's tally to the receiver's. The receiver got them directly from
 * the responsible side when the sender commissioned units of the batch or holds its product.
 */
export async function moveUnitsAtReceipt(session: DrugSession, bySender: Map<string, BatchUnits>): Promise<void> {
  for (const [senderId, units] of bySender) {
    for (const [batchId, n] of units) {
      const sender = await holdingOf(session, batchId, senderId);
      const product = await requireProduct(session, batchId.slice(0, batchId.indexOf('/')));
      await countUnits(session, batchId, senderId, 'shippedOn', n);
      await countUnits(session, batchId, session.actorId, 'received', n, sender.commissioned > 0 || senderId === product.holderId);
    }
  }
}
