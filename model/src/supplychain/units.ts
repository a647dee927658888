import { z } from 'zod';
import { cleanId } from '../cleanText';
import { EventTimeSchema } from '../eventTime';
import { LotIdSchema } from './lotIdentity';

/**
 * Serialised units of a lot (GS1 AI 21): a lot's owner commissions runs of serials, the custodian
 * records each unit's retail sale (EPCIS bizStep `retail_selling`, disposition `retail_sold`).
 *
 * A serial is `<prefix><number>`, the number zero-padded to at least {@link SERIAL_MIN_DIGITS}
 * digits. The prefix is empty or ends with a non-digit, and padding is canonical, so every serial
 * reads back as exactly one (prefix, number): one number never has two serials.
 */
export const SERIAL_MIN_DIGITS = 6;
export const MAX_SERIAL_NUMBER = 999_999_999;
/** Serials one commissioning may create. */
export const MAX_UNITS_PER_RUN = 100_000;
/** Sales one transaction may record. */
export const MAX_UNIT_SALES_PER_TRANSACTION = 1_000;

const PREFIX = /^(?:[A-Za-z0-9-]{0,7}[A-Za-z-])?$/;

export const SerialPrefixSchema = cleanId('SN')
  .regex(PREFIX, 'must be up to 8 letters, digits or -, empty or ending with a letter or -, so that the serial\'s trailing digits are its number');

export const SerialNumberSchema = z.number().int().min(0).max(MAX_SERIAL_NUMBER);

/**
 * The serial of number `n` under `prefix`.
 *
 * @example
 * serialOf('SN', 42) // 'SN000042'
 * serialOf('', 1234567) // '1234567'
 */
export function serialOf(prefix: string, n: number): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`serial prefix ${JSON.stringify(prefix)} is not valid`);
  if (!Number.isInteger(n) || n < 0 || n > MAX_SERIAL_NUMBER) throw new RangeError(`serial number ${n} is outside 0..${MAX_SERIAL_NUMBER}`);
  return `${prefix}${String(n).padStart(SERIAL_MIN_DIGITS, '0')}`;
}

/**
 * The prefix and number of a serial made by {@link serialOf}, or undefined for anything else
 * (no trailing digits, a longer prefix, non-canonical padding such as `SN0000042`).
 *
 * @example
 * parseSerial('SN000042') // { prefix: 'SN', number: 42 }
 */
export function parseSerial(serial: string): { prefix: string; number: number } | undefined {
  const match = /^(.*[^0-9])?([0-9]+)$/.exec(serial);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const digits = match[2];
  if (!PREFIX.test(prefix) || digits.length > 9) return undefined;
  const number = Number(digits);
  return serialOf(prefix, number) === serial ? { prefix, number } : undefined;
}

export const SerialSchema = cleanId('SN000042').refine((s) => parseSerial(s) !== undefined, 'must be a serial <prefix><number> as issued: prefix of up to 8 letters, digits or - ending in a non-digit, number zero-padded to 6 digits');

const runFields = {
  serialPrefix: SerialPrefixSchema,
  from: SerialNumberSchema,
  count: z.number().int().min(1).max(MAX_UNITS_PER_RUN),
  /** When the labels were applied (EPCIS `commissioning`); the transaction time when not given. No unit is sold before it. */
  eventTime: EventTimeSchema.optional(),
};
const runFitsRange = (run: { from: number; count: number }): boolean => run.from + run.count - 1 <= MAX_SERIAL_NUMBER;
const runRangeMessage = { message: `from + count - 1 must not exceed ${MAX_SERIAL_NUMBER}`, path: ['count'] };

/** What the owner posts to commission serials `from .. from + count - 1` of a lot. */
export const UnitRunBodySchema = z.strictObject(runFields).refine(runFitsRange, runRangeMessage);
/** The chaincode argument of `coldchain:commissionUnits`. */
export const UnitRunInputSchema = z.strictObject({ lotId: LotIdSchema, ...runFields }).refine(runFitsRange, runRangeMessage);
export type UnitRunInput = z.infer<typeof UnitRunInputSchema>;

const salesField = {
  sales: z
    .array(z.strictObject({ serial: SerialSchema, eventTime: EventTimeSchema }))
    .min(1)
    .max(MAX_UNIT_SALES_PER_TRANSACTION),
};
/** What the custodian posts to record retail sales of units of a lot. */
export const UnitSalesBodySchema = z.strictObject(salesField);
/** The chaincode argument of `coldchain:recordUnitSales`. */
export const UnitSalesInputSchema = z.strictObject({ lotId: LotIdSchema, ...salesField });
export type UnitSalesInput = z.infer<typeof UnitSalesInputSchema>;

/** A commissioned run of serials of one lot, as the ledger keeps it. */
export interface UnitRun {
  lotId: string;
  gtin: string;
  serialPrefix: string;
  from: number;
  count: number;
  commissionedBy: string;
  /** When the run was recorded (transaction time). */
  commissionedAt: string;
  /** When the units were commissioned; runs recorded before this field existed have only `commissionedAt`. */
  eventTime?: string;
  txId: string;
}

/** The moment a run's units came into being: no sale of them can come earlier. */
export const commissionedTimeOf = (run: Pick<UnitRun, 'eventTime' | 'commissionedAt'>): string => run.eventTime ?? run.commissionedAt;

/** The retail sale of one unit (EPCIS `retail_selling` / `retail_sold`): the first one recorded stays. */
export interface UnitSale {
  lotId: string;
  gtin: string;
  serial: string;
  /** The enterprise that sold it: the lot's custodian at the time. */
  soldBy: string;
  eventTime: string;
  recordedAt: string;
  txId: string;
}

/** Whether two runs of one GTIN and prefix share a serial. */
export function runsOverlap(a: { from: number; count: number }, b: { from: number; count: number }): boolean {
  return a.from < b.from + b.count && b.from < a.from + a.count;
}
