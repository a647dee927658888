import { z } from 'zod';
import { CustomsDeclarationNumberSchema } from '../brandPrefix';
import { CalendarDateSchema } from '../calendarDate';
import { ClaimedAssuranceSchema } from '../supplychain/assurance';
import { GtinSchema, LotNumberSchema, QuantitySchema, QuantityUnits } from '../supplychain/lotIdentity';
import type { TracedLot } from '../supplychain/tracedItem';
import { LotTypes, type DocumentKind, type LotDocuments, type LotType } from './documents';
import { productCategoryNames, StorageRangeSchema, type ProductCategory, type StorageRange } from './storageRange';

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

/** A cold-chain lot as the ledger keeps it: a traced lot with its product, origin, storage range and entry documents. */
export interface ColdChainLot extends TracedLot {
  product: string;
  category: ProductCategory;
  lotType: LotType;
  originCountry: string;
  producer: string;
  expiryDate: string;
  storageRange: StorageRange;
  excursionToleranceMinutes: number;
  /** Imported lots under a foreign brand's GTIN: the customs declaration they came in with. */
  customsDeclarationNumber?: string;
  documents: LotDocuments;
  missingDocuments: DocumentKind[];
  documentStatus: 'complete' | 'incomplete';
  createdAt: string;
  createdTxId: string;
}
