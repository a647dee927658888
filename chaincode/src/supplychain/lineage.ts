import { conflict, forbidden, invalid, linkQuantity, type DerivationKind, type SplitInput, type TracedItem, type TracedLot } from '../../../model/src';
import { checkSighting } from './crossChecks';
import { requireMovable } from './lotRules';
import type { SupplyChainSession } from './supplyChainSession';

/**
 * Split, merge and transform: items made from items. Each writes parent → child links under both ends
 * (so trace forward and back are key ranges), a custody-log entry on every item involved, and takes
 * the consumed quantities out of the parents. What a link's figures mean: `linkQuantity`. What the
 * children are (their product, documents, ranges) is the domain's to say; it makes them, this records them.
 */

export interface Derivation {
  kind: DerivationKind;
  eventId: string;
  eventTime: string;
  location: SplitInput['location'];
  assurance: SplitInput['assurance'];
}

const Participles: Record<DerivationKind, string> = { split: 'split', merge: 'merged', transform: 'transformed' };

/** Takes `quantity` out of a parent the actor holds and may move, for a derivation. */
export async function consume(session: SupplyChainSession, parent: TracedItem, quantity: number, derivation: Derivation): Promise<void> {
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

/** Records new children made from consumed parents: links, custody-log entries, and the new items themselves. */
export async function recordDerivation<Item extends TracedItem>(
  session: SupplyChainSession<Item>,
  derivation: Derivation,
  parents: readonly { lot: Item; quantity: number }[],
  children: readonly Item[],
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

export function requireDistinct(lotIds: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of lotIds) {
    if (seen.has(id)) {
      throw invalid(`lot ${id} is listed twice`);
    }
    seen.add(id);
  }
}

/**
 * A derived lot keeps its inputs' brand when every input carries its GTIN (splitting or merging
 * one product); a new GTIN (relabelling, a new product) must be one the maker may use.
 */
export async function requireOutputGtins(session: SupplyChainSession, inputs: readonly TracedLot[], outputs: readonly TracedLot[]): Promise<void> {
  for (const output of outputs) {
    if (inputs.every((input) => input.gtin === output.gtin)) continue;
    const maker = await session.enterprise(session.actorId);
    if (!maker) throw forbidden(`enterprise ${session.actorId} is not registered`);
    await session.gtinUse.require(maker, output.gtin, `make lot ${output.id}`);
  }
}
