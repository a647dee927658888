import { checkGtin, checkValue, encodeValue } from '../digitalLink';
import { elementString, pairsOf } from './elementString';
import type { IdentifierKind } from './identifierKind';

/** A serialised unit of a trade item: GTIN (AI 01) and serial number (AI 21). */
export interface SerialIdentifier {
  kind: 'serial';
  gtin: string;
  serial: string;
}

function path(id: SerialIdentifier): string {
  checkGtin(id.gtin);
  checkValue('21', id.serial, 20);
  return `/01/${id.gtin}/21/${encodeValue(id.serial)}`;
}

function checked(gtin: string, serial: string): SerialIdentifier {
  const id: SerialIdentifier = { kind: 'serial', gtin, serial };
  path(id);
  return id;
}

export const serialKind: IdentifierKind<SerialIdentifier> = {
  kind: 'serial',
  route: '/01/{gtin}/21/{serial}',
  printed: true,
  clueSubject: ['complaint', 'hourlyScans', 'scansAfterSale'],
  fromPath: ([gtin, qualifierAi, serial]) => (qualifierAi === '21' && serial !== undefined ? checked(gtin, serial) : undefined),
  fromText(text) {
    const values = pairsOf(text, ['01', '21']);
    return values && checked(values[0], values[1]);
  },
  path,
  text: (id) => elementString([['01', id.gtin], ['21', id.serial]]),
};
