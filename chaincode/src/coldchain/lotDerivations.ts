import {
  forbidden,
  intersectRanges,
  invalid,
  unionOfDocuments,
  type ColdChainLot,
  type Enterprise,
  type MergeInput,
  type SplitInput,
  type TransformInput,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { consume, recordDerivation, requireDistinct, requireOutputGtins, type Derivation } from '../supplychain';
import type { ColdChainSession } from './coldChainSession';
import { commonValue, newLot } from './lotFactory';

/**
 * Split, merge and transform of cold-chain lots: what each new lot takes from its parents (product,
 * storage range, documents, origin). Consuming the parents and recording the lineage is the
 * supply-chain core's (`supplychain/lineage.ts`).
 */

/** Country code for lots made from several origins; lineage still names each parent's origin. */
const MIXED_ORIGIN = 'XX';

/** Divides a lot; the children inherit its product, documents, release and owner. */
export async function splitLot(session: ColdChainSession, input: SplitInput): Promise<ColdChainLot[]> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  const derivation: Derivation = { ...input, kind: 'split' };
  const parent = await session.lot(input.lotId);
  const total = input.children.reduce((sum, child) => sum + child.quantity, 0);
  await consume(session, parent, total, derivation);
  const children = input.children.map((spec) => {
    const child = newLot(
      session,
      { ...parent, gtin: spec.gtin ?? parent.gtin, lotNumber: spec.lotNumber, quantity: spec.quantity },
      { ...parent, custodianId: session.actorId, parents: [parent.id], documents: unionOfDocuments([parent.documents]), assurance: input.assurance },
    );
    child.releasedForSale = parent.releasedForSale;
    return child;
  });
  await requireOutputGtins(session, [parent], children);
  await recordDerivation(session, derivation, [{ lot: parent, quantity: total }], children);
  return children;
}

/** Combines whole lots of one category and unit; the new lot keeps the narrowest range and earliest expiry. */
export async function mergeLots(session: ColdChainSession, input: MergeInput): Promise<ColdChainLot> {
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  requireDistinct(input.lotIds);
  const derivation: Derivation = { ...input, kind: 'merge' };
  const parents: ColdChainLot[] = [];
  for (const id of input.lotIds) {
    parents.push(await session.lot(id));
  }
  const [first] = parents;
  for (const parent of parents) {
    if (parent.unit !== first.unit || parent.category !== first.category) {
      throw invalid(`lots to merge must share unit and category: ${first.id} is ${first.category} in ${first.unit}, ${parent.id} is ${parent.category} in ${parent.unit}`);
    }
  }
  let range = first.storageRange;
  for (const parent of parents) {
    const narrower = intersectRanges(range, parent.storageRange);
    if (!narrower) {
      throw invalid(`the storage ranges of the lots to merge do not overlap (${parent.id})`);
    }
    range = narrower;
  }
  const consumed = parents.map((lot) => ({ lot, quantity: lot.quantityOnHand }));
  for (const { lot, quantity } of consumed) {
    await consume(session, lot, quantity, derivation);
  }
  const child = newLot(
    session,
    {
      ...first,
      gtin: input.child.gtin,
      lotNumber: input.child.lotNumber,
      quantity: consumed.reduce((sum, p) => sum + p.quantity, 0),
      productionDate: parents.map((p) => p.productionDate).sort()[0],
      expiryDate: parents.map((p) => p.expiryDate).sort()[0],
      storageRange: range,
      excursionToleranceMinutes: Math.min(...parents.map((p) => p.excursionToleranceMinutes)),
    },
    {
      lotType: parents.some((p) => p.lotType === 'imported') ? 'imported' : 'domestic',
      originCountry: commonValue(parents.map((p) => p.originCountry), MIXED_ORIGIN),
      producer: commonValue(parents.map((p) => p.producer), 'several producers (see parent lots)'),
      ownerId: session.actorId,
      custodianId: session.actorId,
      parents: parents.map((p) => p.id),
      documents: unionOfDocuments(parents.map((p) => p.documents)),
      assurance: input.assurance,
    },
  );
  await requireOutputGtins(session, parents, [child]);
  await recordDerivation(session, derivation, consumed, [child]);
  return child;
}

/** Processors (and producers) turn quantities of input lots into new products. */
export async function transformLots(session: ColdChainSession, processor: Enterprise, input: TransformInput): Promise<ColdChainLot[]> {
  if (!processor.kinds.includes('processor') && !processor.kinds.includes('producer')) {
    throw forbidden(`only a processor or producer may transform lots; enterprise ${processor.id} is ${processor.kinds.join(', ')}`);
  }
  requireEventTimeNotAhead(session.ctx, input.eventTime);
  requireDistinct(input.inputs.map((i) => i.lotId));
  const derivation: Derivation = { ...input, kind: 'transform' };
  const consumed: { lot: ColdChainLot; quantity: number }[] = [];
  for (const { lotId, quantity } of input.inputs) {
    const lot = await session.lot(lotId);
    await consume(session, lot, quantity, derivation);
    consumed.push({ lot, quantity });
  }
  const lots = consumed.map((c) => c.lot);
  const outputs = input.outputs.map((product) =>
    newLot(session, product, {
      lotType: lots.some((p) => p.lotType === 'imported') ? 'imported' : 'domestic',
      originCountry: commonValue(lots.map((p) => p.originCountry), MIXED_ORIGIN),
      producer: processor.name,
      ownerId: processor.id,
      custodianId: processor.id,
      parents: lots.map((p) => p.id),
      documents: unionOfDocuments(lots.map((p) => p.documents)),
      assurance: input.assurance,
    }),
  );
  await requireOutputGtins(session, lots, outputs);
  await recordDerivation(session, derivation, consumed, outputs);
  return outputs;
}
