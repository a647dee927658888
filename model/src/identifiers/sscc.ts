import { DigitalLinkError } from '../digitalLink';
import { isSscc18, wrongCheckDigit } from '../gs1';
import { elementString, pairsOf } from './elementString';
import type { IdentifierKind } from './identifierKind';

/** A logistic unit (SSCC-18, AI 00): a case or a pallet, the parent of what is packed in it. */
export interface LogisticUnitIdentifier {
  kind: 'logisticUnit';
  sscc: string;
}

function path(id: LogisticUnitIdentifier): string {
  if (!isSscc18(id.sscc)) {
    throw new DigitalLinkError(wrongCheckDigit('SSCC', id.sscc) ?? `AI 00 must be an SSCC of 18 digits, got ${JSON.stringify(id.sscc)}`);
  }
  return `/00/${id.sscc}`;
}

function checked(sscc: string): LogisticUnitIdentifier {
  const id: LogisticUnitIdentifier = { kind: 'logisticUnit', sscc };
  path(id);
  return id;
}

export const logisticUnitKind: IdentifierKind<LogisticUnitIdentifier> = {
  kind: 'logisticUnit',
  route: '/00/{sscc}',
  printed: false,
  clueSubject: [],
  fromPath([value, qualifierAi]) {
    if (qualifierAi !== undefined) throw new DigitalLinkError('AI 00 takes no qualifier');
    return checked(value);
  },
  fromText(text) {
    const values = pairsOf(text, ['00']);
    return values && checked(values[0]);
  },
  path,
  text: (id) => elementString([['00', id.sscc]]),
};
