import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  CalendarDateSchema,
  ClueStates,
  daysBetween,
  GtinSchema,
  LotIdSchema,
  PlanIdSchema,
  RecallStates,
  UsccSchema,
  type Sample,
  type SamplingPlan,
} from '../../../model/src';
import { regulatorScope } from '../audiences';
import { principalOf, type Principal } from '../auth';
import {
  allItems,
  clueRegister,
  clueRegisterSheet,
  contentTypeOf,
  EnterpriseDirectory,
  listHead,
  MAX_CLUE_EXPORT_ROWS,
  MAX_RECALL_EXPORT_ROWS,
  MAX_SORTED_EXPORT_ROWS,
  MAX_WINDOW_EXPORT_ROWS,
  planTrackingEventExport,
  recallConcerns,
  recallRegister,
  recallRegisterSheet,
  SpreadsheetFormats,
  trackingEventSheet,
  withNames,
  writeRecallReport,
  writeSamplingPlanReport,
  writeSpreadsheet,
} from '../exports';
import { downloadRoute } from '../http/downloadRoute';
import { forbiddenRequest, notFoundRequest } from '../http/httpError';
import { sampleListIds } from '../projection/sampling';
import type { StoredRecall } from '../projection/recalls';
import type { GatewayServices } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { byIds } from '../store/byIds';
import { recordRegulatorRead } from '../audiences/regulatorReads';

export type ExportServices = Pick<GatewayServices, 'projection' | 'registry' | 'store'>;

/** The longest window of days one export of tracking events may name. */
const MAX_WINDOW_DAYS = 366;

const Format = z.enum(SpreadsheetFormats).default('csv');
const RegionOrAll = z.union([z.literal('all'), z.string().regex(/^\d{6}$/, 'must be a 6-digit region code or all')]);

