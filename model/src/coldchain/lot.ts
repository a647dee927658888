import { z } from 'zod';
import { CustomsDeclarationNumberSchema } from '../brandPrefix';
import { CalendarDateSchema } from '../calendarDate';
import { cleanId } from '../cleanText';
import { isGtin14, wrongCheckDigit } from '../gs1';
import { explained } from '../validation';
import { ClaimedAssuranceSchema, type AssuranceLabel } from './assurance';
import { LotTypes, type DocumentKind, type LotDocuments, type LotType } from './documents';
import { type EventLocation } from './location';
import { productCategoryNames, StorageRangeSchema, type ProductCategory, type StorageRange } from './storageRange';

export const GtinSchema = cleanId('09521234543213').refine(isGtin14, explained('must be a 14-digit GTIN with a valid check digit', (gtin) => wrongCheckDigit('GTIN', gtin)));

/**
 * Lot or batch number (GS1 AI 10). GS1 allows 20 characters of its CSET 82; we keep the subset that
 * needs no percent-encoding in a Digital Link path, so the lot id is also a URL path.
 */
export const LotNumberSchema = cleanId('LOT42').regex(/^[A-Za-z0-9._-]{1,20}$/, 'must be 1–20 letters, digits, . _ or -');

/** Quantities are whole numbers of a unit from a closed list; weigh in g when kg is too coarse. */
export const QuantityUnits = ['kg', 'g', 'carton', 'case', 'piece'] as const;
export type QuantityUnit = (typeof QuantityUnits)[number];
export const QuantitySchema = z.number().int('must be a whole number').positive('must be positive').max(1e12);

/**
 * A lot's id: the GS1 Digital Link path of AIs 01 and 10.
 *
 * @example
 * lotIdOf('09521234543213', 'LOT42') // '01/09521234543213/10/LOT42'
 */
export function lotIdOf(gtin: string, lotNumber: string): string {
  return `01/${gtin}/10/${lotNumber}`;
}

export const LotIdSchema = cleanId('01/09521234543213/10/LOT42')
  .regex(/^01\/\d{14}\/10\/[A-Za-z0-9._-]{1,20}$/, 'must be a lot id 01/<GTIN-14>/10/<lot number>')
  .refine((id) => isGtin14(id.slice(3, 17)), explained('must carry a GTIN with a valid check digit', (id) => wrongCheckDigit('GTIN', id.slice(3, 17))));

/** Product attributes every lot has, whether created directly or made by a transformation. */
export const LotProductSchema = z.strictObject({
  gtin: GtinSchema,
  lotNumber: LotNumberSchema,
  product: z.string().min(1).max(200),
  category: z.enum(productCategoryNames),
  quantity: QuantitySchema,
  unit: z.enum(QuantityUnits),
  productionDate: CalendarDateSchema,
  expiryDate: CalendarDateSchema,
  /** Defaults to the category's range. */
  storageRange: StorageRangeSchema.optional(),
  /** Defaults to the category's tolerance. */
  excursionToleranceMinutes: z.number().int().min(0).max(1440).optional(),
});

/** What a producer or importer submits to create a lot. */
export const LotRegistrationSchema = LotProductSchema.extend({
  lotType: z.enum(LotTypes),
  /** ISO 3166-1 alpha-2 country of origin. */
  originCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as NZ'),
  /** Name (and approval number, for foreign plants) of the establishment that produced the food. */
  producer: z.string().min(1).max(200),
  /** The import's customs declaration (报关单号): what lets an importer use a foreign brand's GTIN that no enterprise here owns. */
  customsDeclarationNumber: CustomsDeclarationNumberSchema.optional(),
  assurance: ClaimedAssuranceSchema,
}).refine((lot) => lot.expiryDate >= lot.productionDate, { message: 'must not be before productionDate', path: ['expiryDate'] });

export type LotRegistration = z.infer<typeof LotRegistrationSchema>;

/** Many lots created in one transaction, all or none, each checked as a single creation is. */
export const LotBatchSchema = z.strictObject({
  lots: z.array(z.unknown()).min(1).max(1000),
});

export type LotStatus = 'inStock' | 'inTransit' | 'depleted';
export type HoldState = 'recalled' | 'quarantined';

export interface LotHold {
  state: HoldState;
  reason: string;
  /** Enterprise id, or `regulator:<enrollment id>` for a regulator identity. */
  setBy: string;
  setAt: string;
  txId: string;
  /**
   * Set on a lot made (by split, merge or transform, at any depth) from the lot the hold was set on:
   * that lot's id. Such a hold is lifted there, never at this lot (see `holdInheritance.ts`).
   */
  inheritedFrom?: string;
}

export interface PendingShipment {
  eventId: string;
  from: string;
  to: string;
  quantity: number;
  eventTime: string;
  /** The transaction that recorded the shipment, whose custody key holds its record. */
  txId?: string;
}

/** The last place and time the ledger saw the lot, which the travel cross-checks compare against. */
export interface LotSighting {
  eventId: string;
  eventTime: string;
  location: EventLocation;
  enterpriseId: string;
}

/**
 * A cold-chain lot as the ledger keeps it. Quantities balance:
 * `initialQuantity = quantityOnHand + (shipment?.quantity ?? 0) + quantitySold + quantityLost + quantityToChildren`.
 */
export interface ColdChainLot {
  id: string;
  gtin: string;
  lotNumber: string;
  product: string;
  category: ProductCategory;
  lotType: LotType;
  originCountry: string;
  producer: string;
  unit: QuantityUnit;
  productionDate: string;
  expiryDate: string;
  storageRange: StorageRange;
  excursionToleranceMinutes: number;
  /** Imported lots under a foreign brand's GTIN: the customs declaration they came in with. */
  customsDeclarationNumber?: string;
  /** The enterprise answerable for the lot: its creator, or whoever merged or transformed it. */
  ownerId: string;
  custodianId: string;
  /** When the custodian's custody began (its accepted receipt, or the derivation that made the lot); absent: since production. */
  custodySince?: string;
  status: LotStatus;
  initialQuantity: number;
  quantityOnHand: number;
  quantitySold: number;
  quantityLost: number;
  quantityToChildren: number;
  shipment?: PendingShipment;
  documents: LotDocuments;
  missingDocuments: DocumentKind[];
  documentStatus: 'complete' | 'incomplete';
  releasedForSale?: { eventId: string; eventTime: string; by: string };
  hold?: LotHold;
  /** The last hold lifted, and why; the lot key's history keeps earlier ones. */
  liftedHold?: LotHold & { liftedBy: string; liftedAt: string; liftReason: string };
  lastSighting?: LotSighting;
  /** Lots this one was split, merged or transformed from. */
  parents: string[];
  assurance: AssuranceLabel;
  /** Custody events recorded so far; orders the lot's custody log. */
  eventCount: number;
  /**
   * A short digest of the id of each of the lot's custody events (`custodyEventDigest`), so that a
   * replayed event id is refused without a ledger key per event.
   */
  eventIdDigests: string[];
  createdAt: string;
  createdTxId: string;
  updatedAt: string;
  updatedTxId: string;
}
