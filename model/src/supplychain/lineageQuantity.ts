import { z } from 'zod';
import type { DerivationKind, LineageLink } from './lineage';
import { LotIdSchema } from './lotIdentity';
import type { TracedItem } from './tracedItem';

/**
 * What a lineage link's `quantity` says: what the child took from that parent, in the parent's unit.
 *
 * - split: the child's own quantity. The children of one split add up to what left the parent.
 * - merge: everything the parent had on hand. The parents' links add up to the child's quantity.
 * - transform: the parent's quantity the transformation consumed. A transformation does not say which
 *   part of a carcass became which cut, so every output's link from that input carries the whole
 *   consumed quantity (outputs may be in other units: no pro-rata share would be a fact); summing one
 *   input's links over the outputs of one transformation counts it once per output.
 *
 * `childQuantity` (the child's quantity, in its unit) sits beside it on every link written since.
 *
 * @example
 * linkQuantity('split', 500, { initialQuantity: 300 }) // 300
 * linkQuantity('merge', 250, { initialQuantity: 1250 }) // 250
 */
export function linkQuantity(kind: DerivationKind, consumedFromParent: number, child: Pick<TracedItem, 'initialQuantity'>): number {
  return kind === 'split' ? child.initialQuantity : consumedFromParent;
}

/**
 * The quantity a link should say, recomputed from facts on the ledger. A child lot is made by exactly
 * one derivation, so a split child's `initialQuantity` is what it took from its parent. Merge and
 * transform links were always written with the parent's consumed quantity, which is what they mean,
 * so their own figure stands.
 *
 * @example
 * // a split of 500 into 300 + 200 written before the fix: every link said 500
 * correctedLinkQuantity({ kind: 'split', quantity: 500 }, { initialQuantity: 300 }) // 300
 */
export function correctedLinkQuantity(link: Pick<LineageLink, 'kind' | 'quantity'>, child: Pick<TracedItem, 'initialQuantity'>): number {
  return linkQuantity(link.kind, link.quantity, child);
}

/** Which link to correct: the figures come from the ledger, never from the caller. */
export const LineageCorrectionInputSchema = z.strictObject({ parentId: LotIdSchema, childId: LotIdSchema });

/**
 * A correction of a link's figures, kept under its own key (`tl.cc.linkcorrection` [parentId,
 * childId]) so the link as first written stays on the ledger untouched.
 */
export interface LineageCorrection {
  parentId: string;
  childId: string;
  kind: DerivationKind;
  /** The derivation event and transaction of the corrected link. */
  eventId: string;
  linkTxId: string;
  originalQuantity: number;
  quantity: number;
  childQuantity: number;
  /** The ledger fact the corrected figure comes from. */
  basis: string;
  /** Enterprise id, or `admin:<enrollment id>` for the platform admin. */
  correctedBy: string;
  correctedAt: string;
  txId: string;
}

/** The link as readers see it: its corrected figures, naming the correction, over the figures first written. */
export function correctedLink(link: LineageLink, correction: LineageCorrection | undefined): LineageLink {
  if (!correction) return link;
  return {
    ...link,
    quantity: correction.quantity,
    childQuantity: correction.childQuantity,
    originalQuantity: correction.originalQuantity,
    correctedBy: correction.correctedBy,
    correctionTxId: correction.txId,
  };
}
