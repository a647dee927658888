import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import {
  ALL,
  CategoryCodeSchema,
  DrawCommitInputSchema,
  DrawIdSchema,
  drawOf,
  DrawRevealSchema,
  isDrawReproduced,
  PASS_RATE_TARGET,
  passRateCounterId,
  passRateOf,
  PlanIdSchema,
  recallOpeningOfSample,
  RegionCodeSchema,
  SampleRecallSchema,
  SampleIdSchema,
  SampleObjectionSchema,
  SampleResultInputSchema,
  SampleRetestSchema,
  SamplingPlanInputSchema,
  UsccSchema,
  type Draw,
  type Sample,
} from '../../../model/src';
import { conflictRequest, notFoundRequest } from '../http/httpError';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route } from '../http/route';
import { readPagedList } from '../projection/pagedList';
import { sampleListIds } from '../projection/sampling';
import type { GatewayServices, LedgerWriting } from '../services';

const SampleParams = z.object({ sampleId: SampleIdSchema });
const DrawParams = z.object({ drawId: DrawIdSchema });
const PageQuery = z.object({ page: z.coerce.number().int().min(0).max(1_000_000).optional() });
const PassRateQuery = z.object({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'must be a year (2026) or a month (2026-07)'),
  region: RegionCodeSchema.optional(),
  category: CategoryCodeSchema.optional(),
});

/** How a draw is recomputed, stated with every draw the API shows. */
const DRAW_METHOD =
  'commitment = sha256(seed) as hex; each eligible enterprise is ranked by sha256(`${seed}|enterprise|${id}`) as hex, ascending, and the first enterpriseCount are drawn; inspectors likewise with `|inspector|`. drawOf() in model/src/sampling/draw.ts computes it.';

/** Sampling writes go to the ledger; reads come from the projection's `_id`-keyed documents. */
export type SamplingServices = LedgerWriting & Pick<GatewayServices, 'projection'>;

/**
 * Sampling inspections: inspection bodies (registered regulators) record plans, sample results and
 * re-tests; the sampled enterprise objects within the window; anyone registered (or the scheduled
 * check) asks for finality; regulators read lists and pass rates; draws are public once committed.
 */
