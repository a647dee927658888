import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { requireRole, type Role } from '../auth';

export interface DownloadSpec<P extends z.ZodType, Q extends z.ZodType> {
  /** Express path, e.g. `/regulator/exports/recalls/:recallId`. */
  path: string;
  summary: string;
  description: string;
  tag: string;
  roles: Role[];
  params?: P;
  query?: Q;
  /** The media types the answer may have, as documented. */
  contentTypes: readonly string[];
}

const Problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), requestId: z.string() });

/**
 * A GET route whose answer is a file streamed to the response (a spreadsheet, a PDF) instead of JSON:
 * params and query parsed with zod (400 naming the field) and every refusal thrown before the handler
 * starts writing, so it reaches the one error mapping; an error once bytes are out ends the
 * connection, which a client sees as a cut download rather than a truncated file taken for whole.
 */
export function downloadRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  router: Router,
  api: OpenAPIRegistry,
  spec: DownloadSpec<P, Q>,
  handler: (input: { params: z.output<P>; query: z.output<Q> }, request: Request, response: Response) => Promise<void>,
): void {
  router.get(spec.path, requireRole(...spec.roles), async (request: Request, response: Response) => {
    const input = {
      params: (spec.params ? spec.params.parse(request.params) : undefined) as z.output<P>,
      query: (spec.query ? spec.query.parse(request.query) : undefined) as z.output<Q>,
    };
    try {
      await handler(input, request, response);
    } catch (error) {
      if (!response.headersSent) throw error;
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
  api.registerPath({
    method: 'get',
    path: spec.path.replace(/:([A-Za-z]+)/g, '{$1}'),
    summary: spec.summary,
    description: `Source: projection. Roles: ${spec.roles.join(', ')}. ${spec.description}`,
    tags: [spec.tag],
    security: [{ bearer: [] }],
    request: {
      ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
    },
    responses: {
      200: { description: 'the file, streamed', content: Object.fromEntries(spec.contentTypes.map((type) => [type, { schema: z.string().meta({ contentMediaType: type }) }])) },
      400: problem('invalid request: `detail` names each bad field'),
      401: problem('no or bad bearer token'),
      403: problem(`not a ${spec.roles.join('/')} token, or outside the regions of the caller's unit`),
      404: problem('no such record (or not projected yet)'),
      409: problem('more rows than one export holds: narrow the filter'),
    },
  });
}
