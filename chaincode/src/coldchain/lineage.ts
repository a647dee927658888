import {
  conflict,
  forbidden,
  intersectRanges,
  invalid,
  linkQuantity,
  unionOfDocuments,
  type ColdChainLot,
  type DerivationKind,
  type Enterprise,
  type MergeInput,
  type SplitInput,
  type TransformInput,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import type { ColdChainSession } from './coldChainSession';
import { checkSighting } from './crossChecks';
import { commonValue, newLot } from './lotFactory';
import { requireMovable } from './lotRules';

/**
 * Split, merge and transform: lots made from lots. Each writes parent → child links under both ends
 * (so trace forward and back are key ranges), a custody-log entry on every lot involved, and takes
 * the consumed quantities out of the parents. What a link's figures mean: `linkQuantity`.
 */

interface Derivation {
  kind: DerivationKind;
  eventId: string;
  eventTime: string;
  location: SplitInput['location'];
  assurance: SplitInput['assurance'];
}

const Participles: Record<DerivationKind, string> = { split: 'split', merge: 'merged', transform: 'transformed' };

/** Country code for lots made from several origins; lineage still names each parent's origin. */
const MIXED_ORIGIN = 'XX';

async function consume(session: ColdChainSession, parent: ColdChainLot, quantity: number, derivation: Derivation): Promise<void> {
  requireMovable(parent, session.actorId, derivation.kind, Participles[derivation.kind]);
  if (quantity > parent.quantityOnHand) {
    throw invalid(`lot ${parent.id} has ${parent.quantityOnHand} ${parent.unit} on hand, less than the ${quantity} ${parent.unit} to ${derivation.kind}`);
  }
  parent.quantityOnHand -= quantity;
  parent.quantityToChildren += quantity;
  if (parent.quantityOnHand === 0) {
    parent.status = 'depleted';
  }
  await checkSighting(session, parent, { eventId: derivation.eventId, eventTime: derivation.eventTime, location: derivation.location, enterpriseId: session.actorId });
}

async function recordDerivation(
  session: ColdChainSession,
  derivation: Derivation,
  parents: readonly { lot: ColdChainLot; quantity: number }[],
  children: readonly ColdChainLot[],
): Promise<void> {
  const ids = new Set<string>();
  for (const child of children) {
    if (ids.has(child.id) || (await session.findLot(child.id))) {
      throw conflict(`lot ${child.id} already exists`);
    }
    ids.add(child.id);
    child.lastSighting = { eventId: derivation.eventId, eventTime: derivation.eventTime, location: derivation.location, enterpriseId: session.actorId };
  }
  const common = { action: derivation.kind, eventId: derivation.eventId, eventTime: derivation.eventTime, location: derivation.location, enterpriseId: session.actorId, assurance: derivation.assurance };
  for (const { lot, quantity } of parents) {
    await session.appendCustody(lot, { ...common, quantity, detail: { children: children.map((c) => c.id) } });
    session.putLot(lot);
    for (const child of children) {
      session.addLineage({
        parentId: lot.id,
        childId: child.id,
        kind: derivation.kind,
        quantity: linkQuantity(derivation.kind, quantity, child),
        childQuantity: child.initialQuantity,
        eventId: derivation.eventId,
        eventTime: derivation.eventTime,
        txId: session.txId,
      });
    }
  }
  for (const child of children) {
    await session.appendCustody(child, { ...common, quantity: child.initialQuantity, detail: { parents: parents.map((p) => p.lot.id) } });
    session.putLot(child);
  }
}

function requireDistinct(lotIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of lotIds) {
    if (seen.has(id)) {
      throw invalid(`lot ${id} is listed twice`);
    }
    seen.add(id);
  }
}

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

/**
 * A derived lot keeps its inputs' brand when every input carries its GTIN (splitting or merging
 * one product); a new GTIN (relabelling, a new product) must be one the maker may use.
 */
async function requireOutputGtins(session: ColdChainSession, inputs: readonly ColdChainLot[], outputs: readonly ColdChainLot[]): Promise<void> {
  for (const output of outputs) {
    if (inputs.every((input) => input.gtin === output.gtin)) continue;
    const maker = await session.enterprise(session.actorId);
    if (!maker) throw forbidden(`enterprise ${session.actorId} is not registered`);
    await session.gtinUse.require(maker, output.gtin, `make lot ${output.id}`);
  }
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
