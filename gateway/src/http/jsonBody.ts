import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import { HttpError } from './httpError';

/**
 * The gateway parses JSON bodies only (and, for HTML forms, urlencoded ones): any other body reaches
 * the schema as nothing, and "field: required" for every field would hide the one real mistake.
 */

/** Whether the request carries a body: an empty POST (`Content-Length: 0`, or neither length nor chunks) has none to misread. */
export function carriesBody(headers: IncomingHttpHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The answer to a body of another type, saying what to send.
 *
 * @example
 * unsupportedBodyMessage('text/plain', false) // 'send JSON with content-type application/json (this body came as text/plain)'
 */
export function unsupportedBodyMessage(contentType: string | undefined, forms: boolean): string {
  const came = contentType ? `this body came as ${contentType.split(';')[0].trim()}` : 'this body came without a content-type';
  const alternative = forms ? ', or an HTML form as application/x-www-form-urlencoded' : '';
  return `send JSON with content-type application/json${alternative} (${came})`;
}

/** Refuses with 415 a body the route cannot read; `forms`: the route also takes HTML form posts. */
export function requireReadableBody(request: Request, forms: boolean): void {
  if (!carriesBody(request.headers) || request.is('application/json')) return;
  if (forms && request.is('application/x-www-form-urlencoded')) return;
  throw new HttpError(415, unsupportedBodyMessage(request.headers['content-type'], forms));
}
