import { DigitalLinkError, pathValues } from '../digitalLink';
import { drugTraceCodeKind, type DrugTraceCode } from './drugTraceCode';
import { assetKind, type AssetIdentifier } from './giai';
import { lotKind, type LotIdentifier } from './gs1Lot';
import { serialKind, type SerialIdentifier } from './gs1Serial';
import type { ClueSubjectRole, IdentifierKind } from './identifierKind';
import { logisticUnitKind, type LogisticUnitIdentifier } from './sscc';

/** What a scanned code names, of any kind the ledger recognises. */
export type TraceIdentifier = LotIdentifier | SerialIdentifier | AssetIdentifier | LogisticUnitIdentifier | DrugTraceCode;

/**
 * Every identifier kind the ledger recognises, whether or not a domain serves it yet. Kinds sharing
 * a key are tried in this order.
 */
export const IdentifierKinds: readonly IdentifierKind<TraceIdentifier>[] = [lotKind, serialKind, assetKind, logisticUnitKind, drugTraceCodeKind];

/** The first segment of a kind's path: its GS1 primary-key AI, or its name. */
export const pathKeyOf = (kind: Pick<IdentifierKind<TraceIdentifier>, 'route'>): string => kind.route.split('/')[1];

/** The kind of an identifier. */
export function identifierKindOf(id: Pick<TraceIdentifier, 'kind'>): IdentifierKind<TraceIdentifier> {
  const found = IdentifierKinds.find((kind) => kind.kind === id.kind);
  if (!found) throw new TypeError(`no identifier kind ${JSON.stringify(id.kind)}`);
  return found;
}

/** Reads the identifier from segments that start at its key. */
function fromValues(kinds: readonly IdentifierKind<TraceIdentifier>[], [key, ...after]: readonly string[]): TraceIdentifier {
  if (after.length > 5) {
    throw new DigitalLinkError(`unexpected path segments after the identifier: /${after.slice(5).join('/')}`);
  }
  const sharing = kinds.filter((kind) => pathKeyOf(kind) === key);
  for (const kind of sharing) {
    const id = kind.fromPath(after);
    if (id) return id;
  }
  const shapes = sharing.map((kind) => `/${kind.route.split('/').slice(3).join('/')}`);
  throw new DigitalLinkError(`AI ${key} must be followed by ${shapes.join(' or ')}`);
}

/**
 * Reads the identifier from a resolver path or URI (any domain, any query string; a resolver may
 * serve under a prefix path, so the first key of a kind starts it). Undefined when no kind's key is
 * in the path; throws a {@link DigitalLinkError} saying what is wrong when one is but its value is not.
 *
 * @example
 * readIdentifierPath('https://id.example.cn/00/106141411234567897') // { kind: 'logisticUnit', sscc: '106141411234567897' }
 * readIdentifierPath('/99/whatever') // undefined
 */
export function readIdentifierPath(uriOrPath: string, kinds: readonly IdentifierKind<TraceIdentifier>[] = IdentifierKinds): TraceIdentifier | undefined {
  const values = pathValues(uriOrPath);
  const keys = new Set(kinds.map(pathKeyOf));
  const start = values.findIndex((value, i) => keys.has(value) && i + 1 < values.length);
  if (start < 0) return undefined;
  const id = fromValues(kinds, values.slice(start));
  const { attributes } = identifierKindOf(id);
  return attributes ? attributes(id, new URL(uriOrPath, 'http://resolver.invalid').searchParams) : id;
}

/**
 * Reads the identifier from a bare string: a GS1 element string, a GIAI URN, a drug trace code's
 * digits, or a resolver path. Undefined when no kind reads it; throws a {@link DigitalLinkError} when
 * a kind does but its value is wrong (a check digit, say).
 *
 * @example
 * readIdentifierText('(01)09521234543213(10)LOT42') // { kind: 'lot', gtin: '09521234543213', lot: 'LOT42' }
 */
export function readIdentifierText(text: string): TraceIdentifier | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('/') || /^https?:\/\//i.test(trimmed)) return readIdentifierPath(trimmed);
  for (const kind of IdentifierKinds) {
    const id = kind.fromText(trimmed);
    if (id) return id;
  }
  return undefined;
}

/** The resolver path of an identifier of any kind, values percent-encoded; throws a {@link DigitalLinkError} when it is not valid. */
export const identifierPath = (id: TraceIdentifier): string => identifierKindOf(id).path(id);

/** The human-readable form of an identifier: its GS1 element string, or its printed digits. */
export const identifierText = (id: TraceIdentifier): string => identifierKindOf(id).text(id);

/**
 * The identifier a subject id names (a resolver path without its leading slash, as clues, scans and
 * trace events name what they are about), or undefined when it names none, or names it wrongly.
 */
export function subjectIdentifier(subjectId: string): TraceIdentifier | undefined {
  const segments = subjectId.split('/');
  // A path read leniently (a query cut off, empty segments skipped) would name the item under a second spelling.
  if (subjectId.includes('?') || segments.includes('') || !IdentifierKinds.some((kind) => pathKeyOf(kind) === segments[0])) return undefined;
  try {
    return readIdentifierPath(`/${subjectId}`);
  } catch {
    return undefined;
  }
}

/** Whether a risk clue in `role` may name this subject: it names an identifier of a kind that allows it. */
export function isClueSubject(subjectId: string, role: ClueSubjectRole): boolean {
  const id = subjectIdentifier(subjectId);
  return id !== undefined && identifierKindOf(id).clueSubject.includes(role);
}

/** The keys of the kinds a clue in `role` may name, as the start of a subject id: `^(?:01|8004)/`. */
export function clueSubjectStart(role: ClueSubjectRole): RegExp {
  const keys = [...new Set(IdentifierKinds.filter((kind) => kind.clueSubject.includes(role)).map(pathKeyOf))];
  return new RegExp(`^(?:${keys.join('|')})/`);
}
