import { z } from 'zod';
import { cleanId } from '../cleanText';

/**
 * The parts of China's 20-digit drug trace code (药品追溯码) as the ledger works with them: the
 * 7-digit drug identification code (one per product and packaging level, assigned by the platform
 * admin to the marketing-authorisation holder), the 9-digit serial, and 4 check digits whose
 * algorithm is not public. The ledger never computes the check digits: it knows each issued code
 * exactly from the Merkle root of its commissioning (`commissioning.ts`).
 */

/** The largest 9-digit serial. */
export const MAX_DRUG_SERIAL = 999_999_999;

/**
 * Serials per ledger key of code states (`SerialBucket`): a pharmacy's box holds contiguous serials,
 * so a batched dispense of a till's day reads and writes a few such keys, not one per code.
 */
export const SERIAL_BUCKET_SIZE = 1000;

/**
 * Serials per ledger key of commissioning claims: a commissioning claims its serial span in the
 * blocks it meets, so finding the commissioning of a code reads one key and a range of 100,000
 * contiguous codes writes one or two.
 */
export const CLAIM_BLOCK_SIZE = 1_000_000;

const EXAMPLE_CODE = '81234560000000421234';

/**
 * A 20-digit drug trace code. The refusal says what is wrong (length, a letter and where), since a
 * clerk types these digits from under a Code 128.
 */
export const DrugTraceCodeSchema = cleanId(EXAMPLE_CODE).superRefine((value, context) => {
  const letter = /\D/.exec(value);
  if (letter) {
    context.addIssue({ code: 'custom', message: `must be 20 digits, but has ${JSON.stringify(letter[0])} at position ${letter.index + 1}, e.g. ${EXAMPLE_CODE}` });
  } else if (value.length !== 20) {
    context.addIssue({ code: 'custom', message: `must be 20 digits (7-digit identification code, 9-digit serial, 4 check digits), but has ${value.length}, e.g. ${EXAMPLE_CODE}` });
  }
});

export const IdentificationCodeSchema = z.string().regex(/^\d{7}$/, 'must be a 7-digit drug identification code, e.g. 8123456');

export const DrugSerialSchema = z.number().int('must be a whole number').min(0).max(MAX_DRUG_SERIAL);

/** The identification code of a trace code. */
export const identificationOf = (code: string): string => code.slice(0, 7);

/** The serial of a trace code, as a number. */
export const serialOfCode = (code: string): number => Number(code.slice(7, 16));

/** A serial as the code writes it: 9 digits. */
export const serialDigits = (serial: number): string => String(serial).padStart(9, '0');

/** The bucket of code states a serial belongs to. */
export const serialBucketOf = (serial: number): number => Math.floor(serial / SERIAL_BUCKET_SIZE);

/** The block of commissioning claims a serial belongs to. */
export const claimBlockOf = (serial: number): number => Math.floor(serial / CLAIM_BLOCK_SIZE);

/**
 * How a code is named where its check digits are not at hand (a range of children): identification
 * code and serial, without the check digits.
 *
 * @example
 * serialReference('8123456', 42) // '8123456000000042'
 */
export const serialReference = (idCode: string, serial: number): string => `${idCode}${serialDigits(serial)}`;

/** 生产批号: letters, digits, . _ -, so that the batch id is also a URL path. */
export const DrugBatchNumberSchema = cleanId('B20261101').regex(/^[A-Za-z0-9._-]{1,20}$/, 'must be 1–20 letters, digits, . _ or -, e.g. B20261101');
