import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { requireRole, type Role } from '../auth';
import { requireReadableBody } from './jsonBody';

/** Where a route's answer comes from, stated in its documentation. */
export type RouteSource = 'ledger: evaluate' | 'ledger: submit, answers after commit' | 'projection' | 'gateway';

export interface RouteSpec<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> {
  method: 'get' | 'post';
  /** Express path, e.g. `/trace/events/:eventId`. */
  path: string;
  summary: string;
  /** More than the summary says (paging, formats), added to the OpenAPI description. */
  description?: string;
  tag: string;
  source: RouteSource;
  roles?: Role[];
  body?: B;
  params?: P;
  query?: Q;
  /** Write routes take an Idempotency-Key header. */
  idempotent?: boolean;
  /** The body may also come as an HTML form post (application/x-www-form-urlencoded), not only as JSON. */
  forms?: boolean;
  success: { status: number; description: string; schema?: z.ZodType };
}

export interface RouteInput<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> {
  body: z.output<B>;
  params: z.output<P>;
  query: z.output<Q>;
}

export interface RouteAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A page instead of JSON, for HTML form posts. */
  html?: string;
}

const Problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), requestId: z.string() });

/**
 * Declares a route once: the same zod schemas validate the request (a ZodError becomes a 400 naming
 * each bad field) and describe it in the OpenAPI document, with its roles and its source of truth.
 */
export function route<B extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  router: Router,
  api: OpenAPIRegistry,
  spec: RouteSpec<B, P, Q>,
  handler: (input: RouteInput<B, P, Q>, request: Request, response: Response) => Promise<RouteAnswer>,
): void {
  const guards = spec.roles ? [requireRole(...spec.roles)] : [];
  router[spec.method](spec.path, ...guards, async (request: Request, response: Response) => {
    if (spec.body) requireReadableBody(request, spec.forms === true);
    const input = {
      body: (spec.body ? spec.body.parse(request.body ?? {}) : undefined) as z.output<B>,
      params: (spec.params ? spec.params.parse(request.params) : undefined) as z.output<P>,
      query: (spec.query ? spec.query.parse(request.query) : undefined) as z.output<Q>,
    };
    const answer = await handler(input, request, response);
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      response.setHeader(name, value);
    }
    response.status(answer.status ?? spec.success.status);
    if (answer.html !== undefined) {
      response.type('html').send(answer.html);
    } else {
      response.json(answer.body);
    }
  });
  api.registerPath(openApiRoute(spec));
}

function openApiRoute<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType>(spec: RouteSpec<B, P, Q>): RouteConfig {
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
  const responses: RouteConfig['responses'] = {
    [spec.success.status]: {
      description: spec.success.description,
      ...(spec.success.schema ? { content: { 'application/json': { schema: spec.success.schema } } } : {}),
    },
    400: problem('invalid request: `detail` names each bad field'),
  };
  if (spec.body) {
    responses[415] = problem(spec.forms ? 'a body that is neither JSON nor an HTML form post' : 'a body without content-type application/json');
  }
  if (spec.roles) {
    responses[401] = problem('no or bad bearer token');
    responses[403] = problem(`not a ${spec.roles.join('/')} token, or the ledger refused this identity`);
  }
  if (spec.source.startsWith('ledger')) {
    responses[503] = problem('the ledger is not reachable (Retry-After)');
  }
  if (spec.idempotent) {
    responses[409] = problem('refused by the ledger as a conflict, or the same Idempotency-Key is in progress');
  }
  return {
    method: spec.method,
    path: spec.path.replace(/:([A-Za-z]+)/g, '{$1}'),
    summary: spec.summary,
    description: `Source: ${spec.source}.${spec.roles ? ` Roles: ${spec.roles.join(', ')}.` : ' Public.'}${spec.description ? ` ${spec.description}` : ''}`,
    tags: [spec.tag],
    ...(spec.roles ? { security: [{ bearer: [] }] } : {}),
    request: {
      ...(spec.body
        ? { body: { content: { 'application/json': { schema: spec.body }, ...(spec.forms ? { 'application/x-www-form-urlencoded': { schema: spec.body } } : {}) } } }
        : {}),
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
      // Form posts cannot set headers: they carry the key as a field instead.
      ...(spec.idempotent ? { headers: z.object({ 'Idempotency-Key': spec.forms ? z.string().min(8).max(128).optional() : z.string().min(8).max(128) }) } : {}),
    },
    responses,
  };
}
