import { conflict, drugBatchIdOf, forbidden, invalid, lotIdOf, MAX_RECALL_ITEMS, notFound, type DrugBatch, type LineageLink, type RecallOpeningInput, type TracedItem } from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import { batchKey } from '../drug/drugKeys';
import { batchImpact } from './batchImpact';
import { listItem, tooMany, type ImpactHolders } from './impactHolders';
import type { RecallSession } from './recallSession';

/** What a scope resolves to: the items it names, who answers for them, and every holder with what it holds now. */
export interface RecallImpact {
  scopeItems: string[];
  /** The scope's lots, when the recall is of food: the recall holds them. */
  scopeLots: TracedItem[];
  /** The scope's batches, when the recall is of drugs: the recall holds them. */
  scopeBatches: DrugBatch[];
  responsibleId: string;
  /** Per holder (enterprise id, in id order): its items, and whether it holds goods of the responsible enterprise directly. */
  holders: ImpactHolders;
}

/** The single enterprise answerable for every item of the scope; several are refused (one recall per responsible enterprise). */
function oneResponsible(owners: readonly { itemId: string; ownerId: string }[]): string {
  const distinct = [...new Set(owners.map((o) => o.ownerId))];
  if (distinct.length > 1) {
    throw invalid(`scope: its items answer to several enterprises (${distinct.join(', ')}); open one recall per responsible enterprise`);
  }
  return distinct[0];
}

/** The lots a food scope names: listed, or those the gateway found in the range, each checked to lie in it. */
async function scopeLotsOf(session: RecallSession, input: RecallOpeningInput): Promise<TracedItem[]> {
  const { scope } = input.opening;
  let lotIds: string[];
  if (scope.kind === 'lots') {
    lotIds = [...new Set(scope.lotIds)];
  } else if (scope.kind === 'lotRange') {
    const prefix = lotIdOf(scope.gtin, '');
    lotIds = [...new Set(input.rangeLotIds ?? [])];
    for (const lotId of lotIds) {
      const lotNumber = lotId.slice(prefix.length);
      if (!lotId.startsWith(prefix) || lotNumber < scope.fromLotNumber || lotNumber > scope.toLotNumber) {
        throw invalid(`rangeLotIds: lot ${lotId} is not a lot of GTIN ${scope.gtin} numbered ${scope.fromLotNumber} to ${scope.toLotNumber}`);
      }
    }
    if (lotIds.length === 0) throw notFound(`scope: no lot of GTIN ${scope.gtin} is numbered ${scope.fromLotNumber} to ${scope.toLotNumber}`);
  } else {
    return [];
  }
  const lots: TracedItem[] = [];
  for (const lotId of lotIds) lots.push(await session.lot(lotId));
  return lots;
}

/**
 * The scope's lots and every lot made from them (splits, merges, transforms), walking `tl.cc.child`
 * ranges level by level in key order (range reads are re-checked at commit: a lot derived meanwhile
 * fails the opening instead of escaping it). Each lot with stock counts for its custodian.
 */
async function lotImpact(session: RecallSession, scopeLots: readonly TracedItem[], responsibleId: string): Promise<ImpactHolders> {
  const reached = new Map<string, { lot: TracedItem; derivedFrom?: string }>(scopeLots.map((lot) => [lot.id, { lot }]));
  if (reached.size > MAX_RECALL_ITEMS) throw tooMany('the scope');
  let level = scopeLots.map((lot) => ({ lotId: lot.id, origin: lot.id }));
  while (level.length > 0) {
    const next: { lotId: string; origin: string }[] = [];
    for (const { lotId, origin } of level) {
      for (const link of await readRecordsByPartialKey<LineageLink>(session.ctx, KeyTypes.lineageChild, lotId)) {
        if (reached.has(link.childId)) continue;
        if (reached.size >= MAX_RECALL_ITEMS) throw tooMany(`the scope with the lots made from it (walked from lot ${origin})`);
        reached.set(link.childId, { lot: await session.lot(link.childId), derivedFrom: origin });
        next.push({ lotId: link.childId, origin });
      }
    }
    level = next;
  }
  const holders: ImpactHolders = new Map();
  for (const { lot, derivedFrom } of reached.values()) {
    if (lot.quantityOnHand <= 0) continue;
    // Goods still owned by the responsible enterprise came from it directly (its own lots, or lots it made from them).
    listItem(holders, lot.custodianId, { kind: 'lot', itemId: lot.id, quantity: lot.quantityOnHand, unit: lot.unit, ...(derivedFrom ? { derivedFrom } : {}) }, lot.ownerId === responsibleId);
  }
  return holders;
}

/** The batches a drug scope names: listed, or every batch of the product. */
async function scopeBatchesOf(session: RecallSession, input: RecallOpeningInput): Promise<DrugBatch[]> {
  const { scope } = input.opening;
  if (scope.kind === 'product') {
    const batches = await readRecordsByPartialKey<DrugBatch>(session.ctx, KeyTypes.drugBatch, scope.productId);
    if (batches.length === 0) throw notFound(`scope: product ${scope.productId} has no registered batch`);
    return batches;
  }
  if (scope.kind !== 'batches') return [];
  const batches: DrugBatch[] = [];
  for (const { productId, batchNumber } of scope.batches) {
    const batch = await readRecord<DrugBatch>(session.ctx, batchKey(session.ctx, productId, batchNumber));
    if (!batch) throw notFound(`scope: batch ${drugBatchIdOf(productId, batchNumber)} is not registered`);
    if (!batches.some((b) => b.id === batch.id)) batches.push(batch);
  }
  return batches;
}

/**
 * The impact list of a recall's scope, as the ledger stands in this transaction. Refuses a scope
 * past {@link MAX_RECALL_ITEMS} items (CONFLICT naming the bound), one whose items do not exist
 * (NOT_FOUND), one that matches no stock (CONFLICT), and an enterprise that does not answer for the
 * goods (FORBIDDEN).
 *
 * Drugs: every party with sale units of a batch on hand, from the drug domain's per-batch tally
 * (see `batchImpact`); units dispensed or sold still count for who dispensed them, who says so in
 * its report.
 */
export async function impactOf(session: RecallSession, input: RecallOpeningInput, opener: { actorId: string; regulator: boolean }): Promise<RecallImpact> {
  const scopeLots = await scopeLotsOf(session, input);
  const batches = await scopeBatchesOf(session, input);
  if (scopeLots.length + batches.length > MAX_RECALL_ITEMS) throw tooMany('the scope');
  const owners = [...scopeLots.map((lot) => ({ itemId: lot.id, ownerId: lot.ownerId })), ...batches.map((batch) => ({ itemId: batch.id, ownerId: batch.holderId }))];
  const responsibleId = oneResponsible(owners);
  if (!opener.regulator && opener.actorId !== responsibleId) {
    throw forbidden(`only a regulator or the enterprise answerable for the goods (${responsibleId}) may open this recall; caller is ${opener.actorId}`);
  }
  const holders = scopeLots.length > 0 ? await lotImpact(session, scopeLots, responsibleId) : await batchImpact(session.ctx, batches, responsibleId);
  if (holders.size === 0) {
    throw conflict(`scope: ${owners.map((o) => o.itemId).join(', ')} and what was made from them hold no stock any more; nothing to recall`);
  }
  return {
    scopeItems: owners.map((o) => o.itemId),
    scopeLots,
    scopeBatches: batches,
    responsibleId,
    holders: new Map([...holders.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
