import { checkValue, DigitalLinkError, encodeValue } from '../digitalLink';
import { isGiaiUrn } from '../gs1';
import { elementString, pairsOf } from './elementString';
import type { IdentifierKind } from './identifierKind';

/** An asset (GIAI, AI 8004): an elevator, a temperature logger, other equipment. */
export interface AssetIdentifier {
  kind: 'asset';
  /** GS1 company prefix and asset reference, run together as AI 8004 writes them. */
  giai: string;
}

function path(id: AssetIdentifier): string {
  checkValue('8004', id.giai, 30);
  if (!/^\d{4,12}/.test(id.giai)) {
    throw new DigitalLinkError('AI 8004 (GIAI) must start with the GS1 company prefix digits');
  }
  return `/8004/${encodeValue(id.giai)}`;
}

function checked(giai: string): AssetIdentifier {
  const id: AssetIdentifier = { kind: 'asset', giai };
  path(id);
  return id;
}

export const assetKind: IdentifierKind<AssetIdentifier> = {
  kind: 'asset',
  route: '/8004/{giai}',
  printed: true,
  clueSubject: ['complaint', 'hourlyScans'],
  fromPath([value, qualifierAi]) {
    if (qualifierAi !== undefined) throw new DigitalLinkError('AI 8004 takes no qualifier');
    return checked(value);
  },
  fromText(text) {
    // Loggers are registered by their EPC URN; the dot between prefix and reference is not part of AI 8004.
    if (isGiaiUrn(text)) return checked(text.slice('urn:epc:id:giai:'.length).replace('.', ''));
    const values = pairsOf(text, ['8004']);
    return values && checked(values[0]);
  },
  path,
  text: (id) => elementString([['8004', id.giai]]),
};
