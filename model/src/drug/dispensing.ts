import { z } from 'zod';
import { EventTimeSchema } from '../eventTime';
import { CustodyEventIdSchema } from '../supplychain/custody';
import { EventLocationSchema } from '../supplychain/location';
import { InclusionProofSchema } from './codeProof';
import { ProvenCodeSchema, MAX_CODES_PER_MOVEMENT } from './codeMovement';
import { DrugTraceCodeSchema } from './drugCode';
import { RetiredStates } from './codeState';

/**
 * Dispensing (hospital) and sale (pharmacy): one code, one use. A till's day goes up in a few
 * transactions; each code becomes terminal. A second dispense or sale of a code keeps the first and
 * commits a duplicate-sale alert with both as evidence, while the batch's other codes dispense.
 */
export const MAX_DISPENSES_PER_TRANSACTION = 1000;

export const DispenseKinds = ['dispense', 'sale'] as const;
export type DispenseKind = (typeof DispenseKinds)[number];

const DispensedUnitSchema = z.strictObject({ code: DrugTraceCodeSchema, proof: InclusionProofSchema, eventTime: EventTimeSchema });

/** The chaincode argument of `drug:dispense`. */
export const DispenseInputSchema = z.strictObject({
  /** The upload's id (a till's batch); each code's record names it. */
  eventId: CustodyEventIdSchema,
  kind: z.enum(DispenseKinds),
  location: EventLocationSchema,
  units: z.array(DispensedUnitSchema).min(1).max(MAX_DISPENSES_PER_TRANSACTION),
});
export type DispenseInput = z.infer<typeof DispenseInputSchema>;

/** What the dispenser posts: the codes scanned, each with when; the gateway adds the proofs. */
export const DispenseBodySchema = z.strictObject({
  eventId: CustodyEventIdSchema,
  kind: z.enum(DispenseKinds),
  location: EventLocationSchema,
  units: z.array(z.strictObject({ code: DrugTraceCodeSchema, eventTime: EventTimeSchema })).min(1).max(MAX_DISPENSES_PER_TRANSACTION),
});
export type DispenseBody = z.infer<typeof DispenseBodySchema>;

/** What became of each code of a dispense: the HTTP status the API answers for it. */
export interface DispenseOutcome {
  code: string;
  /** `dispensed` now; `repeated`: the same record again (a retry), nothing changed; `duplicate`: already used, alert raised. */
  outcome: 'dispensed' | 'repeated' | 'duplicate';
  alertId?: string;
}

/** A return to the seller within the product's window: the code is active again, with the reason. */
export const ReturnInputSchema = z.strictObject({
  eventId: CustodyEventIdSchema,
  code: DrugTraceCodeSchema,
  proof: InclusionProofSchema,
  reason: z.string().trim().min(1).max(500),
  eventTime: EventTimeSchema,
});
export type ReturnInput = z.infer<typeof ReturnInputSchema>;

/** Destroyed, stolen, sampled or exported: the holder takes codes out of the chain. */
export const RetireInputSchema = z.strictObject({
  eventId: CustodyEventIdSchema,
  state: z.enum(RetiredStates),
  codes: z.array(ProvenCodeSchema).min(1).max(MAX_CODES_PER_MOVEMENT),
  reason: z.string().trim().min(1).max(500),
  eventTime: EventTimeSchema,
  location: EventLocationSchema.optional(),
});
export type RetireInput = z.infer<typeof RetireInputSchema>;