export function samplingRoutes(services: SamplingServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'sampling';
  const json = (value: unknown): string => JSON.stringify(value);
  const writeRoute = ledgerWriteRoutes(router, api, services, tag);
  const regulators: ('regulator' | 'admin')[] = ['regulator', 'admin'];
  const models = services.projection.models;

  writeRoute(
    { path: '/regulator/sampling/plans', summary: 'Record a sampling plan: period, sample type (evaluative or surveillance), product categories, regions, objection window (15 days unless given)', body: SamplingPlanInputSchema, roles: regulators },
    'sampling:recordPlan',
    (b) => [json(b)],
  );
  writeRoute(
    {
      path: '/regulator/sampling/samples',
      summary: 'Record a sample\'s result under a plan (inspection body): product and the lot, batch or goods sampled, the enterprise (its region is the registry\'s), items tested pass or fail, lab, report hash; any failed item fails the sample',
      body: SampleResultInputSchema,
      roles: regulators,
    },
    'sampling:recordSample',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/sampling/samples/:sampleId/objections', summary: 'Object to a sample\'s result within its window and ask for a re-test (the sampled enterprise, with its own identity)', body: SampleObjectionSchema.omit({ sampleId: true }), params: SampleParams },
    'sampling:objectToSample',
    (b, p) => [json({ sampleId: p.sampleId, ...b })],
  );
  writeRoute(
    { path: '/regulator/sampling/samples/:sampleId/retests', summary: 'Record the re-test of an objected sample: its verdict replaces the first', body: SampleRetestSchema.omit({ sampleId: true }), params: SampleParams, roles: regulators },
    'sampling:recordRetest',
    (b, p) => [json({ sampleId: p.sampleId, ...b })],
  );
  writeRoute(
    {
      path: '/sampling/samples/:sampleId/finalizations',
      summary: 'Make a sample final once its objection window has passed by the transaction\'s time (what the scheduled check does); refused inside the window or while a re-test is awaited',
      body: z.strictObject({}),
      params: SampleParams,
      roles: ['enterprise', 'regulator', 'admin'],
    },
    'sampling:finalizeSample',
    (_b, p) => [json({ sampleId: p.sampleId })],
  );
  writeRoute(
    {
      path: '/regulator/sampling/samples/:sampleId/recall',
      summary: 'Open a recall of what a final failed sample sampled, in one step: its lot (food) or drug batch, the failed items as the reason unless given; 409 for a sample not final and failed, or of goods the ledger does not trace',
      body: SampleRecallSchema,
      params: SampleParams,
      roles: regulators,
    },
    'recalls:openRecall',
    async (b, p) => {
      const doc = await models.samples.findById(p.sampleId).lean();
      if (!doc) throw notFoundRequest(`sampleId: no sample ${p.sampleId} is projected (unknown, or not yet: retry in a moment)`);
      const opening = recallOpeningOfSample(doc.record as unknown as Sample, b);
      if ('refused' in opening) throw conflictRequest(opening.refused);
      return [json({ opening })];
    },
  );
  writeRoute(
    { path: '/regulator/sampling/draws', summary: 'Commit a "double random" draw: the SHA-256 of a secret seed, and the eligible enterprises and inspectors, fixed now', body: DrawCommitInputSchema, roles: regulators },
    'sampling:commitDraw',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/regulator/sampling/draws/:drawId/reveal', summary: 'Reveal the seed of a committed draw (in a later transaction, by who committed it): the ledger checks its hash and records the enterprises and inspectors drawn', body: DrawRevealSchema.omit({ drawId: true }), params: DrawParams, roles: regulators },
    'sampling:revealDraw',
    (b, p) => [json({ drawId: p.drawId, ...b })],
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/sampling/samples/:sampleId', tag, source: 'projection', params: SampleParams,
      summary: 'A sample: its result per item, verdict in force, status (reported, objected, final), objection and re-test; results are published, so anyone may read it',
      success: { status: 200, description: 'the sample' },
    },
    async ({ params }) => {
      const doc = await models.samples.findById(params.sampleId).lean();
      if (!doc) throw notFoundRequest(`sampleId: no sample ${params.sampleId} is projected (unknown, or not yet: retry in a moment)`);
      return { body: doc.record };
    },
  );

  const sampleList = async (listId: string, page: number | undefined): Promise<{ body: unknown; headers: Record<string, string> }> => {
    const answer = await readPagedList(models.sampleLists, listId, page);
    const ids = answer?.items ?? [];
    const docs = await Promise.all(ids.map((id) => models.samples.findById(id).lean()));
    return { body: docs.flatMap((doc) => (doc ? [doc.record] : [])), headers: { 'X-Page': String(answer?.page ?? 0), 'X-Pages': String(answer?.pages ?? 0) } };
  };

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/sampling/plans/:planId/samples', tag, source: 'projection', roles: regulators, params: z.object({ planId: PlanIdSchema }), query: PageQuery,
      summary: 'A plan\'s samples in the order recorded, a page at a time (the newest page unless `page` is given; X-Page and X-Pages say where)',
      success: { status: 200, description: 'the samples of the page' },
    },
    async ({ params, query }) => {
      if (!(await models.samplingPlans.findById(params.planId).lean())) throw notFoundRequest(`planId: no sampling plan ${params.planId} is projected`);
      return sampleList(sampleListIds.plan(params.planId), query.page);
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/sampling/enterprises/:enterpriseId/samples', tag, source: 'projection', roles: regulators, params: z.object({ enterpriseId: UsccSchema }), query: PageQuery,
      summary: 'An enterprise\'s samples in the order recorded, a page at a time (the newest page unless `page` is given)',
      success: { status: 200, description: 'the samples of the page' },
    },
    async ({ params, query }) => sampleList(sampleListIds.enterprise(params.enterpriseId), query.page),
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/sampling/pass-rates', tag, source: 'projection', roles: regulators, query: PassRateQuery,
      summary: `The pass rate of final evaluative samples in a year or month, in a region (and the regions below it) and a product category, or all of either (the plan's target: ${PASS_RATE_TARGET * 100}%)`,
      description: 'Counted by the projection as samples become final, per month and year of the sampling day (Asia/Shanghai), per region (county, city, province by code) and category; the answer is one document read.',
      success: { status: 200, description: 'passed, failed, total, rate (undefined when nothing was counted) and whether it meets the target' },
    },
    async ({ query }) => {
      const region = query.region ?? ALL;
      const category = query.category ?? ALL;
      const counter = await models.samplePassRates.findById(passRateCounterId(query.period, region, category)).lean();
      return { body: { period: query.period, region, category, ...passRateOf(counter?.passed ?? 0, counter?.failed ?? 0), target: PASS_RATE_TARGET } };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/sampling/draws/:drawId', tag, source: 'projection', params: DrawParams,
      summary: 'A "double random" draw, public: its commitment and eligible lists; once revealed, the seed, who was drawn, the same draw recomputed here and whether they agree',
      success: { status: 200, description: 'the draw, how to recompute it, and the recomputation' },
    },
    async ({ params }) => {
      const doc = await models.samplingDraws.findById(params.drawId).lean();
      if (!doc) throw notFoundRequest(`drawId: no draw ${params.drawId} is projected`);
      const draw = doc.record as unknown as Draw;
      const recomputed = draw.seed === undefined ? undefined : drawOf(draw.seed, draw);
      return { body: { draw, method: DRAW_METHOD, ...(recomputed ? { recomputed, reproduced: isDrawReproduced(draw) } : {}) } };
    },
  );

  return router;
}
