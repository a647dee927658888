import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { DrugBatchNumberSchema, IdentificationCodeSchema } from './drugCode';
import type { DrugHold } from './hold';
import { PackagingLevels, type PackagingLevel } from './product';


/** Planned packs per level, e.g. `{ unit: 12000, box: 1200, case: 60 }`. */
export const LevelQuantitiesSchema = z.partialRecord(z.enum(PackagingLevels), z.number().int('must be a whole number').min(1).max(100_000_000));

/** What the holder or its contract manufacturer registers for a production batch. */
export const DrugBatchRegistrationSchema = z
  .strictObject({
    productId: IdentificationCodeSchema,
    batchNumber: DrugBatchNumberSchema,
    productionDate: CalendarDateSchema,
    expiryDate: CalendarDateSchema,
    quantities: LevelQuantitiesSchema.refine((q) => (q.unit ?? 0) > 0, 'must give the number of units'),
  })
  .refine((batch) => batch.expiryDate >= batch.productionDate, { message: 'must not be before productionDate', path: ['expiryDate'] });
export type DrugBatchRegistration = z.infer<typeof DrugBatchRegistrationSchema>;

/**
 * A batch's id: its product (unit identification code) and batch number.
 *
 * @example
 * drugBatchIdOf('8123456', 'B20261101') // '8123456/B20261101'
 */
export const drugBatchIdOf = (productId: string, batchNumber: string): string => `${productId}/${batchNumber}`;

export interface DrugBatch extends DrugBatchRegistration {
  id: string;
  holderId: string;
  /** Who registered it: the holder, or its delegated contract manufacturer. */
  manufacturerId: string;
  /** Codes commissioned so far, per level; never more than `quantities` plans. */
  commissioned: Partial<Record<PackagingLevel, number>>;
  createdAt: string;
  txId: string;
  hold?: DrugHold;
  updatedTxId: string;
}
