import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Response } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import type { ColdChainLot, RiskAlert, TemperatureLogger } from '../../../model/src';
import { principalOf } from '../auth';
import { forbiddenRequest } from '../http/httpError';
import { route } from '../http/route';
import { ENTERPRISE_LIST_PAGE_ITEMS, lotStateOf, LotStates, relationsOf, type LotRelation, type LotState } from '../projection/coldchain';
import { readPagedList, type ListPage, type ListPageAnswer } from '../projection/pagedList';
import { mapParallel } from '../store/mapParallel';
import type { GatewayServices } from '../services';

const PageQuery = z.object({ page: z.coerce.number().int().min(0).max(1_000_000).optional() });
/** Documents read at once for one page. */
const PARALLEL_READS = 16;

/** What a lot of mine looks like in a list: enough to pick it, its journey has the rest. */
export interface MyLot {
  lotId: string;
  product: string;
  state: LotState;
  relations: LotRelation[];
  ownerId: string;
  custodianId: string;
  /** The receiver of the shipment under way, while the lot is in transit. */
  consigneeId?: string;
  quantityOnHand: number;
  unit: string;
  expiryDate: string;
  hold?: ColdChainLot['hold'];
  updatedAt: string;
}

const myLot = (lot: ColdChainLot, enterpriseId: string): MyLot => ({
  lotId: lot.id,
  product: lot.product,
  state: lotStateOf(lot),
  relations: relationsOf(lot, enterpriseId),
  ownerId: lot.ownerId,
  custodianId: lot.custodianId,
  ...(lot.shipment ? { consigneeId: lot.shipment.to } : {}),
  quantityOnHand: lot.quantityOnHand,
  unit: lot.unit,
  expiryDate: lot.expiryDate,
  ...(lot.hold ? { hold: lot.hold } : {}),
  updatedAt: lot.updatedAt,
});

/** The enterprise an enterprise token speaks for. */
function enterpriseOf(response: Response): string {
  const principal = principalOf(response);
  if (!principal.ent) {
    throw forbiddenRequest('this token names no enterprise: the /me routes answer for the enterprise of an enterprise token');
  }
  return principal.ent;
}

/** X-Page, X-Pages and a Link to the next page while there is one, keeping the route's other query parameters. */
function pageHeaders(path: string, answer: ListPageAnswer<unknown>, query: Record<string, string | undefined>): Record<string, string> {
  const headers: Record<string, string> = { 'X-Page': String(answer.page), 'X-Pages': String(answer.pages) };
  if (answer.page + 1 < answer.pages) {
    const next = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
    next.set('page', String(answer.page + 1));
    headers.Link = `<${path}?${next.toString()}>; rel="next"`;
  }
  return headers;
}

/** A page of an enterprise's list; an enterprise with none yet has no pages. */
async function pageOf<T>(model: Model<ListPage<T>>, enterpriseId: string, page: number | undefined): Promise<ListPageAnswer<T>> {
  return (await readPagedList(model, enterpriseId, page ?? 0)) ?? { items: [], page: page ?? 0, pages: 0 };
}

/**
 * What an enterprise finds of its own: its lots, alerts, loggers and unit runs, from per-enterprise
 * lists the projector keeps (projection/coldchain/enterpriseLists.ts). Each is paged like a trace timeline.
 */
export function myRoutes(services: Pick<GatewayServices, 'projection'>, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'my enterprise';
  const { models } = services.projection;
  const paging = `Pages of ${ENTERPRISE_LIST_PAGE_ITEMS} count from 0 (the oldest, the default); X-Page and X-Pages say where a page is, and a Link header with rel="next" names the next page while there is one.`;
  const filtered = 'The filter applies to the items of each page, so a page may hold fewer than its size, or none: follow Link until there is none.';

  route(
    router,
    api,
    {
      method: 'get', path: '/me/lots', tag, source: 'projection', roles: ['enterprise'],
      summary: 'Lots your enterprise owns, holds or is sent now, by state (inStock, inTransit, depleted, held: a hold comes before the status)',
      description: `In the order they came to your enterprise. ${paging} ${filtered} A lot that has left you (received by another, not yours to own) is left out.`,
      query: PageQuery.extend({ state: z.enum(LotStates).optional() }),
      success: { status: 200, description: 'lots: id, product, state, your relations to it (owner, custodian, consignee), owner, custodian, consignee, quantity on hand' },
    },
    async ({ query }, _request, response) => {
      const enterpriseId = enterpriseOf(response);
      const answer = await pageOf(models.enterpriseLots, enterpriseId, query.page);
      const lots = await mapParallel(answer.items, PARALLEL_READS, async (lotId) => {
        const journey = services.projection.writtenJourney(lotId) ?? (await models.journeys.read(lotId));
        return journey?.lot ?? undefined;
      });
      const body = lots
        .filter((lot): lot is ColdChainLot => lot !== undefined && relationsOf(lot, enterpriseId).length > 0 && (!query.state || lotStateOf(lot) === query.state))
        .map((lot) => myLot(lot, enterpriseId));
      return { body, headers: pageHeaders('/me/lots', answer, { state: query.state }) };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/me/alerts', tag, source: 'projection', roles: ['enterprise'],
      summary: 'Alerts raised on lots while your enterprise owned or held them, open or acknowledged',
      description: `Oldest first. ${paging} ${filtered} Acknowledge one with POST /coldchain/lots/{lotId}/alerts/{alertId}/acknowledgements (the lot's owner or custodian now).`,
      query: PageQuery.extend({ status: z.enum(['open', 'acknowledged']).optional() }),
      success: { status: 200, description: 'alerts as the ledger holds them, acknowledged ones with ackBy, ackAt and comment' },
    },
    async ({ query }, _request, response) => {
      const answer = await pageOf(models.enterpriseAlerts, enterpriseOf(response), query.page);
      const docs = await mapParallel(answer.items, PARALLEL_READS, (id) => models.alerts.findById(id).lean());
      const body = docs
        .flatMap((doc) => (doc ? [doc.record as unknown as RiskAlert] : []))
        .filter((alert) => !query.status || alert.status === query.status);
      return { body, headers: pageHeaders('/me/alerts', answer, { status: query.status }) };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/me/loggers', tag, source: 'projection', roles: ['enterprise'],
      summary: 'Temperature loggers your enterprise registered',
      description: `In the order registered. ${paging}`,
      query: PageQuery,
      success: { status: 200, description: 'loggers as registered on the ledger' },
    },
    async ({ query }, _request, response) => {
      const answer = await pageOf(models.enterpriseLoggers, enterpriseOf(response), query.page);
      const docs = await mapParallel(answer.items, PARALLEL_READS, (loggerId) => models.loggers.findById(loggerId).lean());
      return { body: docs.flatMap((doc) => (doc ? [doc.record as unknown as TemperatureLogger] : [])), headers: pageHeaders('/me/loggers', answer, {}) };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/me/unit-runs', tag, source: 'projection', roles: ['enterprise'],
      summary: 'Runs of serialised units your enterprise commissioned',
      description: `In the order commissioned. ${paging}`,
      query: PageQuery,
      success: { status: 200, description: 'unit runs: lot, GTIN, serial prefix, first number and count, when commissioned, transaction' },
    },
    async ({ query }, _request, response) => {
      const answer = await pageOf(models.enterpriseUnitRuns, enterpriseOf(response), query.page);
      return { body: answer.items, headers: pageHeaders('/me/unit-runs', answer, {}) };
    },
  );

  return router;
}
