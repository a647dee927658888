/** Ledger writes made once per Idempotency-Key, whatever the transport that carried the request. */
export { IdempotentSubmitter, requestHashOf, type IdempotentWrite } from './idempotentSubmit';
export { idempotencyModel, type IdempotencyRecord } from './idempotencyRecords';
export type { CommittedWrite, WriteOutcome, WriteResult } from './writeOutcome';
