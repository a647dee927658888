import { z } from 'zod';
import { UsccSchema } from '../enterprise';
import { MAX_CHILD_ENTRIES_PER_PACK, MAX_PACKS_PER_UPLOAD } from '../ledgerBounds';
import { EventTimeSchema } from '../eventTime';
import { CustodyEventIdSchema } from '../supplychain/custody';
import { EventLocationSchema } from '../supplychain/location';
import { InclusionProofSchema } from './codeProof';
import { DrugSerialSchema, DrugTraceCodeSchema, IdentificationCodeSchema } from './drugCode';
import type { PackagingLevel } from './product';

/**
 * Packing, unpacking, shipping and receiving of codes. Every code a write names in full comes with its
 * inclusion proof (the gateway finds it in the stored list), so the ledger knows the code exactly;
 * children may instead be named as ranges of serials inside one contiguous commissioning.
 */

/** Codes one shipment, receipt or retirement names (children one pack names: `MAX_CHILD_ENTRIES_PER_PACK`). */
export const MAX_CODES_PER_MOVEMENT = 1000;
/** Serials one range of children may span. */
export const MAX_SERIALS_PER_CHILD_RANGE = 100_000;

/** A code as a write names it: its 20 digits and its proof. */
export const ProvenCodeSchema = z.strictObject({ code: DrugTraceCodeSchema, proof: InclusionProofSchema });
export type ProvenCode = z.infer<typeof ProvenCodeSchema>;

/** Serials `from..to` of one identification code: children packed in serial order (a box of a printing run). */
export const ChildRangeSchema = z
  .strictObject({ idCode: IdentificationCodeSchema, from: DrugSerialSchema, to: DrugSerialSchema })
  .refine((r) => r.to >= r.from, { message: 'must not be below from', path: ['to'] })
  .refine((r) => r.to - r.from < MAX_SERIALS_PER_CHILD_RANGE, { message: `a range spans at most ${MAX_SERIALS_PER_CHILD_RANGE} serials`, path: ['to'] });
export type ChildRange = z.infer<typeof ChildRangeSchema>;

const movementCommon = {
  eventId: CustodyEventIdSchema,
  eventTime: EventTimeSchema,
  location: EventLocationSchema.optional(),
};

/** A parent and its children (EPCIS AggregationEvent ADD): the packer holds both, none is packed yet. */
export const PackInputSchema = z.strictObject({
  ...movementCommon,
  parent: ProvenCodeSchema,
  children: z.array(z.union([ProvenCodeSchema, ChildRangeSchema])).min(1).max(MAX_CHILD_ENTRIES_PER_PACK),
});
export type PackInput = z.infer<typeof PackInputSchema>;

/** The child entries of a pack upload, together, within one pack's bound. */
export const withinUploadBound = (packs: readonly { children: readonly unknown[] }[]): boolean => packs.reduce((n, p) => n + p.children.length, 0) <= MAX_CHILD_ENTRIES_PER_PACK;
const uploadBoundMessage = `the packs name more than ${MAX_CHILD_ENTRIES_PER_PACK} children together; split the upload`;

/**
 * Many parents packed in one transaction, as a packaging line uploads a run of boxes: each pack as
 * {@link PackInputSchema}, all or nothing. Concurrent packs of neighbouring serials share a bucket key
 * and would refuse each other (MVCC), so a line packs its run in one upload instead.
 */
export const PackUploadInputSchema = z.strictObject({
  packs: z.array(PackInputSchema).min(1).max(MAX_PACKS_PER_UPLOAD).refine(withinUploadBound, uploadBoundMessage),
});
export type PackUploadInput = z.infer<typeof PackUploadInputSchema>;

/** Frees a parent's children (EPCIS AggregationEvent DELETE); they stay with the parent's holder. */
export const UnpackInputSchema = z.strictObject({ ...movementCommon, parent: ProvenCodeSchema });
export type UnpackInput = z.infer<typeof UnpackInputSchema>;

/** Outermost codes (pallet, case, or loose box or unit) leave their holder for a registered enterprise. */
export const ShipInputSchema = z.strictObject({
  ...movementCommon,
  to: UsccSchema,
  codes: z.array(ProvenCodeSchema).min(1).max(MAX_CODES_PER_MOVEMENT),
});
export type ShipInput = z.infer<typeof ShipInputSchema>;

/** The receiver confirms (or refuses) shipped codes; refused ones go back to the shipper. */
export const ReceiveInputSchema = z
  .strictObject({
    ...movementCommon,
    codes: z.array(ProvenCodeSchema).min(1).max(MAX_CODES_PER_MOVEMENT),
    decision: z.enum(['accept', 'refuse']),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((r) => r.decision === 'accept' || r.reason !== undefined, { message: 'a refusal needs a reason', path: ['reason'] });
export type ReceiveInput = z.infer<typeof ReceiveInputSchema>;

/** How many packs of each level a movement moved, counting what is packed inside. */
export type LevelCounts = Partial<Record<PackagingLevel, number>>;

/** A pack as the ledger keeps it (`tl.drug.pack` [parent code]); only its holder and regulators see the children. */
export interface DrugPack {
  parent: string;
  idCode: string;
  level: PackagingLevel;
  productId: string;
  /** The children, as ranges of serials per identification code (one code is a range of one). */
  children: ChildRange[];
  childCount: number;
  /** Packs of each level inside it now, at any depth (a dispensed unit leaves its box's count). */
  contents: LevelCounts;
  status: 'packed' | 'unpacked';
  /** Codes inside it (at any depth) that are held: while any is, the pack does not move. */
  heldInside?: number;
  /**
   * The batches of every code inside it, at any depth (`drugBatchIdOf`), sorted: a case may mix
   * batches, and a hold on any of them keeps the whole case from moving.
   */
  batches?: string[];
  /** Units inside it now, at any depth, per batch: what a shipment of it moves in each batch's tally. */
  batchUnits?: Record<string, number>;
  packedBy: string;
  eventId: string;
  eventTime: string;
  txId: string;
  unpackedTxId?: string;
}

export type MovementAction = 'commission' | 'pack' | 'unpack' | 'ship' | 'receive' | 'refuse' | 'dispense' | 'sale' | 'return' | 'retire' | 'hold' | 'liftHold';

/** One recorded movement of codes, as the regulator's history of a code reads it. */
export interface DrugMovement {
  action: MovementAction;
  eventId: string;
  /** The codes it named (outermost codes; for a pack, the parent). */
  codes: string[];
  by: string;
  to?: string;
  eventTime: string;
  region?: string;
  counts: LevelCounts;
  detail?: string;
  txId: string;
}
