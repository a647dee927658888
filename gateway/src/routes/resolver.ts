import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import accepts from 'accepts';
import { Router, type RequestHandler } from 'express';
import crypto from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { DigitalLinkError, IdentifierKinds, identifierKindOf, identifierPath, identifierText, pathKeyOf, readIdentifierPath, type TraceIdentifier } from '../../../model/src';
import { problemPage, unservedPage } from '../consumer/page';
import { pickLanguage, Text } from '../consumer/i18n';
import { rateLimitHeaders, rateLimitRefusal, type AddressRateLimit } from '../http/addressRateLimit';
import { handlerOf, type ScanReads } from '../identifiers';
import type { ProjectionReads } from '../projection/projectionReads';
import type { CodeVerdicts } from '../qr';
import type { ScanMonitor } from '../scans/scanMonitor';
import type { GatewayServices } from '../services';
import { resolverHeaders } from './resolverHeaders';
import { registerResolverPaths } from './resolverPaths';

/**
 * What answering a scan reads and records: the item's facts and whether they may be behind the
 * ledger, the code's verdict, the scan tally, the page's time zone and links. Narrowed to the
 * methods a scan calls: anonymous traffic lands here, and a test builds it from plain values.
 */
export interface ScanServices {
  consumerViews: ScanReads['consumerViews'];
  drugCodes: ScanReads['drugCodes'];
  elevatorViews?: ScanReads['elevators'];
  projection: Pick<ProjectionReads, 'mayBeOutOfDate'>;
  codeVerdicts: Pick<CodeVerdicts, 'verify'>;
  scans: Pick<ScanMonitor, 'record'>;
  resolverBase: string;
}

/** The resolver's routes behind Express add their security headers; the fast path ahead of it also reads client addresses, counts and logs. */
export type ResolverServices = ScanServices & Pick<GatewayServices, 'publicHttps' | 'trustProxy' | 'metrics' | 'log'>;

/** The first path segments of the identifier kinds: GS1 primary-key AIs, and names of codes outside GS1. */
const IDENTIFIER_KEYS = new Set(IdentifierKinds.map(pathKeyOf));

/**
 * Whether a request path is a scanned code the resolver answers: one that starts with an identifier
 * kind's key, or with digits as every GS1 AI does (an AI no kind has is answered as an unknown
 * identifier; no other route starts with digits).
 */
function isScanPath(url: string): boolean {
  const first = /^\/([^/?]+)\//.exec(url)?.[1];
  return first !== undefined && (IDENTIFIER_KEYS.has(first) || /^\d+$/.test(first));
}

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

/** Headers of one answer: the resolver's own ({@link resolverHeaders}) and the request's (request id, rate limit). */
type AnswerHeaders = Record<string, string>;

