import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import accepts from 'accepts';
import { Router, type RequestHandler } from 'express';
import crypto from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { DigitalLinkError, digitalLinkPath, lotIdOf, parseDigitalLink, type TraceIdentifier } from '../../../model/src';
import { consumerLinkset } from '../consumer/linkset';
import { lotJson } from '../consumer/lotJson';
import type { BannerKind } from '../consumer/lotView';
import { lotPage, problemPage } from '../consumer/page';
import { pickLanguage } from '../consumer/i18n';
import { cacheKeys } from '../projection/cacheKeys';
import { rateLimitHeaders, rateLimitRefusal, type AddressRateLimit } from '../http/addressRateLimit';
import type { GatewayServices } from '../services';
import { resolverHeaders } from './resolverHeaders';
import { registerResolverPaths } from './resolverPaths';

/** Whether a request path is a Digital Link the resolver answers (a lot, a serialised unit or an asset). */
const isDigitalLinkPath = (url: string): boolean => url.startsWith('/01/') || url.startsWith('/8004/');

/** What the resolver needs of a request, whether Express or Node's server handed it over. */
interface ScanRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The client's address (one proxy hop back when the gateway trusts its proxy). */
  clientAddress: string;
  requestId: string;
}

/** JSON when the client asks for it (GS1 resolvers answer `application/linkset+json`), else HTML. */
function wantsJson(request: IncomingMessage): 'linkset' | 'json' | undefined {
  const accept = request.headers.accept;
  // Browsers and phone scanners send text/html first: skip content negotiation for them.
  if (!accept || accept.startsWith('text/html')) return undefined;
  const chosen = accepts(request).type(['text/html', 'application/linkset+json', 'application/json']);
  return chosen === 'application/linkset+json' ? 'linkset' : chosen === 'application/json' ? 'json' : undefined;
}

const ROUTE_LABELS: Record<TraceIdentifier['kind'], string> = { lot: '/01/{gtin}/10/{lot}', serial: '/01/{gtin}/21/{serial}', asset: '/8004/{giai}' };

/** Headers of one answer: the resolver's own ({@link resolverHeaders}) and the request's (request id, rate limit). */
type AnswerHeaders = Record<string, string>;

