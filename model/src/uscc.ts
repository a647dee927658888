/**
 * China's 18-character unified social credit code (统一社会信用代码, GB 32100-2015), which identifies
 * every registered enterprise. Layout: registration authority (1) + entity type (1) + administrative
 * region code (6) + organisation code (9) + check character (1).
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character GB 32100 derives from the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Tells whether a string is a well-formed unified social credit code with a correct check character.
 *
 * @example
 * isUscc('91350100M000100Y43') // true
 */
export function isUscc(code: string): boolean {
  return SHAPE.test(code) && usccCheckCharacter(code.slice(0, 17)) === code[17];
}

/**
 * What is wrong with a code of the right shape whose check character is not the one GB 32100 derives,
 * naming the expected one. Undefined for a valid code, and for one of another shape (the schema's rule
 * says why).
 *
 * @example
 * wrongCheckCharacter('91350100M000100Y44') // 'credit code 91350100M000100Y44 has check character 4, but the check character of 91350100M000100Y4 is 3'
 */
export function wrongCheckCharacter(code: string): string | undefined {
  if (!SHAPE.test(code)) return undefined;
  const first17 = code.slice(0, 17);
  const expected = usccCheckCharacter(first17);
  return expected === code[17] ? undefined : `credit code ${code} has check character ${code[17]}, but the check character of ${first17} is ${expected}`;
}

/** The 6-digit administrative region code (行政区划代码) embedded in a unified social credit code. */
export function usccRegion(code: string): string {
  return code.slice(2, 8);
}
