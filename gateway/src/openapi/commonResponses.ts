import { isReference, operationsIn, responseFor, type ApiDocument, type MediaType, type Operation } from './documentTypes';

/** RFC 7807 problem details as every error of the gateway comes (a new object each time: the document is edited in place). */
const problemSchema = (): NonNullable<MediaType['schema']> => ({
  type: 'object',
  properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, requestId: { type: 'string' } },
  required: ['type', 'title', 'status', 'detail', 'requestId'],
});

/**
 * Statuses that come from the gateway's middleware and write path rather than from one route, so
 * no route declares them: each is added where it can happen, unless the route already says more.
 */
const COMMON = {
  401: 'a bearer token was sent and is not valid, has expired or was revoked (public routes too check a token that is sent)',
  413: 'the body is larger than the limit (1 MB; readings uploads 16 MB)',
  422: 'this Idempotency-Key was already used for a different request, or the ledger did not commit the transaction (`txId` names it)',
  404: 'what the request names is not on the ledger, or not projected yet (projection reads: retry in a moment)',
  429: 'too many requests without a token from this address, or more writes a minute than the enterprise\'s quota (Retry-After says when to retry)',
  504: 'the commit outcome is unknown: retry with the same Idempotency-Key to learn it',
} as const;

const hasParameter = (operation: Operation, where: string, name?: string): boolean =>
  (operation.parameters ?? []).some((p) => !isReference(p) && p.in === where && (name === undefined || p.name.toLowerCase() === name.toLowerCase()));

function addProblem(operation: Operation, status: keyof typeof COMMON): void {
  if (operation.responses?.[String(status)] !== undefined) return;
  const response = responseFor(operation, status, COMMON[status]);
  if (response) response.content = { 'application/problem+json': { schema: problemSchema() } };
}

/** Adds to every operation the statuses it can answer besides those its route declares. */
export function addCommonResponses(document: ApiDocument): void {
  for (const { operation } of operationsIn(document)) {
    addProblem(operation, 401);
    addProblem(operation, 429);
    if (operation.requestBody) addProblem(operation, 413);
    const idempotent = hasParameter(operation, 'header', 'Idempotency-Key');
    if (idempotent) {
      addProblem(operation, 422);
      addProblem(operation, 504);
    }
    // Ledger routes (those that may answer 503) and routes naming something in their path may not find it.
    if (hasParameter(operation, 'path') || operation.responses?.['503'] !== undefined) addProblem(operation, 404);
  }
}
