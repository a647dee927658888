import { z } from 'zod';
import { EventTimeSchema } from '../eventTime';
import { codeListRoot } from './codeProof';
import { DrugBatchNumberSchema, DrugSerialSchema, DrugTraceCodeSchema, identificationOf, IdentificationCodeSchema, MAX_DRUG_SERIAL, serialDigits, serialOfCode } from './drugCode';
import { PackagingLevels, type PackagingLevel } from './product';

/**
 * Commissioning (赋码) anchors the full list of codes of one batch and level: the ledger keeps the
 * Merkle root, the count and the serial span; the list itself is kept off chain by the gateway. A
 * contiguous range and an imported, non-contiguous list are alike to the ledger: the span is claimed
 * whole for this commissioning, and a code in it is known only with its inclusion proof. Hashing, not
 * keys, is the cost: a commissioning writes its record, a claim per million serials of span and the batch.
 */

/** Codes one commissioning may anchor. */
export const MAX_CODES_PER_COMMISSIONING = 500_000;
/** Claim blocks (a million serials each) one commissioning's span may meet: a wider span is a scattered list to split. */
export const MAX_CLAIM_BLOCKS_PER_COMMISSIONING = 4;

const commissioningTarget = {
  productId: IdentificationCodeSchema,
  batchNumber: DrugBatchNumberSchema,
  level: z.enum(PackagingLevels),
};

/** The chaincode argument of `drug:commissionCodes`: what the gateway computed from the list. */
export const CommissioningInputSchema = z
  .strictObject({
    ...commissioningTarget,
    firstSerial: DrugSerialSchema,
    lastSerial: DrugSerialSchema,
    count: z.number().int().min(1).max(MAX_CODES_PER_COMMISSIONING),
    merkleRoot: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'),
    /** When the codes were printed (EPCIS `commissioning`); the transaction time when absent. */
    eventTime: EventTimeSchema.optional(),
  })
  .refine((c) => c.lastSerial >= c.firstSerial, { message: 'must not be below firstSerial', path: ['lastSerial'] })
  .refine((c) => c.count <= c.lastSerial - c.firstSerial + 1, { message: 'cannot exceed the serials from firstSerial to lastSerial', path: ['count'] });
export type CommissioningInput = z.infer<typeof CommissioningInputSchema>;

/** What a holder posts: the codes as printed, in any order. */
export const CommissioningBodySchema = z.strictObject({
  ...commissioningTarget,
  codes: z.array(DrugTraceCodeSchema).min(1).max(MAX_CODES_PER_COMMISSIONING),
  eventTime: EventTimeSchema.optional(),
});
export type CommissioningBody = z.infer<typeof CommissioningBodySchema>;

export interface DrugCommissioning {
  /** `<idCode>-<first serial, 9 digits>`: a span is claimed once, so its first serial names it. */
  id: string;
  idCode: string;
  productId: string;
  batchNumber: string;
  batchId: string;
  level: PackagingLevel;
  firstSerial: number;
  lastSerial: number;
  count: number;
  /** Every serial of the span was issued: ranges of children may name its codes without proofs. */
  contiguous: boolean;
  merkleRoot: string;
  /** The enterprise that commissioned: the codes sit with it until they move. */
  commissionedBy: string;
  eventTime: string;
  recordedAt: string;
  txId: string;
}

/** The id of the commissioning whose span starts at `firstSerial`. */
export const commissioningIdOf = (idCode: string, firstSerial: number): string => `${idCode}-${serialDigits(firstSerial)}`;

/** The spans of commissionings in one claim block of one identification code. */
export interface CommissioningClaim {
  idCode: string;
  block: number;
  spans: { from: number; to: number; commissioningId: string }[];
}

/**
 * A code list in its canonical order (by serial), refusing what cannot be one commissioning: codes
 * of several identification codes, or one serial twice (with the same or other check digits).
 *
 * @example
 * canonicalCodeList(['81234560000000021111', '81234560000000011111']) // sorted by serial
 */
export function canonicalCodeList(codes: readonly string[]): string[] {
  if (codes.length === 0) throw new RangeError('a code list holds at least one code');
  const idCode = identificationOf(codes[0]);
  const sorted = [...codes].sort();
  for (const [index, code] of sorted.entries()) {
    // A plain test, not the schema: this runs for each of up to 500,000 codes.
    if (!/^\d{20}$/.test(code)) throw new RangeError(`${JSON.stringify(code)} is not a 20-digit drug trace code`);
    if (identificationOf(code) !== idCode) throw new RangeError(`code ${code} has identification code ${identificationOf(code)}, not ${idCode}: one list holds one product and level`);
    if (index > 0 && serialOfCode(sorted[index - 1]) === serialOfCode(code)) throw new RangeError(`serial ${code.slice(7, 16)} appears twice (${sorted[index - 1]}, ${code})`);
  }
  return sorted;
}

/** What the ledger anchors of a canonical list; `merkleRoot` when the caller already has it (from the chunk roots, `rootOfChunks`). */
export function codeListSummary(list: readonly string[], merkleRoot?: string): { idCode: string; firstSerial: number; lastSerial: number; count: number; merkleRoot: string } {
  const firstSerial = serialOfCode(list[0]);
  const lastSerial = serialOfCode(list[list.length - 1]);
  if (lastSerial > MAX_DRUG_SERIAL) throw new RangeError('serial out of range');
  return { idCode: identificationOf(list[0]), firstSerial, lastSerial, count: list.length, merkleRoot: merkleRoot ?? codeListRoot(list) };
}
