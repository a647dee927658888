import { checkGtin, checkValue, DigitalLinkError, encodeValue } from '../digitalLink';
import { elementString, pairsOf } from './elementString';
import type { IdentifierKind } from './identifierKind';

/**
 * A serialised unit of a trade item: GTIN (AI 01) and serial number (AI 21). A scan may also carry
 * what the label prints of it, batch (AI 10: a path qualifier, `/01/{gtin}/10/{lot}/21/{serial}`, or
 * `?10=`) and expiry (AI 17, `?17=YYMMDD`), as a drug's GS1 DataMatrix does: they do not name another
 * unit, and the unit's key and path stay GTIN and serial; a reader compares them with the record.
 */
export interface SerialIdentifier {
  kind: 'serial';
  gtin: string;
  serial: string;
  /** AI 10 as printed on the label. */
  lot?: string;
  /** AI 17 as printed: YYMMDD, DD 00 for the end of the month. */
  expiry?: string;
}

function path(id: SerialIdentifier): string {
  checkGtin(id.gtin);
  checkValue('21', id.serial, 20);
  return `/01/${id.gtin}/21/${encodeValue(id.serial)}`;
}

function checked(gtin: string, serial: string, lot?: string): SerialIdentifier {
  const id: SerialIdentifier = { kind: 'serial', gtin, serial };
  path(id);
  if (lot !== undefined) {
    checkValue('10', lot, 20);
    id.lot = lot;
  }
  return id;
}

/** Adds the label's batch (`10`) and expiry (`17`) from a Digital Link's query to a unit read from its path. */
function withLabelAttributes(id: SerialIdentifier, query: URLSearchParams): SerialIdentifier {
  const lot = query.get('10');
  const expiry = query.get('17');
  if (lot === null && expiry === null) return id;
  const read = { ...id };
  if (lot !== null) {
    checkValue('10', lot, 20);
    if (id.lot !== undefined && id.lot !== lot) throw new DigitalLinkError(`AI 10 is ${JSON.stringify(id.lot)} in the path but ${JSON.stringify(lot)} in the query`);
    read.lot = lot;
  }
  if (expiry !== null) {
    if (!/^\d{2}(0[1-9]|1[0-2])(0\d|[12]\d|3[01])$/.test(expiry)) throw new DigitalLinkError(`AI 17 (expiry) must be 6 digits YYMMDD, got ${JSON.stringify(expiry)}`);
    read.expiry = expiry;
  }
  return read;
}

export const serialKind: IdentifierKind<SerialIdentifier> = {
  kind: 'serial',
  route: '/01/{gtin}/21/{serial}',
  printed: true,
  clueSubject: ['complaint', 'hourlyScans', 'scansAfterSale'],
  fromPath([gtin, qualifierAi, value, nextAi, serial, ...rest]) {
    if (qualifierAi === '21' && value !== undefined && nextAi === undefined) return checked(gtin, value);
    // GS1 Digital Link orders qualifiers 22, 10, 21: a batch may come before the serial.
    if (qualifierAi === '10' && value !== undefined && nextAi === '21' && serial !== undefined && rest.length === 0) return checked(gtin, serial, value);
    return undefined;
  },
  attributes: withLabelAttributes,
  fromText(text) {
    const values = pairsOf(text, ['01', '21']);
    return values && checked(values[0], values[1]);
  },
  path,
  text: (id) => elementString([['01', id.gtin], ['21', id.serial]]),
};
