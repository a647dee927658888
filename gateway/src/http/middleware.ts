import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Metrics } from '../metrics';
import { rateLimitHeaders, rateLimitRefusal, type AddressRateLimit } from './addressRateLimit';
import { toHttpError } from './errorMapping';
import { HttpError } from './httpError';
import { routeTemplatesOf } from './registeredRoutes';
import { allowedMethods, slashAdvice, type RouteTemplate } from './routeTemplates';

/** A request id on every response and log line: the client's X-Request-Id when sane, else a new one. */
export function requestLogging(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    // Tokens and idempotency keys are credentials of a sort: never in logs.
    redact: ['req.headers.authorization', 'req.headers["idempotency-key"]', 'req.headers.cookie'],
    genReqId: (request, response) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
  });
}

/** Request counts and latencies per route template (not per raw path, which would explode labels). */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (request, response, next) => {
    const stop = metrics.latency.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      const label = route ? `${request.baseUrl}${route}` : 'unmatched';
      stop({ method: request.method, route: label });
      metrics.requests.inc({ method: request.method, route: label, status: String(response.statusCode) });
    });
    next();
  };
}

/** Limits requests without a token per client address; authenticated clients are not limited here. */
export function anonymousRateLimit(limit: AddressRateLimit): RequestHandler {
  return (request, response, next) => {
    if (response.locals.principal !== undefined) {
      next();
      return;
    }
    const decision = limit.take(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    for (const [name, value] of Object.entries(rateLimitHeaders(limit, decision))) response.setHeader(name, value);
    next(decision.allowed ? undefined : rateLimitRefusal(limit, decision));
  };
}

/**
 * Writes per enterprise and minute: a valid token is no licence to flood the ledger with junk
 * batches, and every write costs every endorser. Reads and other roles are not counted.
 */
export function enterpriseWriteQuota(quota: AddressRateLimit): RequestHandler {
  return (request, response, next) => {
    const principal = response.locals.principal as { role: string; ent?: string; sub: string } | undefined;
    if (request.method !== 'POST' || principal?.role !== 'enterprise') {
      next();
      return;
    }
    const decision = quota.takeFor(`enterprise:${principal.ent ?? principal.sub}`);
    if (decision.allowed) {
      next();
      return;
    }
    next(new HttpError(429, `more than ${quota.perMinute} writes a minute from enterprise ${principal.ent ?? principal.sub}; slow down or ask the operator for a larger quota`, {}, { 'Retry-After': String(decision.resetSeconds) }));
  };
}

/**
 * Requests no route took: a method a known path lacks gets 405 with Allow; a path that would match a
 * route if an id's slashes were encoded gets a 404 saying what to send; anything else a plain 404.
 */
export function notFoundRoute(api: OpenAPIRegistry): RequestHandler {
  let templates: RouteTemplate[] | undefined;
  return (request) => {
    // Routes register while the app is built, before any request: read them at the first miss.
    templates ??= routeTemplatesOf(api.definitions);
    const allowed = allowedMethods(templates, request.path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      throw new HttpError(405, `${request.method} is not a method of ${request.path}: it answers ${allowed.join(', ')}`, {}, { Allow: allowed.join(', ') });
    }
    const queryAt = request.originalUrl.indexOf('?');
    const query = queryAt < 0 ? '' : request.originalUrl.slice(queryAt);
    throw new HttpError(404, slashAdvice(templates, request.method, request.path, query) ?? `no route ${request.method} ${request.path}`);
  };
}

/**
 * Errors as RFC 7807 problem details with the request id; never a stack trace. Body-parser errors
 * (bad JSON, too large) keep their own 4xx status.
 */
export const problemHandler: ErrorRequestHandler = (error: unknown, request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const parserError = error as { type?: string; status?: number };
  const http =
    parserError.type === 'entity.too.large'
      ? new HttpError(413, 'the request body is larger than the limit')
      : parserError.type === 'entity.parse.failed'
        ? new HttpError(400, 'the request body is not valid JSON')
        : toHttpError(error);
  if (http.status >= 500) {
    request.log.error({ err: error }, 'request failed');
  }
  for (const [name, value] of Object.entries(http.headers)) {
    response.setHeader(name, value);
  }
  response
    .status(http.status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title: titleOf(http.status), status: http.status, detail: http.message, requestId: request.id, ...http.extra });
};

function titleOf(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large',
    415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  };
  return titles[status] ?? 'Error';
}
