import { conflict, forbidden, MAX_PACKING_DEPTH, type CodeFacets, type DrugHold, type DrugPack } from '../../../model/src';
import { facetsOfCode, recordedCode, type KnownCode } from './codeLookup';
import type { DrugSession } from './drugSession';
import { requireBatch, requireProduct } from './products';

/** A code and every pack it is in, innermost first, each with its facts, and who holds the outermost. */
export interface CodePosition {
  chain: { code: KnownCode; facets: CodeFacets }[];
  /** The holder of the outermost pack: a unit's holder unless it moved on its own. */
  holder: string;
}

/**
 * Where a code is: a bounded walk up its parents (a unit in a box in a case on a pallet), one bucket
 * read per level, so "unit U is in box B in case C held by H" costs at most four reads.
 */
export async function positionOf(session: DrugSession, code: KnownCode): Promise<CodePosition> {
  const chain: CodePosition['chain'] = [];
  let current = code;
  for (let depth = 0; ; depth++) {
    const facets = await facetsOfCode(session, current.idCode, current.serial);
    chain.push({ code: current, facets });
    if (facets.parent === undefined) break;
    if (depth >= MAX_PACKING_DEPTH) throw conflict(`code ${code.code} lies deeper than ${MAX_PACKING_DEPTH} packs`);
    current = await recordedCode(session, facets.parent);
  }
  const top = chain[chain.length - 1];
  return { chain, holder: top.facets.holder ?? top.code.commissioning.commissionedBy };
}

/** The outermost pack of a position. */
export const outermostOf = (position: CodePosition): KnownCode => position.chain[position.chain.length - 1].code;

/** Only the holder of a code (of its outermost pack) may act on it. */
export function requireHolder(position: CodePosition, actorId: string, field: string, action: string): void {
  if (position.holder !== actorId) {
    const code = position.chain[0].code.code;
    throw forbidden(`${field}: code ${code} is not in the stock of ${actorId} (it is held by ${position.holder}); only its holder may ${action} it`);
  }
}

/** The holds that reach a code: its own, its packs', its batch's and its product's. */
export async function holdsOn(session: DrugSession, position: CodePosition): Promise<{ on: string; hold: DrugHold }[]> {
  const holds: { on: string; hold: DrugHold }[] = [];
  for (const { code, facets } of position.chain) {
    if (facets.hold) holds.push({ on: `code ${code.code}`, hold: facets.hold });
  }
  const { commissioning } = position.chain[0].code;
  const batch = await requireBatch(session, commissioning.productId, commissioning.batchNumber);
  if (batch.hold) holds.push({ on: `batch ${batch.id}`, hold: batch.hold });
  const product = await requireProduct(session, commissioning.productId);
  if (product.hold) holds.push({ on: `product ${product.productId}`, hold: product.hold });
  return holds;
}

/** Held stock does not move, is not packed and is not dispensed: the refusal names the hold. */
export async function requireNotHeld(session: DrugSession, position: CodePosition, field: string, action: string): Promise<void> {
  const [first] = await holdsOn(session, position);
  if (first) {
    throw conflict(`${field}: code ${position.chain[0].code.code} is ${first.hold.state} (${first.hold.reason}) through ${first.on} and cannot be ${action}`);
  }
}

/**
 * A pack does not move or go into another while a batch (or the product of a batch) of anything inside
 * it is held, whatever batch the pack itself belongs to: a case that mixes batches is held for each.
 * One batch and one product read per batch inside.
 */
export async function requireNoHeldBatchInside(session: DrugSession, pack: DrugPack, field: string, action: string): Promise<void> {
  for (const batchId of pack.batches ?? []) {
    const [productId, batchNumber] = [batchId.slice(0, batchId.indexOf('/')), batchId.slice(batchId.indexOf('/') + 1)];
    const batch = await requireBatch(session, productId, batchNumber);
    const product = await requireProduct(session, productId);
    const hold = batch.hold ?? product.hold;
    if (hold) throw conflict(`${field}: code ${pack.parent} holds codes of batch ${batch.id}, which is ${hold.state} (${hold.reason}), and cannot be ${action} until the hold is lifted or it is unpacked`);
  }
}

/** A code that is neither used up nor on its way somewhere. */
export function requireActive(position: CodePosition, field: string, action: string): void {
  for (const { code, facets } of position.chain) {
    const state = facets.state ?? 'active';
    if (state === 'inTransit') throw conflict(`${field}: code ${code.code} is in transit to ${facets.shipment?.to ?? '?'} and cannot be ${action} before it is received`);
    if (state !== 'active') throw conflict(`${field}: code ${code.code} is ${state} and cannot be ${action}`);
  }
}
