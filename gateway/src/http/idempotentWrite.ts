import type { Request } from 'express';
import type { ClientIdentity } from '../fabric';
import { requestHashOf, type IdempotentSubmitter, type IdempotentWrite, type WriteOutcome, type WriteResult } from '../ledgerWrites';
import { Refusal } from '../refusal';
import { toHttpError } from './errorMapping';
import { badRequest } from './httpError';

export interface WriteAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * The HTTP face of {@link IdempotentSubmitter}: reads the request's Idempotency-Key and hash, and
 * answers a write's outcome with a status and body (201 when committed; a replayed refusal or
 * invalidation with its status and a problem body).
 */
export class IdempotentWriter {
  constructor(private readonly submitter: IdempotentSubmitter) {}

  /**
   * Submits `fn(args)` once per (subject, Idempotency-Key, step). Routes that make several
   * transactions for one request name each step.
   */
  async write(request: Request, subject: string, identity: ClientIdentity, fn: string, args: string[], step = 'main'): Promise<WriteAnswer> {
    const idempotencyKey = idempotencyKeyOf(request.header('Idempotency-Key'), (request.body as { idempotencyKey?: unknown } | undefined)?.idempotencyKey);
    const requestHash = requestHashOf(request.method, request.originalUrl, request.body);
    const { outcome, replayed } = await this.submitter.submitOnce(identity, fn, args, { subject, idempotencyKey, step, requestHash });
    return { ...answerOfOutcome(outcome), replayed };
  }

  /** For callers that read the key themselves (a reading upload anchors several windows under one key). */
  submitOnce(identity: ClientIdentity, fn: string, args: string[], write: IdempotentWrite): Promise<WriteResult> {
    return this.submitter.submitOnce(identity, fn, args, write);
  }
}

function answerOfOutcome(outcome: WriteOutcome): { status: number; body: unknown } {
  switch (outcome.kind) {
    case 'committed':
      return { status: 201, body: outcome.committed };
    case 'refused': {
      const http = toHttpError(new Refusal(outcome.refusal.kind, outcome.refusal.detail));
      return { status: http.status, body: { title: 'refused', status: http.status, detail: http.message } };
    }
    case 'invalidated':
      return { status: 409, body: { title: 'not committed', detail: `transaction ${outcome.txId} was invalidated (code ${outcome.validationCode})` } };
  }
}

/**
 * The request's Idempotency-Key: the header, or — since browsers' HTML forms cannot set headers — an
 * `idempotencyKey` field of the body. Both may be sent, if they agree: two different keys would leave
 * it to chance which one a retry has to repeat.
 */
export function idempotencyKeyOf(header: string | undefined, field: unknown): string {
  const fromField = typeof field === 'string' ? field : undefined;
  if (header !== undefined && fromField !== undefined && header !== fromField) {
    // The keys themselves stay out of the answer: like tokens, they are never logged.
    throw badRequest("the Idempotency-Key header and the body's idempotencyKey differ: send one key, or the same in both");
  }
  const key = header ?? fromField;
  if (!key || !/^[A-Za-z0-9._:-]{8,128}$/.test(key)) {
    throw badRequest('the Idempotency-Key header is required on write routes (HTML forms: an idempotencyKey field): 8–128 letters, digits or . _ : -');
  }
  return key;
}

/** The HTTP answer of a write; a replayed one says so in a header. */
export function answerOf(answer: WriteAnswer): { status: number; body: unknown; headers: Record<string, string> } {
  return { status: answer.status, body: answer.body, headers: answer.replayed ? { 'Idempotent-Replayed': 'true' } : {} };
}
