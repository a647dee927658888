import * as grpc from '@grpc/grpc-js';
import { CommitStatusError, GatewayError } from '@hyperledger/fabric-gateway';
import { ZodError } from 'zod';
import { describeIssues, fieldProblems } from '../../../model/src';
import { CommitRejectedError, ledgerRefusalOf } from '../fabric';
import { Refusal, type RefusalKind } from '../refusal';
import { HttpError, unavailable } from './httpError';

const REFUSAL_STATUS: Record<RefusalKind, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  KEY_REUSED: 422,
  INCONSISTENT: 500,
};
/** TxValidationCode values that mean another write to the same keys won: the client may retry. */
const READ_CONFLICTS = new Set([11, 12]);

/**
 * The one place where failures become HTTP answers: the gateway's own refusals, schema errors,
 * chaincode refusals (from EndorseError details), an unreachable or overloaded network, unknown commit outcomes. Anything else
 * is a 500 without detail; its stack stays in the log.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) {
    return error;
  }
  if (error instanceof Refusal) {
    return httpErrorOf(error);
  }
  if (error instanceof ZodError) {
    return new HttpError(400, describeIssues(error.issues), { issues: fieldProblems(error.issues) });
  }
  const refusal = ledgerRefusalOf(error);
  if (refusal) {
    return new HttpError(REFUSAL_STATUS[refusal.kind], refusal.detail);
  }
  if (error instanceof CommitRejectedError) {
    return READ_CONFLICTS.has(error.validationCode)
      ? new HttpError(409, `a concurrent write changed the same records first (validation code ${error.validationCode}); retry the request`, { txId: error.txId })
      : new HttpError(422, `the ledger did not commit transaction ${error.txId} (validation code ${error.validationCode})`, { txId: error.txId });
  }
  if (error instanceof CommitStatusError) {
    return new HttpError(504, `the commit outcome of transaction ${error.transactionId} is unknown; retry with the same Idempotency-Key to learn it`, { txId: error.transactionId }, { 'Retry-After': '5' });
  }
  // SubmitError (orderer unreachable) is exported as a type only, so it is known by name.
  if (error instanceof GatewayError && (error.name === 'SubmitError' || isUnreachable(error))) {
    return unavailable('the ledger is not reachable right now; retry shortly');
  }
  return new HttpError(500, 'internal error');
}

function isUnreachable(error: GatewayError): boolean {
  return error.code === grpc.status.UNAVAILABLE || error.code === grpc.status.DEADLINE_EXCEEDED || error.code === grpc.status.RESOURCE_EXHAUSTED;
}

function httpErrorOf(refusal: Refusal): HttpError {
  const headers: Record<string, string> = {};
  // A 401 names the scheme that would have let the request in.
  if (refusal.kind === 'UNAUTHENTICATED') headers['WWW-Authenticate'] = 'Bearer';
  if (refusal.retryAfterSeconds !== undefined) headers['Retry-After'] = String(refusal.retryAfterSeconds);
  return new HttpError(REFUSAL_STATUS[refusal.kind], refusal.message, {}, headers);
}
