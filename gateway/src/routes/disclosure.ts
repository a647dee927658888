import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { RegionCodeSchema } from '../../../model/src';
import { currentMonth, DashboardPeriodSchema } from '../dashboard/dashboardPeriod';
import { regionDisclosure } from '../dashboard/publicDisclosure';
import { route } from '../http/route';
import type { GatewayServices } from '../services';

export type DisclosureServices = Pick<GatewayServices, 'projection'>;

/**
 * Public disclosure (the plan's "inspection → penalty → public disclosure"): what a region publishes,
 * for anyone, no token: final sampling results and the cases whose penalty regulators chose to publish.
 */
export function disclosureRoutes(services: DisclosureServices, api: OpenAPIRegistry): Router {
  const router = Router();
  route(
    router,
    api,
    {
      method: 'get', path: '/public/regions/:region/disclosure', tag: 'dashboard', source: 'projection',
      params: z.object({ region: RegionCodeSchema }), query: z.object({ period: DashboardPeriodSchema.optional() }),
      summary: 'What a region publishes, for anyone: the month\'s pass rate of final evaluative samples with a six-month trend, those samples (product, enterprise, verdict, failed items), and the newest cases whose penalty decision was to be published',
      description: 'Never a complaint\'s text or who filed it, findings, evidence or inspectors: a case shows what it concerned, its number and the decision. From `_id`-keyed counters and lists.',
      success: { status: 200, description: 'the region\'s disclosure' },
    },
    async ({ params, query }) => ({ body: await regionDisclosure(services.projection.models, params.region, query.period ?? currentMonth()) }),
  );
  return router;
}
