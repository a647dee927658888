import { z } from 'zod';
import { DrugBatchNumberSchema, IdentificationCodeSchema } from '../drug/drugCode';
import type { DrugLedgerUpdate } from '../drug/ledgerUpdate';
import { MAX_RECALL_SCOPE_ENTRIES } from '../ledgerBounds';
import { RecallDomains, type RecallDomain, type RecallLevels } from '../reference/referenceData';
import { GtinSchema, LotIdSchema, LotNumberSchema } from '../supplychain/lotIdentity';

const ReasonSchema = z.string().trim().min(1, 'must say why').max(500);
/** Level 1 is the gravest (serious harm likely), 3 the least. */
const RecallLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/**
 * What a recall is about: cold-chain lots by id, a GTIN with a range of lot numbers (compared as
 * text, both ends included), drug batches, or every batch of a drug product.
 */
export const RecallScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lots'), lotIds: z.array(LotIdSchema).min(1).max(MAX_RECALL_SCOPE_ENTRIES) }),
  z
    .strictObject({ kind: z.literal('lotRange'), gtin: GtinSchema, fromLotNumber: LotNumberSchema, toLotNumber: LotNumberSchema })
    .refine((range) => range.fromLotNumber <= range.toLotNumber, { message: 'must not sort before fromLotNumber', path: ['toLotNumber'] }),
  z.strictObject({
    kind: z.literal('batches'),
    batches: z.array(z.strictObject({ productId: IdentificationCodeSchema, batchNumber: DrugBatchNumberSchema })).min(1).max(MAX_RECALL_SCOPE_ENTRIES),
  }),
  z.strictObject({ kind: z.literal('product'), productId: IdentificationCodeSchema }),
]);
export type RecallScope = z.infer<typeof RecallScopeSchema>;

/** The domain each kind of scope belongs to: lots are food, batches and products drugs. */
export const domainOfScope = (scope: RecallScope): RecallDomain => (scope.kind === 'lots' || scope.kind === 'lotRange' ? 'food' : 'drug');

/** What the opener of a recall sends. */
export const RecallOpeningSchema = z
  .strictObject({
    reason: ReasonSchema,
    domain: z.enum(RecallDomains),
    level: RecallLevelSchema,
    scope: RecallScopeSchema,
  })
  .refine((opening) => domainOfScope(opening.scope) === opening.domain, { message: 'lots are recalled as food, batches and products as drugs', path: ['domain'] });
export type RecallOpening = z.infer<typeof RecallOpeningSchema>;

/**
 * The chaincode's argument: the opening, and for a lot range the lots the gateway found in its read
 * store (the ledger has no range read over lot ids inside a write); the chaincode checks each lies
 * in the range.
 */
export const RecallOpeningInputSchema = z.strictObject({
  opening: RecallOpeningSchema,
  rangeLotIds: z.array(LotIdSchema).max(MAX_RECALL_SCOPE_ENTRIES).optional(),
});
export type RecallOpeningInput = z.infer<typeof RecallOpeningInputSchema>;

export const RecallStates = ['open', 'completed', 'closed'] as const;
export type RecallState = (typeof RecallStates)[number];

/** One thing an affected holder holds: a lot (its quantity on hand) or a drug batch (its sale units on hand by the ledger's per-batch tally). */
export interface RecallItem {
  kind: 'lot' | 'batch';
  itemId: string;
  quantity: number;
  unit: string;
  /** For a lot made from the scope: the scope lot it descends from (the first found). */
  derivedFrom?: string;
}

/**
 * What a holder reports of one item: where the units it held went, each unit counted once —
 * withdrawn from sale and kept (sealed, awaiting a decision), returned upstream, or destroyed.
 * Together they never exceed what it held when the recall opened.
 */
export const RecallItemReportSchema = z.strictObject({
  itemId: z.string().min(1).max(120),
  withdrawn: z.number().int().min(0),
  returned: z.number().int().min(0),
  destroyed: z.number().int().min(0),
});
export type RecallItemReport = z.infer<typeof RecallItemReportSchema>;

export const RecallReportSchema = z.strictObject({
  items: z.array(RecallItemReportSchema).min(1).max(MAX_RECALL_SCOPE_ENTRIES),
  note: z.string().max(500).optional(),
});
export type RecallReport = z.infer<typeof RecallReportSchema>;

/** Opening a recall of what a final failed sample sampled: scope and domain come from the sample, the reason from its failed items unless given. */
export const SampleRecallSchema = z.strictObject({ level: RecallLevelSchema, reason: ReasonSchema.optional() });
export type SampleRecall = z.infer<typeof SampleRecallSchema>;

export const RecallClosingSchema = z.strictObject({ reason: ReasonSchema });
export type RecallClosing = z.infer<typeof RecallClosingSchema>;

/** An affected holder's entry: one key per holder ([recallId, enterpriseId]), so holders never contend. */
export interface RecallHolder {
  recallId: string;
  enterpriseId: string;
  items: RecallItem[];
  /** Whether the holder received from the responsible enterprise directly (it owns or owned a lot of the scope; it commissioned units of the batch, or received them from who did). */
  directConsignee: boolean;
  acknowledgedAt?: string;
  /** Acknowledged after the acknowledgement deadline (by transaction time): the credit grade counts it. */
  late?: boolean;
  /** Marked by the overdue check: silent when the acknowledgement deadline passed. */
  overdueSince?: string;
  reportedAt?: string;
  report?: RecallReport;
  updatedAt: string;
  txId: string;
}

/** Who opened a recall. */
export interface RecallOpener {
  actorId: string;
  regulator: boolean;
  /** The regulator's unit and the regions it covers, as they stood at opening. */
  unitId?: string;
  regions?: readonly string[] | 'all';
}

export interface Recall {
  recallId: string;
  reason: string;
  domain: RecallDomain;
  level: (typeof RecallLevels)[number];
  scope: RecallScope;
  /** The lots or batches the scope named, resolved. */
  scopeItems: string[];
  /** The enterprise responsible for the goods: the scope lots' owner, the batches' marketing-authorisation holder. */
  responsibleId: string;
  openedBy: RecallOpener;
  openedAt: string;
  acknowledgeBy: string;
  /** A Shanghai calendar date: the last day holders may report by. */
  finishBy: string;
  holderIds: string[];
  itemCount: number;
  state: RecallState;
  closedAt?: string;
  closedBy?: string;
  closeReason?: string;
  txId: string;
  updatedAt: string;
}

/** What one recall transaction wrote, in its one chaincode event (with the lots its hold changed, for the cold chain's read store). */
export interface RecallLedgerUpdate {
  recalls: Recall[];
  recallHolders: RecallHolder[];
  /** A drug recall's opening: the batches it put on the `recalled` hold and their hold movements, for the drug read store. */
  drug?: DrugLedgerUpdate;
}

export const RecallEvents = {
  recallOpened: 'RecallOpened',
  recallAcknowledged: 'RecallAcknowledged',
  recallReported: 'RecallReported',
  recallOverdueMarked: 'RecallOverdueMarked',
  recallClosed: 'RecallClosed',
} as const;
