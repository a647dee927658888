import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { EnterpriseKinds, type Enterprise, type EnterpriseKind } from '../../../model/src';
import { notFoundRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';

const kindNames = Object.keys(EnterpriseKinds) as [string, ...string[]];

/** Registered enterprises, from the projection. */
export function enterpriseRoutes(services: Pick<GatewayServices, 'projection'>, api: OpenAPIRegistry): Router {
  const router = Router();
  const enterprises = services.projection.models.enterprises;

  route(
    router,
    api,
    {
      method: 'get', path: '/enterprises', tag: 'enterprises', summary: 'List registered enterprises, a page at a time', source: 'projection', roles: ['regulator', 'admin'],
      description:
        'In credit-code order, `limit` at a time, continuing `after` the last id of the previous page (the Link header with rel="next" says how, while a page came full). ' +
        '`kind` and `status` filter each page as read, so a filtered page may hold fewer than `limit`: follow Link until there is none.',
      query: z.object({
        kind: z.enum(kindNames).optional(),
        status: z.enum(['active', 'revoked']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        after: z.string().min(1).max(18).optional(),
      }),
      success: { status: 200, description: 'enterprises' },
    },
    async ({ query }) => {
      // Pages by `_id` range only: a filter on a nested field would make FerretDB decode the whole register.
      const docs = await enterprises.find(query.after ? { _id: { $gt: query.after } } : {}).sort({ _id: 1 }).limit(query.limit).lean();
      const records = docs.map((doc) => doc.record as unknown as Enterprise);
      const body = records.filter((e) => (!query.kind || e.kinds.includes(query.kind as EnterpriseKind)) && (!query.status || e.status === query.status));
      if (docs.length < query.limit) return { body };
      const next = new URLSearchParams({ limit: String(query.limit), after: docs[docs.length - 1]._id });
      if (query.kind) next.set('kind', query.kind);
      if (query.status) next.set('status', query.status);
      return { body, headers: { Link: `</enterprises?${next.toString()}>; rel="next"` } };
    },
  );

  route(
    router,
    api,
    { method: 'get', path: '/enterprises/:id', tag: 'enterprises', summary: 'One registered enterprise (public register)', source: 'projection', params: z.object({ id: z.string().length(18) }), success: { status: 200, description: 'the enterprise' } },
    async ({ params }) => {
      const doc = await enterprises.findById(params.id).lean();
      if (!doc) {
        throw notFoundRequest(`enterprise ${params.id} is not registered`);
      }
      return { body: { ...doc.record, source: doc.source } };
    },
  );

  return router;
}
