import { z } from 'zod';
import { DrugBatchNumberSchema, DrugTraceCodeSchema, IdentificationCodeSchema } from './drugCode';
import { InclusionProofSchema } from './codeProof';

/**
 * Suspect, quarantine and recall through the shared hold: on a code (and so everything packed in
 * it), a batch or a whole product. Held stock cannot move, be packed or be dispensed. The product's
 * holder, the code's current holder (for a code) or a regulator sets and lifts it; the regulator
 * workbench builds recalls on these states.
 */
export const DrugHoldStates = ['suspect', 'quarantined', 'recalled'] as const;
export type DrugHoldState = (typeof DrugHoldStates)[number];

export const DrugHoldTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('code'), code: DrugTraceCodeSchema, proof: InclusionProofSchema }),
  z.strictObject({ kind: z.literal('batch'), productId: IdentificationCodeSchema, batchNumber: DrugBatchNumberSchema }),
  z.strictObject({ kind: z.literal('product'), productId: IdentificationCodeSchema }),
]);
export type DrugHoldTarget = z.infer<typeof DrugHoldTargetSchema>;

export const DrugHoldInputSchema = z.strictObject({
  target: DrugHoldTargetSchema,
  state: z.enum(DrugHoldStates),
  reason: z.string().trim().min(1).max(500),
});
export type DrugHoldInput = z.infer<typeof DrugHoldInputSchema>;

export const DrugLiftHoldInputSchema = z.strictObject({
  target: DrugHoldTargetSchema,
  reason: z.string().trim().min(1).max(500),
});
export type DrugLiftHoldInput = z.infer<typeof DrugLiftHoldInputSchema>;

export interface DrugHold {
  state: DrugHoldState;
  reason: string;
  /** Enterprise id, or `regulator:<enrollment id>`. */
  setBy: string;
  setAt: string;
  txId: string;
}