const TrackingEventQuery = z
  .object({
    format: Format,
    lotId: LotIdSchema.optional(),
    gtin: GtinSchema.optional(),
    enterpriseId: UsccSchema.optional(),
    from: CalendarDateSchema.optional().meta({ description: 'first Asia/Shanghai day of event time, included' }),
    to: CalendarDateSchema.optional().meta({ description: 'last Asia/Shanghai day of event time, included' }),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to go together', path: ['to'] })
  .refine((q) => q.lotId !== undefined || q.gtin !== undefined || q.enterpriseId !== undefined || q.from !== undefined, { message: 'name a lotId, a gtin, an enterpriseId, or a window from and to', path: ['lotId'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'must not come before from', path: ['to'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from > q.to || daysBetween(q.from, q.to) < MAX_WINDOW_DAYS, { message: `a window spans at most ${MAX_WINDOW_DAYS} days`, path: ['to'] });

const ClueRegisterQuery = z.object({
  format: Format,
  region: RegionOrAll.optional(),
  state: z.enum(ClueStates).optional(),
  kind: z.string().regex(/^[A-Za-z]{2,40}$/, 'must be a clue kind such as excursion, duplicateSale, maintenanceOverdue, failedSample or a complaint category').optional(),
});
const RecallRegisterQuery = z.object({ format: Format, region: RegionOrAll.optional(), state: z.enum(RecallStates).optional() });
const RecallParams = z.object({ recallId: z.string().regex(/^RC-[0-9a-f]{16}$/, 'must be a recall id RC-<16 hex digits>') });
const PlanParams = z.object({ planId: PlanIdSchema });

const SPREADSHEET_TYPES = SpreadsheetFormats.map(contentTypeOf);

/** A file name from parts a regulator recognises, with nothing a header could not carry. */
const fileName = (parts: readonly (string | undefined)[], extension: string): string =>
  `${parts.filter((part): part is string => part !== undefined).join('-').replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;

function startDownload(response: Response, contentType: string, name: string, headers: Record<string, string> = {}): void {
  response.status(200);
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  for (const [header, value] of Object.entries(headers)) response.setHeader(header, value);
}

/**
 * The regulator's exports: the critical tracking events of a lot, a GTIN, an enterprise or a window of
 * days as a sortable spreadsheet (CSV or XLSX, streamed); the clue and recall registers of a region
 * the same way; and a printable PDF per recall and per sampling plan. Everything is read from the
 * projection by `_id`, scoped to the regions of the caller's unit as `GET /regulator/clues` is, and
 * written to the regulator read log before the first byte leaves.
 */
export function exportRoutes(services: ExportServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'exports';
  const roles: ('regulator' | 'admin')[] = ['regulator', 'admin'];
  const models = services.projection.models;
  const scope = regulatorScope(services);
  const readLog = regulatorReadLog(services.store);
  const audit = (principal: Principal, route: string, subjectId: string): Promise<void> => recordRegulatorRead(readLog, principal, route, subjectId);
  /** Whether any of `regions` lies within the caller's regions, or any of the caller's within one of them. */
  const overlaps = async (principal: Principal, regions: readonly string[]): Promise<boolean> => {
    const mine = await scope.regionsOf(principal);
    if (mine === 'all') return true;
    for (const region of regions) if ((await scope.chainOf(region)).some((code) => mine.includes(code))) return true;
    for (const region of mine) if ((await scope.chainOf(region)).some((code) => regions.includes(code))) return true;
    return false;
  };

  downloadRoute(
    router,
    api,
    {
      path: '/regulator/exports/events', tag, roles, query: TrackingEventQuery, contentTypes: SPREADSHEET_TYPES,
      summary: 'The critical tracking events of a lot, a GTIN, an enterprise or a window of days, one row per event, as CSV or XLSX sorted by event time',
      description:
        `Cold-chain custody events (create, ship, receive, store, releaseForSale, sell, split, merge, transform) and, by enterprise or window, drug code movements (commission, pack, ship, receive, dispense, sale, return, retire, holds; \`domain\` says which), with their key data elements: what (GTIN, lot, product, event type), where (GLN or address, region), when (event and recorded time), from whom and to whom (credit codes and names), quantity and unit, reference documents, assurance and the transaction id. Filters combine; the narrowest list named (lot, GTIN, enterprise) is read whole (at most ${MAX_SORTED_EXPORT_ROWS} events) and cut by the others; a window alone (\`from\`, \`to\`: Asia/Shanghai days of event time, at most ${MAX_WINDOW_DAYS}) is streamed a day at a time (at most ${MAX_WINDOW_EXPORT_ROWS}). XLSX: frozen header with an autofilter, typed date (Asia/Shanghai) and number cells; CSV: UTF-8 with a byte-order mark, instants as recorded. 409 past the bounds. Written to the regulator read log.`,
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      const plan = await planTrackingEventExport({ coldChain: models.eventRows, drug: models.drugEventRows, journeys: models.journeys }, query);
      const subject = query.lotId ? `lot:${query.lotId}` : query.gtin ? `gtin:${query.gtin}` : query.enterpriseId ? `enterprise:${query.enterpriseId}` : 'window';
      await audit(principal, 'GET /regulator/exports/events', query.from ? `${subject}|${query.from}..${query.to}` : subject);
      startDownload(response, contentTypeOf(query.format), fileName(['events', query.lotId ? 'lot' : undefined, query.gtin, query.enterpriseId, query.from, query.to], query.format));
      await writeSpreadsheet(response, query.format, trackingEventSheet, withNames(plan.batches(), new EnterpriseDirectory(models.enterprises)));
    },
  );

  downloadRoute(
    router,
    api,
    {
      path: '/regulator/exports/clues', tag, roles, query: ClueRegisterQuery, contentTypes: SPREADSHEET_TYPES,
      summary: 'The clue register of a region (and the regions within it), optionally of one state or kind, as CSV or XLSX, oldest first',
      description: `The clues \`GET /regulator/clues\` pages through, every page at once (at most ${MAX_CLUE_EXPORT_ROWS}), each in the state it is in now: where, whose, which unit, the deadline and escalations, findings, case, penalty and closure. Scoped as that route: a regulator reads its unit's regions (and may leave \`region\` out when there is one), the admin all; 403 outside. \`X-Export-Rows\` counts the rows. Written to the regulator read log.`,
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      const region = await scope.regionFor(principal, query.region);
      const clues = await clueRegister(models.riskClueRegions, models.riskClues, { region, state: query.state, kind: query.kind });
      await audit(principal, 'GET /regulator/exports/clues', `region:${region}`);
      startDownload(response, contentTypeOf(query.format), fileName(['clues', region, query.state, query.kind], query.format), { 'X-Export-Rows': String(clues.length) });
      await writeSpreadsheet(response, query.format, clueRegisterSheet, [clues]);
    },
  );

  downloadRoute(
    router,
    api,
    {
      path: '/regulator/exports/recalls', tag, roles, query: RecallRegisterQuery, contentTypes: SPREADSHEET_TYPES,
      summary: 'The recall register of a region, optionally of one state, as CSV or XLSX, oldest first',
      description: `The recalls \`GET /regulator/recalls\` pages through (at most ${MAX_RECALL_EXPORT_ROWS}) that concern the region: their responsible enterprise or an affected holder is registered in it or within it. One row per recall: level, reason, scope, responsible enterprise, deadlines, state, and how many holders acknowledged (late), stayed silent past the deadline and reported. Scoped as \`GET /regulator/clues\`: 403 outside the caller's regions. \`X-Export-Rows\` counts the rows. Written to the regulator read log.`,
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      const region = await scope.regionFor(principal, query.region);
      const directory = new EnterpriseDirectory(models.enterprises);
      const recalls = await recallRegister(models.recallLists, models.recalls, { region, state: query.state }, (doc) => recallConcerns(doc, region, directory, scope.chainOf));
      await audit(principal, 'GET /regulator/exports/recalls', `region:${region}`);
      startDownload(response, contentTypeOf(query.format), fileName(['recalls', region, query.state], query.format), { 'X-Export-Rows': String(recalls.length) });
      await writeSpreadsheet(response, query.format, recallRegisterSheet, [recalls.map((doc) => ({ doc, directory }))]);
    },
  );

  downloadRoute(
    router,
    api,
    {
      path: '/regulator/exports/recalls/:recallId', tag, roles, params: RecallParams, contentTypes: ['application/pdf'],
      summary: 'A printable PDF report of one recall: reason, level, scope, deadlines, state, and each holder\'s items, acknowledgement and report',
      description: 'For a regulator whose regions hold the responsible enterprise or an affected holder (403 otherwise), or the admin. Text outside Latin-1 (Chinese names) prints as "?" while the gateway host has no CJK font; the report says so. Written to the regulator read log.',
    },
    async ({ params }, _request, response) => {
      const principal = principalOf(response);
      const doc = (await models.recalls.findById(params.recallId).lean()) as StoredRecall | null;
      if (!doc) throw notFoundRequest(`recallId: recall ${params.recallId} is not known (or not projected yet)`);
      const directory = new EnterpriseDirectory(models.enterprises);
      const mine = await scope.regionsOf(principal);
      if (mine !== 'all') {
        let concerned = false;
        for (const region of mine) concerned ||= await recallConcerns(doc, region, directory, scope.chainOf);
        if (!concerned) throw forbiddenRequest(`recall ${params.recallId} concerns no enterprise in the regions ${mine.join(', ') || '(none)'} of your unit`);
      }
      await audit(principal, 'GET /regulator/exports/recalls/:recallId', params.recallId);
      startDownload(response, 'application/pdf', fileName(['recall', params.recallId], 'pdf'));
      await writeRecallReport(response, doc.recall, doc.holders, directory, principal.sub);
    },
  );

  downloadRoute(
    router,
    api,
    {
      path: '/regulator/exports/sampling-plans/:planId', tag, roles, params: PlanParams, contentTypes: ['application/pdf'],
      summary: 'A printable PDF report of an inspection campaign (a sampling plan): the plan, its samples with verdicts and status, and the pass rate',
      description: 'For a regulator whose regions overlap the plan\'s (403 otherwise), who sees the samples of enterprises in its regions; the admin sees all. The pass rate is that of the final samples listed, against the 98.5 % target. Written to the regulator read log.',
    },
    async ({ params }, _request, response) => {
      const principal = principalOf(response);
      const planDoc = await models.samplingPlans.findById(params.planId).lean();
      if (!planDoc) throw notFoundRequest(`planId: sampling plan ${params.planId} is not known (or not projected yet)`);
      const plan = planDoc.record as unknown as SamplingPlan;
      if (!(await overlaps(principal, plan.regionCodes))) throw forbiddenRequest(`plan ${plan.planId} covers ${plan.regionCodes.join(', ')}, outside the regions of your unit`);
      const listId = sampleListIds.plan(plan.planId);
      const ids = await allItems(models.sampleLists, listId, await listHead(models.sampleLists, listId));
      const docs = await byIds(models.samples, ids);
      const byId = new Map(docs.map((doc) => [doc._id, doc.record as unknown as Sample]));
      const mine = await scope.regionsOf(principal);
      const samples = ids.map((id) => byId.get(id)).filter((sample): sample is Sample => sample !== undefined && (mine === 'all' || sample.regionChain.some((code) => mine.includes(code))));
      await audit(principal, 'GET /regulator/exports/sampling-plans/:planId', plan.planId);
      startDownload(response, 'application/pdf', fileName(['sampling-plan', plan.planId], 'pdf'));
      await writeSamplingPlanReport(response, plan, samples, new EnterpriseDirectory(models.enterprises), principal.sub, mine === 'all' ? undefined : `enterprises in ${mine.join(', ')}`);
    },
  );
  return router;
}
