/** An error with the HTTP status and message the client should see. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, extra?: Record<string, unknown>): HttpError => new HttpError(400, message, extra);
export const forbiddenRequest = (message: string): HttpError => new HttpError(403, message);
export const notFoundRequest = (message: string): HttpError => new HttpError(404, message);
export const conflictRequest = (message: string, headers?: Record<string, string>): HttpError => new HttpError(409, message, {}, headers);
export const unavailable = (message: string, retryAfterSeconds = 5): HttpError =>
  new HttpError(503, message, {}, { 'Retry-After': String(retryAfterSeconds) });
