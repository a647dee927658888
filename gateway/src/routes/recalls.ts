import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  lotIdOf,
  MAX_RECALL_SCOPE_ENTRIES,
  recallAsSeenBy,
  RecallClosingSchema,
  RecallOpeningSchema,
  recallParties,
  RecallReportSchema,
  RecallStates,
  type RecallOpening,
  type RecallOpeningInput,
} from '../../../model/src';
import { auditRegulatorRead, readerPrincipal, requestAudience } from '../audiences';
import { principalOf } from '../auth';
import { answerOf } from '../http/idempotentWrite';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route } from '../http/route';
import { readPagedList } from '../projection/pagedList';
import { recallListIds, RECALL_LIST_PAGE_ITEMS, type StoredRecall } from '../projection/recalls';
import { Refusal } from '../refusal';
import type { GatewayServices, LedgerWriting } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { byIds } from '../store/byIds';

export type RecallServices = LedgerWriting & Pick<GatewayServices, 'projection' | 'store'>;

const RecallParams = z.object({ recallId: z.string().regex(/^RC-[0-9a-f]{16}$/, 'must be a recall id RC-<16 hex digits>') });

/**
 * The lots of a GTIN numbered within a range, from the read store's journeys by `_id` range (the
 * ledger has no range read over lot ids inside a write): the chaincode checks each lies in the range.
 */
async function lotsInRange(services: RecallServices, scope: Extract<RecallOpening['scope'], { kind: 'lotRange' }>): Promise<string[]> {
  const prefix = lotIdOf(scope.gtin, '');
  const range = { _id: { $gte: prefix + scope.fromLotNumber, $lte: `${prefix}${scope.toLotNumber}\uffff` } };
  const { journeyBases, journeyVersions } = services.projection.models;
  const ids = [
    ...(await journeyBases.find(range, { _id: 1 }).limit(MAX_RECALL_SCOPE_ENTRIES * 4).lean()).map((doc) => doc._id),
    // A lot not compacted yet has only versions, `<lotId>@<version>`.
    ...(await journeyVersions.find(range, { _id: 1 }).limit(MAX_RECALL_SCOPE_ENTRIES * 4).lean()).map((doc) => doc._id.split('@')[0]),
  ];
  const lotIds = [...new Set(ids)].filter((id) => {
    const lotNumber = id.slice(prefix.length);
    return lotNumber >= scope.fromLotNumber && lotNumber <= scope.toLotNumber;
  });
  if (lotIds.length > MAX_RECALL_SCOPE_ENTRIES) {
    throw new Refusal('CONFLICT', `scope: lots ${scope.fromLotNumber} to ${scope.toLotNumber} of GTIN ${scope.gtin} are more than ${MAX_RECALL_SCOPE_ENTRIES}, more than one recall may name; narrow the range`);
  }
  return lotIds.sort();
}

/**
 * Recalls: opened by a regulator or the enterprise answerable for the goods, with the impact list
 * computed on chain; acknowledged and reported by each affected holder; closed by a regulator. Reads
 * answer each caller its audience's view; regulators page through recalls by state.
 */
