import { z } from 'zod';
import { UsccSchema } from '../enterprise';
import { EventTimeSchema } from '../eventTime';
import { CustodyEventIdSchema } from '../supplychain/custody';
import { EventLocationSchema } from '../supplychain/location';
import { AdverseReactionOutcomes, AdverseReactionSeriousness } from './adverseReaction';
import { MAX_CHILD_ENTRIES_PER_PACK, MAX_PACKS_PER_UPLOAD } from '../ledgerBounds';
import { ChildRangeSchema, MAX_CODES_PER_MOVEMENT, withinUploadBound } from './codeMovement';
import { RetiredStates } from './codeState';
import { DrugBatchNumberSchema, DrugTraceCodeSchema, IdentificationCodeSchema } from './drugCode';
import { DrugHoldStates } from './hold';
import { CalendarDateSchema } from '../calendarDate';

/**
 * What clients post: codes as printed, 20 digits, without proofs. The gateway finds each code's proof
 * in the stored code lists (a code no list holds is refused there, naming the field) and submits the
 * chaincode inputs of `codeMovement.ts`, `dispensing.ts`, `hold.ts` and `adverseReaction.ts`.
 */
const common = { eventId: CustodyEventIdSchema, eventTime: EventTimeSchema, location: EventLocationSchema.optional() };
const codes = z.array(DrugTraceCodeSchema).min(1).max(MAX_CODES_PER_MOVEMENT);

export const PackBodySchema = z.strictObject({
  ...common,
  parent: DrugTraceCodeSchema,
  children: z.array(z.union([DrugTraceCodeSchema, ChildRangeSchema])).min(1).max(MAX_CHILD_ENTRIES_PER_PACK),
});
/** A packaging line's run: many packs in one transaction, all or nothing. */
export const PackUploadBodySchema = z.strictObject({
  packs: z.array(PackBodySchema).min(1).max(MAX_PACKS_PER_UPLOAD).refine(withinUploadBound, `the packs name more than ${MAX_CHILD_ENTRIES_PER_PACK} children together; split the upload`),
});
export const UnpackBodySchema = z.strictObject({ ...common, parent: DrugTraceCodeSchema });
export const ShipBodySchema = z.strictObject({ ...common, to: UsccSchema, codes });
export const ReceiveBodySchema = z
  .strictObject({ ...common, codes, decision: z.enum(['accept', 'refuse']), reason: z.string().trim().min(1).max(500).optional() })
  .refine((r) => r.decision === 'accept' || r.reason !== undefined, { message: 'a refusal needs a reason', path: ['reason'] });
export const ReturnBodySchema = z.strictObject({ eventId: CustodyEventIdSchema, code: DrugTraceCodeSchema, reason: z.string().trim().min(1).max(500), eventTime: EventTimeSchema });
export const RetireBodySchema = z.strictObject({ ...common, state: z.enum(RetiredStates), codes, reason: z.string().trim().min(1).max(500) });

const HoldTargetBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('code'), code: DrugTraceCodeSchema }),
  z.strictObject({ kind: z.literal('batch'), productId: IdentificationCodeSchema, batchNumber: DrugBatchNumberSchema }),
  z.strictObject({ kind: z.literal('product'), productId: IdentificationCodeSchema }),
]);
export const DrugHoldBodySchema = z.strictObject({ target: HoldTargetBodySchema, state: z.enum(DrugHoldStates), reason: z.string().trim().min(1).max(500) });
export const DrugLiftHoldBodySchema = z.strictObject({ target: HoldTargetBodySchema, reason: z.string().trim().min(1).max(500) });

export const AdverseReactionBodySchema = z.strictObject({
  subject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('code'), code: DrugTraceCodeSchema }),
    z.strictObject({ kind: z.literal('batch'), productId: IdentificationCodeSchema, batchNumber: DrugBatchNumberSchema }),
  ]),
  description: z.string().trim().min(5, 'must say what happened in at least 5 characters').max(2000),
  seriousness: z.enum(AdverseReactionSeriousness),
  outcome: z.enum(AdverseReactionOutcomes),
  onsetDate: CalendarDateSchema.optional(),
});

/** Codes one label sheet prints (larger lists are several requests, as for QR sheets). */
export const MAX_LABELS_PER_SHEET = 10_000;
export const DrugLabelRequestSchema = z.strictObject({ codes: z.array(DrugTraceCodeSchema).min(1).max(MAX_LABELS_PER_SHEET) });

/** What a consumer posts from the verify page about the scanned code: the report, and a contact kept off chain. */
export const ConsumerAdverseReactionBodySchema = z.strictObject({
  description: z.string().trim().min(5, 'must say what happened in at least 5 characters').max(2000),
  seriousness: z.enum(AdverseReactionSeriousness),
  outcome: z.enum(AdverseReactionOutcomes),
  onsetDate: CalendarDateSchema.optional(),
  contact: z.string().trim().max(200).optional(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/).optional(),
  /** The page's language, when the report comes from the verify page's form. */
  lang: z.enum(['zh', 'en']).optional(),
});
