/**
 * GS1 identification keys used by the cold chain: GTIN-14 (AI 01) for trade items, GLN-13 (AI 414)
 * for places, SSCC-18 (AI 00) for logistic units, GIAI (AI 8004) for assets such as temperature
 * loggers. All numeric keys end in the GS1 mod-10 check digit.
 */

/**
 * The GS1 mod-10 check digit of the data digits (the key without its last digit): weights 3, 1, 3, 1 …
 * from the rightmost data digit, `check = (10 − sum mod 10) mod 10`.
 *
 * @example
 * gs1CheckDigit('0952123454321') // '3'
 */
export function gs1CheckDigit(dataDigits: string): string {
  if (!/^\d+$/.test(dataDigits)) {
    throw new TypeError(`GS1 data digits must be digits, got ${JSON.stringify(dataDigits)}`);
  }
  let sum = 0;
  for (let i = 0; i < dataDigits.length; i++) {
    const digit = dataDigits.charCodeAt(dataDigits.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}

function hasValidCheckDigit(key: string, length: number): boolean {
  return key.length === length && /^\d+$/.test(key) && gs1CheckDigit(key.slice(0, -1)) === key[length - 1];
}

/** A 14-digit GTIN (shorter GTINs are written with leading zeros) with a correct check digit. */
export const isGtin14 = (key: string): boolean => hasValidCheckDigit(key, 14);

/** A 13-digit Global Location Number with a correct check digit. */
export const isGln13 = (key: string): boolean => hasValidCheckDigit(key, 13);

/** An 18-digit Serial Shipping Container Code with a correct check digit. */
export const isSscc18 = (key: string): boolean => hasValidCheckDigit(key, 18);

/** The numeric GS1 keys whose schemas name the check digit they expected. */
export const Gs1KeyLengths = { GTIN: 14, GLN: 13, SSCC: 18 } as const;
export type Gs1KeyKind = keyof typeof Gs1KeyLengths;

/**
 * What is wrong with a key that has the length and digits of its kind but not its check digit,
 * naming the digit the data digits give: a typist can then tell a slip in the last digit from one in
 * the others. Undefined for a valid key, and for one of another shape (the schema's rule says why).
 *
 * @example
 * wrongCheckDigit('GTIN', '09521234543214') // 'GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3'
 */
export function wrongCheckDigit(kind: Gs1KeyKind, key: string): string | undefined {
  if (key.length !== Gs1KeyLengths[kind] || !/^\d+$/.test(key)) return undefined;
  const data = key.slice(0, -1);
  const expected = gs1CheckDigit(data);
  return expected === key[key.length - 1] ? undefined : `${kind} ${key} has check digit ${key[key.length - 1]}, but the check digit of ${data} is ${expected}`;
}

/**
 * A GIAI in its EPC URN form, `urn:epc:id:giai:<company prefix>.<asset reference>`, as EPCIS sensor
 * data names devices. The company prefix has 6–12 digits; prefix and reference together stay within
 * the 30 characters AI 8004 allows. The reference is limited to characters that need no escaping.
 */
export function isGiaiUrn(value: string): boolean {
  const match = /^urn:epc:id:giai:(\d{6,12})\.([A-Za-z0-9._-]{1,24})$/.exec(value);
  return match !== null && match[1].length + match[2].length <= 30;
}
