import type { LedgerErrorKind } from '../../model/src';

/**
 * Why the gateway itself refuses a request: the chaincode's kinds, and those only the gateway meets
 * (no valid credentials, an Idempotency-Key reused for another request, stored records that do not add
 * up). `http/errorMapping.ts` turns each kind into an HTTP status, in that one place.
 */
export type RefusalKind = LedgerErrorKind | 'UNAUTHENTICATED' | 'KEY_REUSED' | 'INCONSISTENT';

/**
 * A refusal with the detail the caller should read; `retryAfterSeconds` when trying again later can
 * succeed (a write still in progress, a reading not anchored yet).
 *
 * @example
 * throw new Refusal('NOT_FOUND', `logger ${loggerId} has no reading ${readingId}`);
 */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'Refusal';
  }
}
