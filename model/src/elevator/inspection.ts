import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { cleanId } from '../cleanText';
import { RegistrationNumberSchema } from './elevator';
import { addMonths } from './shanghaiCalendar';

/**
 * The inspection schedule of TSG T7001-2023 with T7008-2023 self-testing, as data: in the years of a
 * lift's use listed here an inspection body inspects (定期检验); in the other years up to
 * {@link YEARLY_INSPECTION_AFTER} the lift is self-tested (自行检测); after that it is inspected
 * every year. Either result is valid for a year.
 */
export const INSPECTION_YEARS: readonly number[] = [1, 4, 7, 9, 11, 13, 15];
export const YEARLY_INSPECTION_AFTER = 15;
export const INSPECTION_VALIDITY_MONTHS = 12;

export type InspectionKind = 'periodic' | 'selfTest';

/**
 * Which check a lift owes in year `useYear` of its use (1 for its first year).
 *
 * @example
 * scheduledInspectionKind(2) // 'selfTest'
 * scheduledInspectionKind(16) // 'periodic'
 */
export function scheduledInspectionKind(useYear: number): InspectionKind {
  return useYear > YEARLY_INSPECTION_AFTER || INSPECTION_YEARS.includes(useYear) ? 'periodic' : 'selfTest';
}

/** The year of use a date falls in for a lift accepted on `acceptedOn`: 1 until its first anniversary. */
export function useYearOf(acceptedOn: string, on: string): number {
  let year = 1;
  while (year < 200 && addMonths(acceptedOn, year * 12) <= on) year++;
  return year;
}

const DefectSchema = z.strictObject({
  defectId: cleanId('D1').regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 letters, digits or . _ -'),
  description: z.string().trim().min(3).max(1000),
  rectifyBy: CalendarDateSchema,
});

/** An inspection body's report of a periodic inspection or a self-test. */
export const InspectionInputSchema = z
  .strictObject({
    registrationNumber: RegistrationNumberSchema,
    reportNumber: cleanId('JD2026-0001').regex(/^[A-Za-z0-9._()-]{3,40}$/, 'must be 3–40 letters, digits or . _ ( ) -'),
    kind: z.enum(['periodic', 'selfTest']),
    inspectedOn: CalendarDateSchema,
    result: z.enum(['pass', 'fail']),
    defects: z.array(DefectSchema).max(50).default([]),
  })
  .refine((i) => new Set(i.defects.map((d) => d.defectId)).size === i.defects.length, { message: 'must not repeat a defectId', path: ['defects'] })
  .refine((i) => i.defects.every((d) => d.rectifyBy >= i.inspectedOn), { message: 'every rectifyBy must be on or after inspectedOn', path: ['defects'] });

export type InspectionInput = z.infer<typeof InspectionInputSchema>;

export interface Inspection extends InspectionInput {
  deviceCode: string;
  bodyId: string;
  /** The last day the result lets the lift run: a year on for a pass, none for a fail. */
  validUntil: string;
  scheduledKind: InspectionKind;
  recordedAt: string;
  txId: string;
}

/** The inspection body confirms a defect rectified. */
export const RectificationSchema = z.strictObject({
  registrationNumber: RegistrationNumberSchema,
  defectId: cleanId('D1').regex(/^[A-Za-z0-9._-]{1,32}$/, 'must be 1–32 letters, digits or . _ -'),
  confirmedOn: CalendarDateSchema,
});

export type Rectification = z.infer<typeof RectificationSchema>;

/**
 * The last day an inspection lets the lift run: a year on for a pass. A failed lift may not run from
 * the inspection on; its validity is cut to that day, and the failed result alone makes it unfit.
 */
export function inspectionValidUntil(inspectedOn: string, result: 'pass' | 'fail'): string {
  return result === 'pass' ? addMonths(inspectedOn, INSPECTION_VALIDITY_MONTHS) : inspectedOn;
}
