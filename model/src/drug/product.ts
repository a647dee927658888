import { z } from 'zod';
import type { DrugHold } from './hold';
import { GtinSchema } from '../supplychain/lotIdentity';
import { IdentificationCodeSchema } from './drugCode';

/** Packaging levels, innermost first: units into boxes, boxes into cases, cases onto pallets. */
export const PackagingLevels = ['unit', 'box', 'case', 'pallet'] as const;
export type PackagingLevel = (typeof PackagingLevels)[number];

/** How deep packing may nest: a unit in a box in a case on a pallet. Walks up a code's parents stop here. */
export const MAX_PACKING_DEPTH = PackagingLevels.length - 1;

/** The order of a level: 0 for the unit, higher outside. */
export const levelRank = (level: PackagingLevel): number => PackagingLevels.indexOf(level);

/** Days a sold or dispensed code may come back to its seller when the product does not say. */
export const DEFAULT_RETURN_WINDOW_DAYS = 7;

const ProductLevelSchema = z.strictObject({
  level: z.enum(PackagingLevels),
  /** The identification code assigned for this product at this level. */
  idCode: IdentificationCodeSchema,
  /** Packs of the level below in one pack of this level (absent for the unit). */
  contains: z.number().int().min(1).max(10_000).optional(),
  /** The GTIN of this level, when the pack also carries the GS1 form (GTIN + serial + batch + expiry in a GS1 DataMatrix). */
  gtin: GtinSchema.optional(),
});

/**
 * What the holder registers for a product: approval number, names, form, strength, specification,
 * packaging levels with their identification codes, storage. The product's id is the identification
 * code of its unit level.
 */
export const DrugProductRegistrationSchema = z
  .strictObject({
    /** 药品批准文号, e.g. 国药准字H20261234. */
    approvalNumber: z.string().regex(/^国药准字[HZSBTFJ]\d{8}$/, 'must be an approval number 国药准字 + H/Z/S/B/T/F/J + 8 digits, e.g. 国药准字H20261234'),
    genericName: z.string().trim().min(1).max(100),
    tradeName: z.string().trim().min(1).max(100).optional(),
    dosageForm: z.string().trim().min(1).max(50),
    strength: z.string().trim().min(1).max(100),
    /** 包装规格, e.g. 10片/盒. */
    packageSpec: z.string().trim().min(1).max(100),
    storageCondition: z.string().trim().min(1).max(200),
    levels: z.array(ProductLevelSchema).min(1).max(PackagingLevels.length),
    /** Days within which a sold or dispensed unit may be returned to its seller. */
    returnWindowDays: z.number().int().min(0).max(90).default(DEFAULT_RETURN_WINDOW_DAYS),
  })
  .superRefine((product, context) => {
    product.levels.forEach((level, index) => {
      if (index === 0 && level.level !== 'unit') context.addIssue({ code: 'custom', message: 'the first level must be the unit', path: ['levels', 0, 'level'] });
      if (index > 0 && levelRank(level.level) <= levelRank(product.levels[index - 1].level)) {
        context.addIssue({ code: 'custom', message: `must lie outside ${product.levels[index - 1].level}: levels go innermost first`, path: ['levels', index, 'level'] });
      }
      if (index > 0 && level.contains === undefined) context.addIssue({ code: 'custom', message: 'must say how many packs of the level below one pack holds', path: ['levels', index, 'contains'] });
      if (index === 0 && level.contains !== undefined) context.addIssue({ code: 'custom', message: 'a unit contains no packs', path: ['levels', 0, 'contains'] });
      if (level.gtin !== undefined && product.levels.findIndex((other) => other.gtin === level.gtin) !== index) {
        context.addIssue({ code: 'custom', message: `GTIN ${level.gtin} names one level only`, path: ['levels', index, 'gtin'] });
      }
      if (product.levels.findIndex((other) => other.idCode === level.idCode) !== index) {
        context.addIssue({ code: 'custom', message: `identification code ${level.idCode} names one level only`, path: ['levels', index, 'idCode'] });
      }
    });
  });
export type DrugProductRegistration = z.infer<typeof DrugProductRegistrationSchema>;

export interface DrugProduct extends DrugProductRegistration {
  /** The identification code of the unit level. */
  productId: string;
  holderId: string;
  registeredBy: string;
  registeredAt: string;
  txId: string;
  /** A hold on every batch of the product. */
  hold?: DrugHold;
}

/** The level an identification code names in a product, or undefined. */
export function levelOfIdCode(product: Pick<DrugProduct, 'levels'>, idCode: string): PackagingLevel | undefined {
  return product.levels.find((level) => level.idCode === idCode)?.level;
}

/** The identification code of a level of a product, or undefined when the product has no such level. */
export function idCodeOfLevel(product: Pick<DrugProduct, 'levels'>, level: PackagingLevel): string | undefined {
  return product.levels.find((entry) => entry.level === level)?.idCode;
}

/**
 * A GTIN of a product level: the GS1 form of its codes (a GS1 DataMatrix, or the Digital Link
 * `/01/{gtin}/21/{serial}`) carries the GTIN and, as AI 21, the 13 digits of serial and check digits,
 * so the 20-digit code is the level's identification code followed by them.
 */
export interface DrugGtinBinding {
  gtin: string;
  productId: string;
  level: PackagingLevel;
  idCode: string;
  holderId: string;
  txId: string;
}

/**
 * The 20-digit code a GS1 form names, or undefined when its AI 21 is not the 13 digits of a drug code.
 *
 * @example
 * drugCodeOfGs1Serial('8123456', '0000000421234') // '81234560000000421234'
 */
export function drugCodeOfGs1Serial(idCode: string, serial: string): string | undefined {
  return /^\d{13}$/.test(serial) ? `${idCode}${serial}` : undefined;
}
