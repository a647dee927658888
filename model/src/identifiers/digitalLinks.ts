import { DigitalLinkError } from '../digitalLink';
import { IdentifierKinds, identifierPath, pathKeyOf, readIdentifierPath, type TraceIdentifier } from './identifierKinds';

/** The kinds whose codes this ledger prints: `/codes/qr` draws them and their signatures are checked. */
const PRINTED = IdentifierKinds.filter((kind) => kind.printed);

/**
 * Reads the identifier of a code this ledger prints from its Digital Link path or URI (any domain,
 * any query string). Throws a {@link DigitalLinkError} saying what is wrong.
 *
 * @example
 * parseDigitalLink('https://id.example.cn/01/09521234543213/10/LOT42?s=…') // { kind: 'lot', gtin: '09521234543213', lot: 'LOT42' }
 */
export function parseDigitalLink(uriOrPath: string): TraceIdentifier {
  const id = readIdentifierPath(uriOrPath, PRINTED);
  if (!id) throw new DigitalLinkError(`no GS1 primary key (AI ${[...new Set(PRINTED.map(pathKeyOf))].join(' or ')}) in the path`);
  return id;
}

/** The canonical path of an identifier, e.g. `/01/09521234543213/10/LOT%2042`: what codes are signed over. */
export const digitalLinkPath = identifierPath;
