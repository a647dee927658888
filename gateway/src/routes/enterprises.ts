import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { EnterpriseKinds } from '../../../model/src';
import { notFoundRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';

const kindNames = Object.keys(EnterpriseKinds) as [string, ...string[]];

/** Registered enterprises, from the projection. */
export function enterpriseRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const enterprises = services.projector.models.enterprises;

  route(
    router,
    api,
    {
      method: 'get', path: '/enterprises', tag: 'enterprises', summary: 'List registered enterprises', source: 'projection', roles: ['regulator', 'admin'],
      query: z.object({ kind: z.enum(kindNames).optional(), status: z.enum(['active', 'revoked']).optional() }),
      success: { status: 200, description: 'enterprises' },
    },
    async ({ query }) => {
      const filter: Record<string, string> = {};
      if (query.kind) filter['record.kinds'] = query.kind;
      if (query.status) filter['record.status'] = query.status;
      const docs = await enterprises.find(filter).sort({ _id: 1 }).lean();
      return { body: docs.map((doc) => doc.record) };
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
