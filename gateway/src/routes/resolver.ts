import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import crypto from 'node:crypto';
import { DigitalLinkError, digitalLinkPath, lotIdOf, parseDigitalLink, type TraceIdentifier } from '../../../model/src';
import { lotJson } from '../consumer/lotJson';
import { lotPage, problemPage } from '../consumer/page';
import { pickLanguage } from '../consumer/i18n';
import { rateLimitHeaders, rateLimitRefusal, type AddressRateLimit } from '../http/addressRateLimit';
import type { GatewayServices } from '../services';

/** Whether a request path is a Digital Link the resolver answers (a lot, a serialised unit or an asset). */
const isDigitalLinkPath = (url: string): boolean => url.startsWith('/01/') || url.startsWith('/8004/');

/** JSON when the client asks for it (GS1 resolvers answer `application/linkset+json`), else HTML. */
function wantsJson(request: Request): 'linkset' | 'json' | undefined {
  const accept = request.headers.accept;
  // Browsers and phone scanners send text/html first: skip content negotiation for them.
  if (!accept || accept.startsWith('text/html')) return undefined;
  const accepts = request.accepts(['text/html', 'application/linkset+json', 'application/json']);
  return accepts === 'application/linkset+json' ? 'linkset' : accepts === 'application/json' ? 'json' : undefined;
}

/**
 * Headers of every resolver answer. The consumer page has no script and loads nothing from
 * elsewhere, so its policy is stricter than the rest of the API's; nothing is cached by proxies,
 * because a recall must show on the next scan.
 */
const RESOLVER_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
  Vary: 'Accept, Accept-Language',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

const ROUTE_LABELS: Record<TraceIdentifier['kind'], string> = { lot: '/01/{gtin}/10/{lot}', serial: '/01/{gtin}/21/{serial}', asset: '/8004/{giai}' };

/** Headers of one answer besides the resolver's own (request id, rate limit). */
type AnswerHeaders = Record<string, string>;