/** Writes all headers at once (one call instead of one per header: this runs for every scan). */
function reply(request: ScanRequest, response: ServerResponse, status: number, type: string, body: string, headers: AnswerHeaders): void {
  response.writeHead(status, { ...headers, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** RFC 9457 problem details; `extension` adds members of the resolver's own, such as the identifier kind it recognised. */
const problemJson = (status: number, title: string, detail: string, requestId: string, extension: Record<string, string> = {}): string =>
  JSON.stringify({ type: 'about:blank', title, status, detail, requestId, ...extension });

/** What the resolver's handlers read, out of the gateway's services. */
const scanReads = (services: ScanServices): ScanReads => ({ consumerViews: services.consumerViews, drugCodes: services.drugCodes, elevators: services.elevatorViews, mayBeOutOfDate: (key) => services.projection.mayBeOutOfDate(key) });

/**
 * The resolver: a scanned code lands here. Recognises the identifier's kind, looks up the facts the
 * kind's handler reads, and answers its page to browsers and JSON (plain or RFC 9264 linkset) to
 * programs. A malformed identifier is a 400; one nothing is registered under, one of a kind no
 * handler serves yet and one no kind recognises are 404s; each with a friendly page in the
 * reader's language. Reads the projection, which follows the ledger within the projection lag.
 */
async function resolve(services: ScanServices, reads: ScanReads, request: ScanRequest, format: 'linkset' | 'json' | undefined, response: ServerResponse, headers: AnswerHeaders): Promise<TraceIdentifier['kind'] | undefined> {
  const url = new URL(request.url, 'http://resolver.invalid');
  const query = url.searchParams;
  const lang = pickLanguage(query.get('lang'), request.headers['accept-language']);
  const t = Text[lang];
  /** Problems as JSON to programs and as a friendly page to browsers. */
  const problem = (status: 400 | 404, detail: string, page?: string, extension?: Record<string, string>): void => {
    if (format) {
      reply(request, response, status, 'application/problem+json', problemJson(status, status === 400 ? 'Bad Request' : 'Not Found', detail, request.requestId, extension), headers);
    } else {
      reply(request, response, status, 'text/html', page ?? problemPage(lang, status, detail), headers);
    }
  };
  let id: TraceIdentifier | undefined;
  try {
    id = IDENTIFIER_KEYS.has(url.pathname.split('/')[1]) ? readIdentifierPath(request.url) : undefined;
  } catch (error) {
    problem(400, error instanceof DigitalLinkError ? error.message : 'malformed identifier');
    return undefined;
  }
  if (!id) {
    const detail = t.unknownCode.replace('{path}', url.pathname);
    problem(404, detail, unservedPage(lang, t.unknownCodeTitle, detail));
    return undefined;
  }
  const subjectId = identifierPath(id).slice(1);
  const handler = handlerOf(id.kind);
  const found = handler ? await handler.facts(id, reads) : { known: false, soldAt: undefined, facts: undefined };
  // Only the path and the s/k parameters matter to the signature, whatever domain served the code.
  const verdict = await services.codeVerdicts.verify(url);
  // Counted off the request path; a sold unit's scans feed the after-sale clone rule. Scans of codes
  // that neither verify nor exist are counted apart: invented serials cannot build a clue.
  services.scans.record({
    subjectId,
    known: verdict.status === 'authentic' || found.known,
    regionHint: query.get('r') ?? undefined,
    clientAddress: request.clientAddress,
    ...(found.soldAt ? { soldAt: found.soldAt } : {}),
  });
  if (!handler) {
    const detail = t.notServed.replace('{kind}', t.identifierKinds[id.kind]).replace('{code}', identifierText(id));
    problem(404, detail, unservedPage(lang, t.notServedTitle, detail, id.kind), { identifierKind: id.kind });
    return id.kind;
  }
  if (found.facts === undefined) {
    problem(404, `nothing is registered under /${subjectId}`);
    return id.kind;
  }
  const answer = handler.answer({ id, subjectId, verdict, format, lang, query, resolverBase: services.resolverBase }, found.facts);
  reply(request, response, 200, answer.type, answer.body, headers);
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
export function resolverFastPath(services: ResolverServices, rateLimit: AddressRateLimit): (request: IncomingMessage, response: ServerResponse) => boolean {
  const answerHeaders = resolverHeaders(services.publicHttps);
  const reads = scanReads(services);
  return (request, response) => {
    const url = request.url ?? '/';
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !isScanPath(url) || request.headers.authorization) return false;
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
      const route = kind ? identifierKindOf({ kind }).route : 'unmatched';
      stop({ method: scan.method, route });
      services.metrics.requests.inc({ method: scan.method, route, status: String(response.statusCode) });
    };
    if (!decision.allowed) {
      const refusal = rateLimitRefusal(rateLimit, decision);
      reply(scan, response, 429, 'application/problem+json', problemJson(429, 'Too Many Requests', refusal.message, scan.requestId), { ...headers, ...refusal.headers });
      served(undefined);
      return true;
    }
    resolve(services, reads, scan, wantsJson(request), response, headers).then(served, (error: unknown) => {
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
export function resolverRoutes(services: ScanServices & Pick<GatewayServices, 'publicHttps'>, api: OpenAPIRegistry): Router {
  const router = Router();
  const answerHeaders = resolverHeaders(services.publicHttps);
  const reads = scanReads(services);
  const handler: RequestHandler = async (request, response) => {
    const scan = { method: request.method, url: request.originalUrl, headers: request.headers, clientAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown', requestId: String(request.id) };
    await resolve(services, reads, scan, wantsJson(request), response, answerHeaders);
  };
  for (const kind of IdentifierKinds) router.get(kind.route.replace(/\{(\w+)\}/g, ':$1'), handler);
  // Other GS1 AIs, and digits of no kind, for the unknown-identifier answer.
  router.get(/^\/\d+\//, handler);
  registerResolverPaths(api);
  return router;
}
