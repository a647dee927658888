import { z } from 'zod';
import { cleanId } from '../cleanText';
import { EventTimeSchema } from '../eventTime';
import { RegistrationNumberSchema } from './elevator';

export const AccidentKinds = ['fall', 'shear', 'crush', 'entrapmentInjury', 'impact', 'other'] as const;

/**
 * An elevator accident as a regulator records it after investigation: the plan's KPI is accidents
 * per 10,000 lifts (below 0.18), counted from these per region.
 */
export const AccidentInputSchema = z.strictObject({
  registrationNumber: RegistrationNumberSchema,
  accidentId: cleanId('SGDJ-2026-0001').regex(/^[A-Za-z0-9._-]{3,40}$/, 'must be 3–40 letters, digits or . _ -'),
  occurredAt: EventTimeSchema,
  kind: z.enum(AccidentKinds),
  deaths: z.number().int().min(0).max(100),
  injuries: z.number().int().min(0).max(1000),
  description: z.string().trim().min(3).max(2000),
});

export type AccidentInput = z.infer<typeof AccidentInputSchema>;

export interface ElevatorAccident extends AccidentInput {
  deviceCode: string;
  region: string;
  recordedBy: string;
  recordedAt: string;
  txId: string;
}

/** Accidents per 10,000 lifts, to two decimals (the plan's target is below 0.18). */
export function accidentsPer10k(accidents: number, lifts: number): number {
  return lifts === 0 ? 0 : Math.round((accidents * 10_000 * 100) / lifts) / 100;
}
