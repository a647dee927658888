import { DigitalLinkError } from '../digitalLink';
import type { IdentifierKind } from './identifierKind';

/**
 * China's 20-digit drug trace code (药品追溯码, 码上放心): one per pack at every packaging level,
 * printed as Code 128C. Not a GS1 key, so its resolver path is the ledger's own.
 */
export interface DrugTraceCode {
  kind: 'drugTraceCode';
  code: string;
}

/** The parts of a drug trace code: 7-digit product identification code, 9-digit serial, 4 check digits. */
export interface DrugTraceCodeParts {
  product: string;
  serial: string;
  check: string;
}

/**
 * Splits a code into its parts. The check digits' algorithm is not public, so they are kept, not
 * verified: whether a code is real is known from its product code's registration and its issue.
 *
 * @example
 * drugTraceCodeParts('81234560000000421234') // { product: '8123456', serial: '000000042', check: '1234' }
 */
export const drugTraceCodeParts = (code: string): DrugTraceCodeParts => ({ product: code.slice(0, 7), serial: code.slice(7, 16), check: code.slice(16) });

function path(id: DrugTraceCode): string {
  if (!/^\d{20}$/.test(id.code)) {
    throw new DigitalLinkError(`a drug trace code must be 20 digits, got ${JSON.stringify(id.code)}`);
  }
  return `/drugcodes/${id.code}`;
}

function checked(code: string): DrugTraceCode {
  const id: DrugTraceCode = { kind: 'drugTraceCode', code };
  path(id);
  return id;
}

export const drugTraceCodeKind: IdentifierKind<DrugTraceCode> = {
  kind: 'drugTraceCode',
  route: '/drugcodes/{code}',
  printed: false,
  clueSubject: [],
  fromPath([code, ...rest]) {
    if (rest.length > 0) throw new DigitalLinkError(`unexpected path segments after the drug trace code: /${rest.join('/')}`);
    return checked(code);
  },
  fromText(text) {
    // Printed in groups of digits under the bar code.
    const digits = text.replace(/[\s-]/g, '');
    return /^\d{20}$/.test(digits) ? checked(digits) : undefined;
  },
  path,
  text: (id) => id.code,
};
