import { z } from 'zod';
import { cleanId } from '../cleanText';
import { isGtin14, wrongCheckDigit } from '../gs1';
import { explained } from '../validation';

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