/** Writes all headers at once (one call instead of one per header: this runs for every scan). */
function reply(request: ScanRequest, response: ServerResponse, status: number, type: string, body: string, headers: AnswerHeaders): void {
  response.writeHead(status, { ...headers, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const problemJson = (status: number, title: string, detail: string, requestId: string): string => JSON.stringify({ type: 'about:blank', title, status, detail, requestId });

/**
 * The Digital Link resolver: a scanned code lands here. Answers the consumer page to browsers and
 * JSON (plain or RFC 9264 linkset) to programs; a malformed identifier is a 400, an unknown one a
 * 404, both with a friendly page. Reads the projection, which follows the ledger within the
 * projection lag: lots are served from memory (consumer views), which the projector invalidates as
 * it writes, so a committed recall shows as soon as its block is projected.
 */
async function resolve(services: GatewayServices, request: ScanRequest, format: 'linkset' | 'json' | undefined, response: ServerResponse, headers: AnswerHeaders): Promise<TraceIdentifier['kind'] | undefined> {
  const url = new URL(request.url, 'http://resolver.invalid');
  const query = url.searchParams;
  const lang = pickLanguage(query.get('lang'), request.headers['accept-language']);
  /** Problems as JSON to programs and as a friendly page to browsers. */
  const problem = (status: 400 | 404, detail: string): void => {
    if (format) {
      reply(request, response, status, 'application/problem+json', problemJson(status, status === 400 ? 'Bad Request' : 'Not Found', detail, request.requestId), headers);
    } else {
      reply(request, response, status, 'text/html', problemPage(lang, status, detail), headers);
    }
  };
  let id: TraceIdentifier;
  try {
    id = parseDigitalLink(request.url);
  } catch (error) {
    problem(400, error instanceof DigitalLinkError ? error.message : 'malformed identifier');
    return undefined;
  }
  const subjectId = digitalLinkPath(id).slice(1);
  const unit = id.kind === 'serial' ? await services.consumerViews.unit(id.gtin, id.serial) : undefined;
  // Only the path and the s/k parameters matter to the signature, whatever domain served the code.
  const verdict = await services.codeVerdicts.verify(url);
  const lotId = id.kind === 'lot' ? lotIdOf(id.gtin, id.lot) : unit?.lotId;
  const lotView = lotId ? await services.consumerViews.lot(lotId) : undefined;
  // Counted off the request path; a sold unit's scans feed the after-sale clone rule. Scans of codes
  // that neither verify nor exist are counted apart: invented serials cannot build a clue.
  services.scans.record({
    subjectId,
    known: verdict.status === 'authentic' || unit !== undefined || (id.kind === 'lot' && lotView !== undefined),
    regionHint: query.get('r') ?? undefined,
    clientAddress: request.clientAddress,
    ...(unit?.unit.sale ? { soldAt: unit.unit.sale.eventTime } : {}),
  });
  if (!lotId || !lotView) {
    problem(404, `nothing is registered under ${digitalLinkPath(id)}`);
    return id.kind;
  }
  // A sold unit shows its sale before the lot's own warnings; a possibly stale page says so last.
  const outOfDate = services.projector.mayBeOutOfDate(cacheKeys.lot(lotId)) || (id.kind === 'serial' && services.projector.mayBeOutOfDate(cacheKeys.unit(id.gtin, id.serial)));
  const banners: BannerKind[] = [...(unit?.unit.sale ? ['sold' as const] : []), ...lotView.banners, ...(outOfDate ? ['outOfDate' as const] : [])];
  const view = banners.length === lotView.banners.length ? lotView : { ...lotView, banners };
  if (format === 'linkset') {
    const linkset = consumerLinkset(`${services.resolverBase}${digitalLinkPath(id)}`, view.lot.product);
    reply(request, response, 200, 'application/linkset+json', JSON.stringify(linkset), headers);
  } else if (format === 'json') {
    reply(request, response, 200, 'application/json', lotJson(id, verdict, view, unit?.unit), headers);
  } else {
    reply(request, response, 200, 'text/html', lotPage(view, verdict, { lang, timeZone: services.displayTimeZone, query }, unit && { ...unit.unit, subjectId }), headers);
  }
  return id.kind;
}

/** The client's address: the socket's, or with a trusted proxy in front the one it forwarded (one hop, as Express's `trust proxy` 1). */
function clientAddressOf(request: IncomingMessage, trustProxy: boolean): string {
  const socket = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  if (!trustProxy || typeof forwarded !== 'string') return socket;
  return forwarded.split(',').pop()?.trim() || socket;
}

/**
 * The resolver for anonymous scans, ahead of Express: scans are most of the traffic, and Express's
 * routing, request logging (which would keep each consumer's address), per-request security
 * headers, body parsing and token checks are all work a scan does not need. It keeps what a scan
 * does need: the anonymous rate limit (the same allowance as the rest of the API), a request id,
 * metrics and error logging. Returns false for anything else (requests with a token included),
 * which then goes to Express ({@link resolverRoutes}).
 */
export function resolverFastPath(services: GatewayServices, rateLimit: AddressRateLimit): (request: IncomingMessage, response: ServerResponse) => boolean {
  const answerHeaders = resolverHeaders(services.publicHttps);
  return (request, response) => {
    const url = request.url ?? '/';
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !isDigitalLinkPath(url) || request.headers.authorization) return false;
    const incoming = request.headers['x-request-id'];
    const scan: ScanRequest = {
      method: request.method,
      url,
      headers: request.headers,
      clientAddress: clientAddressOf(request, services.trustProxy),
      requestId: typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID(),
    };
    const decision = rateLimit.take(scan.clientAddress);
    const headers = { ...answerHeaders, 'X-Request-Id': scan.requestId, ...rateLimitHeaders(rateLimit, decision) };
    const stop = services.metrics.latency.startTimer();
    const served = (kind: TraceIdentifier['kind'] | undefined): void => {
      const route = kind ? ROUTE_LABELS[kind] : 'unmatched';
      stop({ method: scan.method, route });
      services.metrics.requests.inc({ method: scan.method, route, status: String(response.statusCode) });
    };
    if (!decision.allowed) {
      const refusal = rateLimitRefusal(rateLimit, decision);
      reply(scan, response, 429, 'application/problem+json', problemJson(429, 'Too Many Requests', refusal.message, scan.requestId), { ...headers, ...refusal.headers });
      served(undefined);
      return true;
    }
    resolve(services, scan, wantsJson(request), response, headers).then(served, (error: unknown) => {
      services.log.error({ err: error, requestId: scan.requestId, url }, 'resolver failed');
      if (!response.headersSent) {
        reply(scan, response, 503, 'application/problem+json', problemJson(503, 'Service Unavailable', 'the trace record cannot be read right now; scan again shortly', scan.requestId), headers);
      }
      served(undefined);
    });
    return true;
  };
}

/** The resolver's routes for requests with a token, behind the usual middleware; and its OpenAPI entries. */
export function resolverRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const answerHeaders = resolverHeaders(services.publicHttps);
  const handler: RequestHandler = async (request, response) => {
    const scan = { method: request.method, url: request.originalUrl, headers: request.headers, clientAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown', requestId: String(request.id) };
    await resolve(services, scan, wantsJson(request), response, answerHeaders);
  };
  router.get('/01/:gtin/10/:lot', handler);
  router.get('/01/:gtin/21/:serial', handler);
  router.get('/8004/:giai', handler);
  registerResolverPaths(api);
  return router;
}
