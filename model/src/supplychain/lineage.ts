import { z } from 'zod';
import { EventTimeSchema } from '../eventTime';
import { ClaimedAssuranceSchema } from './assurance';
import { CustodyEventIdSchema } from './custody';
import { EventLocationSchema } from './location';
import { GtinSchema, LotIdSchema, LotNumberSchema, QuantitySchema } from './lotIdentity';

/** What every derivation states besides its lots: a domain's own derivations (transform) take these too. */
export const derivationCommon = {
  eventId: CustodyEventIdSchema,
  eventTime: EventTimeSchema,
  location: EventLocationSchema,
  assurance: ClaimedAssuranceSchema,
};

/** A custodian divides a lot; the children's quantities come out of the parent's, nothing is lost. */
export const SplitInputSchema = z.strictObject({
  ...derivationCommon,
  lotId: LotIdSchema,
  children: z.array(z.strictObject({ lotNumber: LotNumberSchema, gtin: GtinSchema.optional(), quantity: QuantitySchema })).min(1).max(100),
});

/** A custodian combines whole lots of one unit into a new lot holding their sum. */
export const MergeInputSchema = z.strictObject({
  ...derivationCommon,
  lotIds: z.array(LotIdSchema).min(2).max(100),
  child: z.strictObject({ gtin: GtinSchema, lotNumber: LotNumberSchema }),
});

export type SplitInput = z.infer<typeof SplitInputSchema>;
export type MergeInput = z.infer<typeof MergeInputSchema>;

export type DerivationKind = 'split' | 'merge' | 'transform';

/**
 * One parent → child edge; stored under both ends so trace walks either way by key range. What its
 * figures mean is set out in `lineageQuantity.ts` ({@link linkQuantity}).
 */
export interface LineageLink {
  parentId: string;
  childId: string;
  kind: DerivationKind;
  /**
   * What the child took from this parent, in the parent's unit: split, the child's own quantity;
   * merge, all the parent had on hand; transform, the parent's quantity the transformation consumed,
   * which its outputs share (so it is not additive across one transformation's outputs).
   */
  quantity: number;
  /** The quantity of the child the derivation made, in the child's unit (absent on links written before it was kept). */
  childQuantity?: number;
  eventId: string;
  eventTime: string;
  /** The transaction that wrote the link (never rewritten: a correction is a record of its own). */
  txId: string;
  /** Set where a correction record applies: `quantity` as first written, who corrected it, and in which transaction. */
  originalQuantity?: number;
  correctedBy?: string;
  correctionTxId?: string;
}

export interface LotLineage {
  lotId: string;
  parents: LineageLink[];
  children: LineageLink[];
}

/** Everything upstream and downstream of a lot across splits, merges and transformations. */
export interface LotTrace {
  lotId: string;
  ancestors: string[];
  descendants: string[];
  links: LineageLink[];
}
