import type { DrugPack } from './codeMovement';

/**
 * What one party received of a drug batch and passed on, in sale units: the ledger's index by batch,
 * one key per [batchId, holderId], so a recall of the batch finds every holder with one range read
 * instead of walking the codes (they sit in buckets by identification code, not by batch).
 *
 * Units move at receipt (in transit they still count for the sender). Dispensing and sales are not
 * counted: a pharmacy's tills upload at once, and one key per batch and pharmacy would make them
 * contend; the units a holder dispensed are what it reports in its answer to a recall.
 */
export interface DrugHolding {
  batchId: string;
  holderId: string;
  /** Units it commissioned itself (the marketing-authorisation holder or its contract manufacturer). */
  commissioned: number;
  /** Units it accepted in receipts. */
  received: number;
  /** Units it shipped that their receiver accepted. */
  shippedOn: number;
  /** Units it took out of the chain: destroyed, stolen, sampled, exported. */
  retired: number;
  /** It received units of the batch from a party that commissioned them, or from the product's holder. */
  direct?: boolean;
  txId: string;
}

/** The units of the batch a party holds by the tally (dispensed and sold units included; never below 0). */
export const unitsOnHand = (holding: Pick<DrugHolding, 'commissioned' | 'received' | 'shippedOn' | 'retired'>): number =>
  Math.max(0, holding.commissioned + holding.received - holding.shippedOn - holding.retired);

/**
 * The units a pack holds per batch. A pack packed before packs counted by batch names only its
 * batches: when it has one, every unit is of it; a mixed one counts for the pack's own batch.
 */
export function batchUnitsOfPack(pack: Pick<DrugPack, 'batchUnits' | 'batches' | 'contents'>, ownBatchId: string): Record<string, number> {
  if (pack.batchUnits) return pack.batchUnits;
  const units = pack.contents.unit ?? 0;
  const batches = pack.batches ?? [];
  return units > 0 ? { [batches.length === 1 ? batches[0] : ownBatchId]: units } : {};
}
