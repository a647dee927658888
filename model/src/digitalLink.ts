import { isGtin14 } from './gs1';

/**
 * GS1 Digital Link syntax, the text inside every traceledger QR code: a path of AI / value pairs
 * such as `/01/{gtin}/10/{lot}`, values percent-encoded. The path alone (no domain) is the canonical
 * identifier that codes are signed over, so a code verifies whichever resolver serves it. Which
 * identifiers exist, and how each is read, is the business of `identifiers/`.
 */

/** GS1 AI 82-character set (what AIs 10, 21 and 8004 may contain). */
const AI82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export class DigitalLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigitalLinkError';
  }
}

/** Percent-encodes a value as GS1 Digital Link requires: everything but RFC 3986 unreserved characters. */
export function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Throws unless the value of `ai` is 1–`maxLength` characters of the AI 82 set. */
export function checkValue(ai: string, value: string, maxLength: number): void {
  if (value.length === 0 || value.length > maxLength || !AI82.test(value)) {
    throw new DigitalLinkError(`AI ${ai} must be 1–${maxLength} characters of the GS1 AI 82 character set, got ${JSON.stringify(value)}`);
  }
}

export function checkGtin(gtin: string): void {
  if (!isGtin14(gtin)) {
    throw new DigitalLinkError(`AI 01 must be a GTIN-14 with a valid check digit, got ${JSON.stringify(gtin)}`);
  }
}

/**
 * The decoded segments of a Digital Link path or URI (any domain, any query string).
 *
 * @example
 * pathValues('https://id.example.cn/01/09521234543213/10/A%2FB?s=…') // ['01', '09521234543213', '10', 'A/B']
 */
export function pathValues(uriOrPath: string): string[] {
  let path = uriOrPath;
  if (/^https?:\/\//i.test(uriOrPath)) {
    path = new URL(uriOrPath).pathname;
  }
  path = path.split('?')[0];
  const parts = path.split('/').filter((p) => p.length > 0);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    throw new DigitalLinkError('the path has a malformed percent-encoding');
  }
}
