import { z } from 'zod';
import {
  CalendarDateSchema,
  EARLIEST_YEAR,
  EventLocationSchema,
  EventTimeSchema,
  GtinSchema,
  LATEST_YEAR,
  LoggerIdSchema,
  LotIdSchema,
  SerialSchema,
  UsccSchema,
  UtcTimeSchema,
} from '../../../model/src';

/**
 * What the shared validators enforce beyond what the document shows of them: a zod refinement (a
 * check digit, a day that exists) becomes no JSON Schema keyword, so the field would read as any
 * string. The model is shared with chaincode and stays free of OpenAPI; its schemas get their
 * `format`, `pattern` and `description` here, through zod's metadata registry, which the generator
 * reads, and only in the gateway process.
 */
const years = `years ${EARLIEST_YEAR}–${LATEST_YEAR}`;

const FORMATS: readonly [z.ZodType, Record<string, string>][] = [
  [GtinSchema, { pattern: '^\\d{14}$', description: 'GTIN-14: 14 digits, the last the GS1 mod-10 check digit of the first 13 (a wrong one is refused, naming the right one), e.g. 09521234543213' }],
  [LotIdSchema, { description: 'Lot id 01/<GTIN-14>/10/<lot number>, its GTIN with a valid check digit; URL-encode it in paths (01%2F09521234543213%2F10%2FLOT42)' }],
  [SerialSchema, { pattern: '^(?:[A-Za-z0-9-]{0,7}[A-Za-z-])?\\d{6,9}$', description: 'Serial <prefix><number> as issued: a prefix of up to 8 letters, digits or - ending in a non-digit, the number zero-padded to 6 digits, e.g. SN000042' }],
  [UsccSchema, { pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', description: 'Unified social credit code: 18 characters, the last the GB 32100 check character of the first 17, e.g. 91350100M000100Y43' }],
  [LoggerIdSchema, { pattern: '^urn:epc:id:giai:\\d{6,12}\\.[A-Za-z0-9._-]{1,24}$', description: 'GIAI EPC URN urn:epc:id:giai:<company prefix>.<asset reference>, prefix and reference together at most 30 characters, e.g. urn:epc:id:giai:4000001.111' }],
  [CalendarDateSchema, { format: 'date', description: `A day that exists (no 2026-02-30), ${years}, e.g. 2026-11-29` }],
  [EventTimeSchema, { format: 'date-time', description: `ISO 8601 with a UTC offset (Z or ±HH:MM, within ±14:00, on the quarter-hour) naming a real moment (the day exists, no 24:00, no leap second), ${years}, e.g. 2026-11-29T08:30:00+08:00` }],
  [UtcTimeSchema, { format: 'date-time', description: 'ISO 8601 in UTC, ending in Z, e.g. 2026-11-29T08:00:00.000Z' }],
];

/** The inner schema of an optional field of an object schema, if the field is there. */
function fieldOf(schema: z.ZodObject, name: string): z.ZodType | undefined {
  const field = schema.shape[name];
  return field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : (field as z.ZodType | undefined);
}

/** Registers the formats; idempotent, and cheap enough to run before each document is generated. */
export function describeValidatorFormats(): void {
  const gln = fieldOf(EventLocationSchema, 'gln');
  const all = gln ? [...FORMATS, [gln, { pattern: '^\\d{13}$', description: 'GLN-13: 13 digits, the last the GS1 mod-10 check digit, e.g. 0614141000036' }] as const] : FORMATS;
  for (const [schema, format] of all) {
    z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), ...format });
  }
}
