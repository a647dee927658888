import { z } from 'zod';
import { derivationCommon } from '../supplychain/lineage';
import { LotIdSchema, QuantitySchema } from '../supplychain/lotIdentity';
import { LotProductSchema } from './lot';

/** A processor consumes quantities of input lots and makes new products (carcasses into cuts). */
export const TransformInputSchema = z.strictObject({
  ...derivationCommon,
  inputs: z.array(z.strictObject({ lotId: LotIdSchema, quantity: QuantitySchema })).min(1).max(100),
  outputs: z.array(LotProductSchema).min(1).max(100),
});

export type TransformInput = z.infer<typeof TransformInputSchema>;
