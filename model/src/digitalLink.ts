import { isGtin14 } from './gs1';

/**
 * GS1 Digital Link identifiers of traceable things, the text inside every traceledger QR code:
 * a lot (`/01/{gtin}/10/{lot}`), a serialised unit (`/01/{gtin}/21/{serial}`) or an asset such as an
 * elevator (`/8004/{giai}`). Values are percent-encoded; the path alone (no domain) is the canonical
 * identifier that codes are signed over, so a code verifies whichever resolver serves it.
 */
export type TraceIdentifier =
  | { kind: 'lot'; gtin: string; lot: string }
  | { kind: 'serial'; gtin: string; serial: string }
  | { kind: 'asset'; giai: string };

/** GS1 AI 82-character set (what AIs 10, 21 and 8004 may contain). */
const AI82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export class DigitalLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigitalLinkError';
  }
}

/** Percent-encodes a value as GS1 Digital Link requires: everything but RFC 3986 unreserved characters. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function checkValue(ai: string, value: string, maxLength: number): void {
  if (value.length === 0 || value.length > maxLength || !AI82.test(value)) {
    throw new DigitalLinkError(`AI ${ai} must be 1–${maxLength} characters of the GS1 AI 82 character set, got ${JSON.stringify(value)}`);
  }
}

function checkGtin(gtin: string): void {
  if (!isGtin14(gtin)) {
    throw new DigitalLinkError(`AI 01 must be a GTIN-14 with a valid check digit, got ${JSON.stringify(gtin)}`);
  }
}

/** The canonical path of an identifier, e.g. `/01/09521234543213/10/LOT%2042`. */
export function digitalLinkPath(id: TraceIdentifier): string {
  switch (id.kind) {
    case 'lot':
      checkGtin(id.gtin);
      checkValue('10', id.lot, 20);
      return `/01/${id.gtin}/10/${encodeValue(id.lot)}`;
    case 'serial':
      checkGtin(id.gtin);
      checkValue('21', id.serial, 20);
      return `/01/${id.gtin}/21/${encodeValue(id.serial)}`;
    case 'asset':
      checkValue('8004', id.giai, 30);
      if (!/^\d{4,12}/.test(id.giai)) {
        throw new DigitalLinkError('AI 8004 (GIAI) must start with the GS1 company prefix digits');
      }
      return `/8004/${encodeValue(id.giai)}`;
  }
}

/**
 * Reads the identifier from a Digital Link path or URI (any domain, any query string). Throws a
 * {@link DigitalLinkError} saying what is wrong.
 *
 * @example
 * parseDigitalLink('https://id.example.cn/01/09521234543213/10/LOT42?s=…') // { kind: 'lot', gtin: '09521234543213', lot: 'LOT42' }
 */
export function parseDigitalLink(uriOrPath: string): TraceIdentifier {
  let path = uriOrPath;
  if (/^https?:\/\//i.test(uriOrPath)) {
    path = new URL(uriOrPath).pathname;
  }
  path = path.split('?')[0];
  const parts = path.split('/').filter((p) => p.length > 0);
  let values: string[];
  try {
    values = parts.map((p) => decodeURIComponent(p));
  } catch {
    throw new DigitalLinkError('the path has a malformed percent-encoding');
  }
  // A resolver may serve Digital Link under a prefix path: find the first primary key AI.
  const start = values.findIndex((v, i) => (v === '01' || v === '8004') && i + 1 < values.length);
  if (start < 0) {
    throw new DigitalLinkError('no GS1 primary key (AI 01 or 8004) in the path');
  }
  const [ai, key, qualifierAi, qualifier, ...rest] = values.slice(start);
  if (rest.length > 0) {
    throw new DigitalLinkError(`unexpected path segments after the identifier: /${rest.join('/')}`);
  }
  let id: TraceIdentifier;
  if (ai === '8004') {
    if (qualifierAi !== undefined) throw new DigitalLinkError('AI 8004 takes no qualifier');
    id = { kind: 'asset', giai: key };
  } else if (qualifierAi === '10' && qualifier !== undefined) {
    id = { kind: 'lot', gtin: key, lot: qualifier };
  } else if (qualifierAi === '21' && qualifier !== undefined) {
    id = { kind: 'serial', gtin: key, serial: qualifier };
  } else {
    throw new DigitalLinkError('AI 01 must be followed by /10/{lot} or /21/{serial}');
  }
  digitalLinkPath(id); // validates check digit, lengths and characters
  return id;
}