/** Writes all headers at once (one call instead of one per header: this runs for every scan). */
function reply(response: Response, status: number, type: string, body: string, headers: AnswerHeaders): void {
  response.writeHead(status, { ...RESOLVER_HEADERS, ...headers, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/**
 * The Digital Link resolver: a scanned code lands here. Answers the consumer page to browsers and
 * JSON (plain or RFC 9264 linkset) to programs; a malformed identifier is a 400, an unknown one a
 * 404, both with a friendly page. Reads the projection, which follows the ledger within the
 * projection lag: lots are served from memory (consumer views), which the projector invalidates as
 * it writes, so a committed recall shows as soon as its block is projected.
 */
async function resolve(services: GatewayServices, request: Request, response: Response, requestId: string, headers: AnswerHeaders = {}): Promise<TraceIdentifier['kind'] | undefined> {
  const lang = pickLanguage(request.query.lang, request.headers['accept-language']);
  const format = wantsJson(request);
  /** Problems as JSON to programs and as a friendly page to browsers. */
  const problem = (status: 400 | 404, detail: string): void => {
    if (format) {
      reply(response, status, 'application/problem+json', JSON.stringify({ type: 'about:blank', title: status === 400 ? 'Bad Request' : 'Not Found', status, detail, requestId }), headers);
    } else {
      reply(response, status, 'text/html', problemPage(lang, status, detail), headers);
    }
  };
  let id: TraceIdentifier;
  try {
    id = parseDigitalLink(request.originalUrl);
  } catch (error) {
    problem(400, error instanceof DigitalLinkError ? error.message : 'malformed identifier');
    return undefined;
  }
  const subjectId = digitalLinkPath(id).slice(1);
  const unit = id.kind === 'serial' ? await services.consumerViews.unit(id.gtin, id.serial) : undefined;
  // Counted off the request path; a sold unit's scans feed the after-sale clone rule.
  services.scans.record({
    subjectId,
    regionHint: typeof request.query.r === 'string' ? request.query.r : undefined,
    clientAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown',
    ...(unit?.unit.sale ? { soldAt: unit.unit.sale.eventTime } : {}),
  });
  // Only the path and the s/k parameters matter to the signature, whatever domain served the code.
  const verdict = await services.codeVerdicts.verify(request.originalUrl);
  const lotId = id.kind === 'lot' ? lotIdOf(id.gtin, id.lot) : unit?.lotId;
  const lotView = lotId ? await services.consumerViews.lot(lotId) : undefined;
  if (!lotView) {
    problem(404, `nothing is registered under ${digitalLinkPath(id)}`);
    return id.kind;
  }
  // A sold unit shows its sale before the lot's own warnings.
  const view = unit?.unit.sale ? { ...lotView, banners: ['sold' as const, ...lotView.banners] } : lotView;
  if (format === 'linkset') {
    const anchor = `${services.resolverBase}${digitalLinkPath(id)}`;
    const linkset = { linkset: [{ anchor, 'https://gs1.org/voc/pip': [{ href: `${anchor}?lang=${lang}`, type: 'text/html', hreflang: [lang === 'zh' ? 'zh-CN' : 'en'], title: view.lot.product }] }] };
    reply(response, 200, 'application/linkset+json', JSON.stringify(linkset), headers);
  } else if (format === 'json') {
    reply(response, 200, 'application/json', lotJson(id, verdict, view, unit?.unit), headers);
  } else {
    reply(response, 200, 'text/html', lotPage(view, verdict, lang, new URL(request.originalUrl, 'http://resolver.invalid').searchParams, unit && { ...unit.unit, subjectId }), headers);
  }
  return id.kind;
}

/**
 * The resolver for anonymous scans, mounted before every other middleware: scans are most of the
 * traffic, and request logging (which would keep each consumer's address), security headers per
 * request, body parsing and token checks are all work a scan does not need. It keeps what a scan
 * does need: the anonymous rate limit (the same counter as the rest of the API), a request id,
 * metrics and error logging. Requests with a token go the ordinary way ({@link resolverRoutes}).
 */
export function resolverFastPath(services: GatewayServices, rateLimit: AddressRateLimit): RequestHandler {
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !isDigitalLinkPath(request.url) || request.headers.authorization) {
      next();
      return;
    }
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    request.id = requestId;
    const decision = rateLimit.take(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    const headers = { 'X-Request-Id': requestId, ...rateLimitHeaders(rateLimit, decision) };
    if (!decision.allowed) {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      next(rateLimitRefusal(rateLimit, decision));
      return;
    }
    const stop = services.metrics.latency.startTimer();
    const served = (kind: TraceIdentifier['kind'] | undefined): void => {
      const route = kind ? ROUTE_LABELS[kind] : 'unmatched';
      stop({ method: request.method, route });
      services.metrics.requests.inc({ method: request.method, route, status: String(response.statusCode) });
    };
    resolve(services, request, response, requestId, headers).then(served, (error: unknown) => {
      services.log.error({ err: error, requestId, url: request.originalUrl }, 'resolver failed');
      if (!response.headersSent) {
        reply(response, 503, 'application/problem+json', JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'the trace record cannot be read right now; scan again shortly', requestId }), headers);
      }
      served(undefined);
    });
  };
}

/** The resolver's routes for requests with a token, behind the usual middleware; and its OpenAPI entries. */
export function resolverRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const handler: RequestHandler = async (request, response) => {
    await resolve(services, request, response, String(request.id));
  };
  router.get('/01/:gtin/10/:lot', handler);
  router.get('/01/:gtin/21/:serial', handler);
  router.get('/8004/:giai', handler);
  api.registerPath({
    method: 'get',
    path: '/01/{gtin}/10/{lot}',
    summary: 'GS1 Digital Link resolver for a lot: consumer page (HTML), JSON, or application/linkset+json by Accept',
    description: 'Source: projection (lots held in memory, invalidated per block). Public. Query s/k carry the code signature; lang=zh|en picks the page language; r=<6-digit region> is an optional region hint for clone detection.',
    tags: ['resolver'],
    responses: { 200: { description: 'the lot as a consumer sees it' }, 400: { description: 'malformed identifier' }, 404: { description: 'unknown identifier' }, 429: { description: 'too many anonymous requests from this address' } },
  });
  api.registerPath({
    method: 'get',
    path: '/01/{gtin}/21/{serial}',
    summary: "GS1 Digital Link resolver for a serialised unit: its lot's consumer page plus the unit and its sale (sold banner), HTML or JSON by Accept",
    description: "Source: projection. Public. 404 when the serial is not commissioned. A sold unit's scans count towards the after-sale clone rule.",
    tags: ['resolver'],
    responses: { 200: { description: 'the unit and its lot as a consumer sees them' }, 400: { description: 'malformed identifier' }, 404: { description: 'serial not commissioned' }, 429: { description: 'too many anonymous requests from this address' } },
  });
  return router;
}
