import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { Recall, RecallHolder } from '../../../model/src';
import { regulatorScope } from '../audiences';
import { principalOf } from '../auth';
import { currentMonth, DashboardPeriodSchema } from '../dashboard/dashboardPeriod';
import { dashboardFigures } from '../dashboard/dashboardFigures';
import { cluesBehind, DashboardFigureNames, samplesBehind } from '../dashboard/figureRecords';
import { traceGraph } from '../dashboard/traceGraph';
import { notFoundRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { recordRegulatorRead } from '../audiences/regulatorReads';

export type DashboardServices = Pick<GatewayServices, 'projection' | 'registry' | 'store'>;

const RegionOrAll = z.union([z.literal('all'), z.string().regex(/^\d{6}$/, 'must be a 6-digit region code or all')]);
const DashboardQuery = z.object({ region: RegionOrAll.optional(), period: DashboardPeriodSchema.optional() });
const RecordsQuery = DashboardQuery.extend({
  figure: z.enum(DashboardFigureNames),
  kind: z.string().regex(/^[A-Za-z]{2,40}$/, 'must be a clue kind such as excursion, duplicateSale or maintenanceOverdue').optional(),
  page: z.coerce.number().int().min(0).max(1_000_000).optional(),
  before: z.coerce.number().int().min(1).max(1_000).optional(),
}).refine((query) => query.figure !== 'kind' || query.kind !== undefined, { message: 'must name the kind when figure is kind', path: ['kind'] });
const TraceGraphQuery = z.object({
  lotId: z.string().min(3).max(200).optional(),
  recallId: z.string().regex(/^RC-[0-9a-f]{16}$/, 'must be a recall id RC-<16 hex digits>').optional(),
  hops: z.coerce.number().int().min(0).max(50).default(10),
}).refine((query) => (query.lotId === undefined) !== (query.recallId === undefined), { message: 'must give exactly one of lotId and recallId', path: ['lotId'] });

/**
 * The regulator dashboard's API: a region's figures for a month gathered from the projection's
 * counters, the records behind each figure, and the trace graph of a lot or a recall. A regulator
 * reads the regions of its unit (as clue lists do); every drill-down and graph goes to the read log.
 */
export function dashboardRoutes(services: DashboardServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'dashboard';
  const roles: ('regulator' | 'admin')[] = ['regulator', 'admin'];
  const models = services.projection.models;
  const scope = regulatorScope(services);
  const readLog = regulatorReadLog(services.store);

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/dashboard', tag, roles, source: 'projection', query: DashboardQuery,
      summary: 'A region\'s figures for a month (Asia/Shanghai; this month unless given): sampling pass rate, clues raised, closed and overdue with the closure rate, clues per alert kind, open recalls with acknowledgement progress, elevator overdue rate and accidents per 10,000 lifts, and a six-month trend',
      description: 'Every figure is a counter the projection keeps, read by `_id` (a few reads, no scan). The same numbers as `/regulator/clues/stats`, `/regulator/sampling/pass-rates` and `/regulator/recalls`; elevator overdue rate = overdue-maintenance clues raised in the month ÷ lifts in use in the region; accidents per 10,000 lifts are of all time.',
      success: { status: 200, description: 'the figures' },
    },
    async ({ query }, _request, response) => {
      const region = await scope.regionFor(principalOf(response), query.region);
      return { body: await dashboardFigures(models, region, query.period ?? currentMonth()) };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/dashboard/records', tag, roles, source: 'projection', query: RecordsQuery,
      summary: 'The records behind a dashboard figure of a region and month: the final evaluative samples its pass rate counts (`samples`), or the clues raised that month that were raised, are closed, are overdue, or are of one kind',
      description: 'Read from the `_id`-keyed list of that figure, each record by `_id`, 50 ids at a time from the newest (or from `page` and `before`, as `next` said), back until the month is passed, at least 50 records were found or 25 pages read; then `next` says where the rest begin (`truncated`). Written to the regulator read log.',
      success: { status: 200, description: 'the records and whether the list was cut' },
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      const region = await scope.regionFor(principal, query.region);
      const period = query.period ?? currentMonth();
      const cursor = query.page === undefined ? undefined : { page: query.page, before: query.before };
      await recordRegulatorRead(readLog, principal, 'GET /regulator/dashboard/records', `${query.figure}${query.kind ? `:${query.kind}` : ''}|${region}|${period}`);
      const answer = query.figure === 'samples' ? await samplesBehind(models, region, period, cursor) : await cluesBehind(models, region, period, query.figure, query.kind, cursor);
      return { body: { region, period, figure: query.figure, ...(query.kind ? { kind: query.kind } : {}), ...answer } };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/trace-graph', tag, roles, source: 'projection', query: TraceGraphQuery,
      summary: 'A lot\'s lineage and custody forward and back as a graph, or a recall\'s: its scope lots traced both ways (a drug recall: its batches and holders), with the impact list\'s items and affected holders marked',
      description: '`hops` lineage levels each way (default 10). Nodes are lots, batches and enterprises; links are lineage (split, merge, transform) and custody. Written to the regulator read log.',
      success: { status: 200, description: 'nodes, links, the impact list, and whether the walk was cut' },
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      await recordRegulatorRead(readLog, principal, 'GET /regulator/trace-graph', query.recallId ? `recall:${query.recallId}` : (query.lotId as string));
      let start: Parameters<typeof traceGraph>[1];
      if (query.recallId) {
        const doc = (await models.recalls.findById(query.recallId).lean()) as { recall: Recall; holders: RecallHolder[] } | null;
        if (!doc) throw notFoundRequest(`recallId: recall ${query.recallId} is not projected (unknown, or not yet)`);
        start = { recall: doc.recall, holders: doc.holders };
      } else start = { lotId: query.lotId as string };
      const graph = await traceGraph(models, start, query.hops, services.projection.cache);
      if (!graph) throw notFoundRequest(`lotId: lot ${query.lotId ?? ''} is not projected (unknown, or not yet)`);
      return { body: graph };
    },
  );
  return router;
}
