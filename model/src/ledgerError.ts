/**
 * The kinds of refusal chaincode can give. Chaincode throws a {@link LedgerError}; its message travels
 * to the client inside the endorsement error as `KIND: message`, and the gateway maps the kind to an
 * HTTP status in one place.
 */
export const LedgerErrorKinds = ['INVALID', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'] as const;
export type LedgerErrorKind = (typeof LedgerErrorKinds)[number];

export class LedgerError extends Error {
  constructor(
    readonly kind: LedgerErrorKind,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'LedgerError';
  }
}

/** The caller's input breaks a rule of the domain (bad field, impossible quantity, …). */
export const invalid = (detail: string): LedgerError => new LedgerError('INVALID', detail);
/** The caller's identity may not do this. */
export const forbidden = (detail: string): LedgerError => new LedgerError('FORBIDDEN', detail);
/** A record the request refers to does not exist. */
export const notFound = (detail: string): LedgerError => new LedgerError('NOT_FOUND', detail);
/** The request conflicts with the ledger's state (duplicate id, wrong status, …). */
export const conflict = (detail: string): LedgerError => new LedgerError('CONFLICT', detail);

/**
 * Finds a chaincode refusal inside an error message from the peer (which wraps it in its own text).
 * Returns undefined when the message carries no known kind.
 */
export function parseLedgerError(message: string): { kind: LedgerErrorKind; detail: string } | undefined {
  const match = /\b(INVALID|FORBIDDEN|NOT_FOUND|CONFLICT): (.*)$/s.exec(message);
  if (!match) {
    return undefined;
  }
  return { kind: match[1] as LedgerErrorKind, detail: match[2].trim() };
}
