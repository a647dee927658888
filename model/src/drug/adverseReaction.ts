import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { InclusionProofSchema } from './codeProof';
import { DrugBatchNumberSchema, DrugTraceCodeSchema, IdentificationCodeSchema } from './drugCode';

/**
 * Pharmacovigilance (药物警戒): a hospital, pharmacy or consumer reports a suspected adverse reaction on
 * a code or a batch. The report goes on chain as a risk clue linked to the batch; the reporter's
 * contact stays off chain, as for complaints. Regulators see counts per batch and product.
 */
export const AdverseReactionSeriousness = ['nonSerious', 'serious', 'lifeThreatening', 'fatal'] as const;
export const AdverseReactionOutcomes = ['recovered', 'recovering', 'notRecovered', 'sequelae', 'fatal', 'unknown'] as const;

/** What the report is about: a scanned code (with its proof, added by the gateway) or a batch. */
export const AdverseReactionSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('code'), code: DrugTraceCodeSchema, proof: InclusionProofSchema }),
  z.strictObject({ kind: z.literal('batch'), productId: IdentificationCodeSchema, batchNumber: DrugBatchNumberSchema }),
]);

export const AdverseReactionInputSchema = z.strictObject({
  subject: AdverseReactionSubjectSchema,
  description: z.string().trim().min(5, 'must say what happened in at least 5 characters').max(2000),
  seriousness: z.enum(AdverseReactionSeriousness),
  outcome: z.enum(AdverseReactionOutcomes),
  onsetDate: CalendarDateSchema.optional(),
});
export type AdverseReactionInput = z.infer<typeof AdverseReactionInputSchema>;

export interface AdverseReactionReport {
  /** The filing transaction's id. */
  reportId: string;
  batchId: string;
  productId: string;
  code?: string;
  description: string;
  seriousness: (typeof AdverseReactionSeriousness)[number];
  outcome: (typeof AdverseReactionOutcomes)[number];
  onsetDate?: string;
  /** `hospital`, `pharmacy` or another enterprise kind; `consumer` through the gateway's intake. */
  reporterKind: string;
  /** The enterprise id, or `intake` for a consumer. */
  reportedBy: string;
  status: 'open';
  filedAt: string;
  txId: string;
}
