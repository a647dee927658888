import { checkGtin, checkValue, DigitalLinkError, encodeValue } from '../digitalLink';
import { elementString, pairsOf } from './elementString';
import type { IdentifierKind } from './identifierKind';

/** A lot (batch) of a trade item: GTIN (AI 01) and lot number (AI 10). */
export interface LotIdentifier {
  kind: 'lot';
  gtin: string;
  lot: string;
}

function path(id: LotIdentifier): string {
  checkGtin(id.gtin);
  checkValue('10', id.lot, 20);
  return `/01/${id.gtin}/10/${encodeValue(id.lot)}`;
}

/** A lot's identifier once its path has checked it. */
function checked(gtin: string, lot: string): LotIdentifier {
  const id: LotIdentifier = { kind: 'lot', gtin, lot };
  path(id);
  return id;
}

export const lotKind: IdentifierKind<LotIdentifier> = {
  kind: 'lot',
  route: '/01/{gtin}/10/{lot}',
  printed: true,
  clueSubject: ['complaint'],
  // A serial after the lot makes it a unit (`/01/{gtin}/10/{lot}/21/{serial}`), which the serial kind reads.
  fromPath([gtin, qualifierAi, lot, ...rest]) {
    if (qualifierAi !== '10' || lot === undefined) return undefined;
    if (rest.length === 0) return checked(gtin, lot);
    if (rest[0] === '21') return undefined;
    throw new DigitalLinkError(`unexpected path segments after the identifier: /${rest.join('/')}`);
  },
  fromText(text) {
    const values = pairsOf(text, ['01', '10']);
    return values && checked(values[0], values[1]);
  },
  path,
  text: (id) => elementString([['01', id.gtin], ['10', id.lot]]),
};
