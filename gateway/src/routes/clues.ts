import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import {
  CaseFilingSchema,
  ClueAssignmentSchema,
  ClueDismissalSchema,
  ClueReferenceSchema,
  ClueStates,
  clueStateOf,
  ClueVerificationSchema,
  PenaltyDecisionSchema,
  type RiskClue,
} from '../../../model/src';
import { regulatorScope } from '../audiences';
import { principalOf } from '../auth';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route } from '../http/route';
import { clueKindListId, clueRegionListId, type ClueCounts } from '../projection/clues';
import { readPagedList } from '../projection/pagedList';
import type { GatewayServices, LedgerWriting } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { byIds } from '../store/byIds';
import { recordRegulatorRead } from '../audiences/regulatorReads';

export type ClueServices = LedgerWriting & Pick<GatewayServices, 'projection' | 'registry' | 'store'>;

const RegionOrAll = z.union([z.literal('all'), z.string().regex(/^\d{6}$/, 'must be a 6-digit region code or all')]);
const ClueListQuery = z.object({
  region: RegionOrAll.optional(),
  state: z.enum(ClueStates).optional(),
  kind: z.string().regex(/^[A-Za-z]{2,40}$/, 'must be a clue kind such as excursion, duplicateSale, maintenanceOverdue, failedSample or a complaint category').optional(),
  page: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const ClueDueQuery = z.object({
  region: RegionOrAll.optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD (UTC)'),
  page: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const ClueStatsQuery = z.object({
  region: RegionOrAll.optional(),
  period: z.union([z.literal('all'), z.string().regex(/^\d{4}-\d{2}$/, 'must be a month YYYY-MM or all')]).default('all'),
});

/**
 * The regulator's side of risk clues: the lifecycle writes (the chaincode checks the unit and region
 * of the caller), clue lists by region and state from `_id`-keyed lists, and closure figures from
 * the projection's counters. A regulator reads the regions of its unit (or its binding); the admin all.
 */
export function clueRoutes(services: ClueServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const writeRoute = ledgerWriteRoutes(router, api, services, 'clues');
  const roles: ('regulator' | 'admin')[] = ['regulator', 'admin'];
  const ref = (b: { subjectId: string; clueId: string }): string => JSON.stringify({ subjectId: b.subjectId, clueId: b.clueId });
  const rest = (b: Record<string, unknown>): string => JSON.stringify(Object.fromEntries(Object.entries(b).filter(([field]) => field !== 'subjectId' && field !== 'clueId')));

  writeRoute({ path: '/regulator/clues/assignments', summary: 'Assign a clue to a regulator unit covering its region (the admin, the unit handling it, or the receiving unit)', body: ClueReferenceSchema.extend(ClueAssignmentSchema.shape), roles }, 'clues:assignClue', (b) => [ref(b), rest(b)]);
  writeRoute({ path: '/regulator/clues/verifications', summary: 'Record the on-site check of an assigned clue: findings and evidence hashes; the caller is the inspector', body: ClueReferenceSchema.extend(ClueVerificationSchema.shape), roles }, 'clues:verifyClue', (b) => [ref(b), rest(b)]);
  writeRoute({ path: '/regulator/clues/cases', summary: 'File a case on a verified clue', body: ClueReferenceSchema.extend(CaseFilingSchema.shape), roles }, 'clues:fileCase', (b) => [ref(b), rest(b)]);
  writeRoute({ path: '/regulator/clues/penalties', summary: 'Record the penalty decision of a clue\'s case, and whether it is published', body: ClueReferenceSchema.extend(PenaltyDecisionSchema.shape), roles }, 'clues:decidePenalty', (b) => [ref(b), rest(b)]);
  writeRoute({ path: '/regulator/clues/dismissals', summary: 'Dismiss a verified clue with a reason', body: ClueReferenceSchema.extend(ClueDismissalSchema.shape), roles }, 'clues:dismissClue', (b) => [ref(b), rest(b)]);
  writeRoute({ path: '/regulator/clues/closures', summary: 'Close a clue: only once verified and then dismissed or its case decided (409 otherwise)', body: ClueReferenceSchema, roles }, 'clues:closeClue', (b) => [ref(b)]);

  const { riskClues, riskClueRegions, riskClueCounts, riskClueDeadlines } = services.projection.models;
  const readLog = regulatorReadLog(services.store);

  /** The clues of a page of document ids, each once. */
  const cluesOf = async (ids: readonly string[]): Promise<RiskClue[]> => {
    return (await byIds(riskClues, ids)).map((doc) => doc.record as unknown as RiskClue);
  };
  const { regionFor } = regulatorScope(services);

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/clues', tag: 'clues', roles, source: 'projection',
      summary: 'Clues of a region (and the regions within it), optionally in one state or of one kind, newest page by default',
      description: 'Pages of 200 clues, 0 the oldest (`X-Page`, `X-Pages`). A clue is listed under the state it is in now; with `state`, a page may hold fewer than 200. `kind` is what the clue is about: an alert kind (`excursion`, `temperatureGap`, `duplicateSale`, `maintenanceOverdue`, `lateRescueArrival`, `failedSample`, `adverseReaction`, …), a complaint category, or `scannedAfterSale` / `copiedCode` — the alerts of every domain across lots are the clues of their kinds.',
      query: ClueListQuery, success: { status: 200, description: 'the clues, newest first' },
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      const region = await regionFor(principal, query.region);
      // The kind's list when asked (fewer entries), the state's otherwise; the other filter is applied to the page.
      const listId = query.kind ? clueKindListId(region, query.kind) : clueRegionListId(region, query.state);
      const list = await readPagedList(riskClueRegions, listId, query.page);
      const clues = (await cluesOf(list?.items ?? [])).filter((clue) => query.state === undefined || clueStateOf(clue) === query.state);
      await recordRegulatorRead(readLog, principal, '/regulator/clues', `region:${region}`);
      return {
        body: clues.sort((a, b) => b.filedAt.localeCompare(a.filedAt)),
        headers: list ? { 'X-Page': String(list.page), 'X-Pages': String(list.pages) } : undefined,
      };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/clues/due', tag: 'clues', roles, source: 'projection',
      summary: 'Clues of a region whose deadline falls on a day (UTC) and that are not closed, soonest first',
      description: 'Read from the per-day deadline list the escalation sweep also reads (pages of 200, `X-Page`, `X-Pages`): a clue whose deadline moved (escalated) is listed under its new day only.',
      query: ClueDueQuery, success: { status: 200, description: 'the clues due that day' },
    },
    async ({ query }, _request, response) => {
      const principal = principalOf(response);
      const region = await regionFor(principal, query.region);
      const list = await readPagedList(riskClueDeadlines, query.day, query.page);
      const due = (await cluesOf(list?.items ?? [])).filter(
        (clue) => clueStateOf(clue) !== 'closed' && clue.deadline?.slice(0, 10) === query.day && (region === 'all' || (clue.regionChain ?? [clue.regionCode]).includes(region)),
      );
      await recordRegulatorRead(readLog, principal, '/regulator/clues/due', `region:${region}`);
      return {
        body: due.sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '')),
        headers: list ? { 'X-Page': String(list.page), 'X-Pages': String(list.pages) } : undefined,
      };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/clues/stats', tag: 'clues', roles, source: 'projection',
      summary: 'Clues raised, closed and overdue in a region for the month they were raised (or all time), per state and kind, with the closure rate',
      description: 'Counted by the projection from the ledger\'s clue events, never typed in: `closureRate` = closed / raised; `overdue` counts clues that missed a deadline and are not closed.',
      query: ClueStatsQuery, success: { status: 200, description: 'the figures' },
    },
    async ({ query }, _request, response) => {
      const region = await regionFor(principalOf(response), query.region);
      const counts: Omit<ClueCounts, '_id'> = ((await riskClueCounts.findById(`${region}|${query.period}`).lean()) as ClueCounts | null) ?? { raised: 0, closed: 0, overdue: 0, escalations: 0, states: {} };
      const { raised, closed, overdue, escalations, states, kinds = {}, complaints = 0 } = counts;
      return { body: { region, period: query.period, raised, closed, overdue, escalations, states, kinds, complaints, closureRate: raised === 0 ? null : closed / raised } };
    },
  );
  return router;
}
