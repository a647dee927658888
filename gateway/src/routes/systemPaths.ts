import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  ledger: z.object({ ok: z.boolean(), height: z.number().int().optional() }),
  projection: z.object({
    projectedHeight: z.number().int(),
    lag: z.number().int().optional(),
    behind: z.boolean(),
    deadLetters: z.number().int(),
    running: z.boolean(),
    role: z.enum(['projecting', 'following', 'idle']).describe('projecting: this gateway holds the projector lease; following: another gateway projects and this one follows the stored checkpoint'),
    projected: z.object({
      transactions: z.number().int(),
      blocks: z.number().int(),
      busySeconds: z.number(),
      domains: z.record(z.string(), z.record(z.string(), z.number())),
    }).describe('What this process projected since it started; capacity = work / busySeconds'),
    lastError: z.string().optional(),
  }),
  store: z.object({ ok: z.boolean() }),
  consumerViews: z.record(z.string(), z.unknown()),
});

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The OpenAPI entries of the system routes (systemRoutes), which answer outside `route()`. */
export function registerSystemPaths(api: OpenAPIRegistry): void {
  const tags = ['system'];
  api.registerPath({
    method: 'get', path: '/health', tags,
    summary: 'Whether the gateway can serve: the ledger and the read store answer (200), or not (503); a projection behind or with dead letters is `degraded` but still 200',
    description: 'Source: gateway (ledger height, projection, store ping). Public.',
    responses: { 200: { description: 'serving, `ok` or `degraded`', ...json(Health) }, 503: { description: 'the ledger or the store does not answer', ...json(Health) } },
  });
  api.registerPath({
    method: 'get', path: '/ready', tags,
    summary: 'Whether the gateway serves current reads: 200 only when `ok`; 503 when degraded, so a load balancer routes elsewhere',
    description: 'Source: gateway. Public.',
    responses: { 200: { description: 'ok', ...json(Health) }, 503: { description: 'degraded or not serving', ...json(Health) } },
  });
  api.registerPath({
    method: 'get', path: '/metrics', tags,
    summary: 'Prometheus metrics: requests per route template and status, latencies, ledger height, projection lag, dead letters',
    description: 'Source: gateway. Public.',
    responses: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } } },
  });
  api.registerPath({
    method: 'get', path: '/.well-known/jwks.json', tags,
    summary: 'The public keys of the gateway (JWKS): `traceledger_use` says each key\'s job, `api-token` (bearer tokens) or `trace-code` (signed trace codes; verify codes offline with `npm run verify-code`)',
    description: 'Source: gateway. Public.',
    responses: { 200: { description: 'the key set', ...json(z.object({ keys: z.array(z.record(z.string(), z.unknown())) })) } },
  });
  api.registerPath({
    method: 'get', path: '/openapi.json', tags,
    summary: 'This document',
    description: 'Source: gateway. Public.',
    responses: { 200: { description: 'OpenAPI 3.1', ...json(z.record(z.string(), z.unknown())) } },
  });
  api.registerPath({
    method: 'get', path: '/docs', tags,
    summary: 'This document as a browsable page (Swagger UI)',
    description: 'Source: gateway. Public.',
    responses: { 200: { description: 'the page', content: { 'text/html': { schema: z.string() } } } },
  });
}
