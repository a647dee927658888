import { z } from 'zod';
import { UsccSchema } from '../enterprise';
import { IdentificationCodeSchema } from './drugCode';
import type { PackagingLevel } from './product';

/**
 * The platform admin assigns each drug identification code to the marketing-authorisation holder
 * (上市许可持有人) the code issuing platform gave it to, as GS1 prefixes are assigned. A code under an
 * identification code another holder owns is refused everywhere.
 */
export const IdentificationCodeAssignmentSchema = z.strictObject({
  idCode: IdentificationCodeSchema,
  holderId: UsccSchema,
});
export type IdentificationCodeAssignmentInput = z.infer<typeof IdentificationCodeAssignmentSchema>;

export interface IdentificationCodeAssignment extends IdentificationCodeAssignmentInput {
  assignedAt: string;
  assignedBy: string;
  /** Set once the holder registers the product whose packaging level this code identifies. */
  productId?: string;
  level?: PackagingLevel;
  txId: string;
}

/**
 * The holder lets a contract manufacturer (受托生产企业) register batches and commission, pack and ship
 * codes of its products; withdrawn by the holder.
 */
export const ManufactureDelegationSchema = z.strictObject({
  manufacturerId: UsccSchema,
  purpose: z.string().trim().min(3).max(200),
});
export type ManufactureDelegationInput = z.infer<typeof ManufactureDelegationSchema>;

export interface ManufactureDelegation extends ManufactureDelegationInput {
  holderId: string;
  grantedAt: string;
  txId: string;
  /** Set when the holder withdrew it; a withdrawn delegation lets nothing more be written. */
  withdrawnAt?: string;
}
