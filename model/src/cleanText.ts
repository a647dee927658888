import { z } from 'zod';

/**
 * Characters no identifier may hold. U+0000 separates the parts of a Fabric composite key (the node
 * shim does not refuse it in a part, so `a\u0000b` would read back as two parts), and no other C0 or
 * C1 control, DEL or U+2028/U+2029 belongs in an id: they break log lines, CSV exports, the read
 * store's `|`-joined `_id`s and the newline-joined id lists. A lone surrogate has no UTF-8 form: the
 * peer would store U+FFFD and the key would no longer match the id the client holds.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udfff]/u;

/** The first character no id may hold, as `U+XXXX at position N` (counted in UTF-16 units from 0), or undefined. */
export function unsafeCharacterIn(text: string): string | undefined {
  const match = UNSAFE_CHARACTER.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${codePoint} at position ${match.index}`;
}

/** Whether text is fit to be an id: a ledger key part or a read-store `_id`. */
export const isCleanText = (text: string): boolean => !UNSAFE_CHARACTER.test(text);

/**
 * The start of every id schema shared by chaincode and gateway: a string with no control character,
 * line separator or lone surrogate. Refusing stops the field's other checks, so the caller hears the
 * one thing that is wrong. Chain the field's own rule after it.
 *
 * @example
 * const LotNumberSchema = cleanId('LOT42').regex(/^[A-Za-z0-9._-]{1,20}$/, 'must be 1–20 letters, digits, . _ or -');
 */
export function cleanId(example: string): z.ZodString {
  return z.string().superRefine((value, context) => {
    const found = unsafeCharacterIn(value);
    if (found !== undefined) {
      context.addIssue({ code: 'custom', message: `must not contain control characters, line separators or lone surrogates (found ${found}), e.g. ${example}`, continue: false });
    }
  });
}