export function recallRoutes(services: RecallServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'recalls';
  const writeRoute = ledgerWriteRoutes(router, api, services, tag);
  const readLog = regulatorReadLog(services.store);

  route(
    router,
    api,
    {
      method: 'post', path: '/recalls', tag, roles: ['enterprise', 'regulator', 'admin'], body: RecallOpeningSchema, idempotent: true,
      summary: 'Open a recall (a regulator, or the enterprise answerable for the goods): the ledger computes the impact list from lineage and holds the scope',
      description: `Scopes: lots by id, a GTIN with a lot-number range (compared as text; the gateway finds the lots in its read store, the chaincode checks each), drug batches, or a drug product. A scope that matches nothing is refused (404), one that holds no stock or reaches more than the bound of items (409 naming it).`,
      source: 'ledger: submit, answers after commit',
      success: { status: 201, description: 'committed: the recall, every holder entry and the lots its hold reached' },
    },
    async ({ body }, request: Request, response: Response) => {
      const principal = principalOf(response);
      const input: RecallOpeningInput = { opening: body, ...(body.scope.kind === 'lotRange' ? { rangeLotIds: await lotsInRange(services, body.scope) } : {}) };
      return answerOf(await services.writer.write(request, principal.sub, services.signing.for(principal), 'recalls:openRecall', [JSON.stringify(input)]));
    },
  );
  writeRoute(
    { path: '/recalls/:recallId/acknowledgement', summary: 'Acknowledge a recall notice (an affected holder; late past the deadline)', body: z.strictObject({}), params: RecallParams },
    'recalls:acknowledge',
    (_b, p) => [p.recallId],
  );
  writeRoute(
    { path: '/recalls/:recallId/report', summary: 'Report what you withdrew, returned and destroyed of each item you held (an affected holder; at most what you held)', body: RecallReportSchema, params: RecallParams },
    'recalls:report',
    (b, p) => [p.recallId, JSON.stringify(b)],
  );
  writeRoute(
    { path: '/recalls/:recallId/closing', summary: 'Close an open recall with a reason (regulator)', body: RecallClosingSchema, params: RecallParams, roles: ['regulator', 'admin'] },
    'recalls:closeRecall',
    (b, p) => [p.recallId, JSON.stringify(b)],
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/recalls/:recallId', tag, source: 'projection', params: RecallParams,
      summary: 'A recall as you may see it: regulators every holder; the responsible enterprise every holder\'s progress and its direct consignees\' quantities; a holder its own entry; anyone the reason, level, goods and state',
      success: { status: 200, description: 'the recall (and holders, for parties and regulators), with the audience it was cut for' },
    },
    async ({ params }, _request, response) => {
      const doc = (await services.projection.models.recalls.findById(params.recallId).lean()) as StoredRecall | null;
      if (!doc) throw new Refusal('NOT_FOUND', `recall ${params.recallId} is not known (or not projected yet)`);
      const principal = readerPrincipal(response);
      const audience = await requestAudience(principal, async () => recallParties(doc.recall, doc.holders));
      await auditRegulatorRead(readLog, principal, audience, 'GET /recalls/:recallId', params.recallId);
      return { body: recallAsSeenBy(doc.recall, doc.holders, audience, principal?.ent) };
    },
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/regulator/recalls', tag, source: 'projection', roles: ['regulator', 'admin'],
      summary: 'Recalls, a page at a time, all or by state',
      description: `Pages of ${RECALL_LIST_PAGE_ITEMS} recalls in the order they entered the state (\`page\` 0 is the oldest; default the newest). A recall that has since left the state is left out of its old state's page, so a page may hold fewer.`,
      query: z.object({ state: z.enum(RecallStates).optional(), page: z.coerce.number().int().min(0).optional() }),
      success: { status: 200, description: 'the page of recalls with their holders\' progress, and the page number and count' },
    },
    async ({ query }) => {
      const { recalls, recallLists } = services.projection.models;
      const list = await readPagedList(recallLists, query.state ? recallListIds.state(query.state) : recallListIds.all, query.page);
      const ids = list?.items ?? [];
      const docs = (await byIds(recalls, ids)) as unknown as StoredRecall[];
      const byId = new Map(docs.map((doc) => [doc._id, doc]));
      const items = ids
        .map((id) => byId.get(id))
        .filter((doc): doc is StoredRecall => doc !== undefined && (query.state === undefined || doc.recall.state === query.state))
        .map((doc) => ({
          ...doc.recall,
          holders: doc.holders.length,
          acknowledged: doc.holders.filter((h) => h.acknowledgedAt).length,
          reported: doc.holders.filter((h) => h.reportedAt).length,
          late: doc.holders.filter((h) => h.late).length,
          overdue: doc.holders.filter((h) => h.overdueSince && !h.acknowledgedAt).length,
        }))
        .reverse();
      return { body: { items, page: list?.page ?? 0, pages: list?.pages ?? 0 } };
    },
  );
  return router;
}
