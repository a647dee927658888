import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Response } from 'express';
import { z } from 'zod';
import {
  AlertAcknowledgementInputSchema,
  asSeenBy,
  lotParties,
  LotAudiences,
  publicAlert,
  publicCustodyRecord,
  publicLineageLink,
  publicLot,
  type Audience,
  type ColdChainLot,
  type LotTrace,
  type LotVersionRecord,
  AlertReferenceSchema,
  CustodyBatchSchema,
  CustodyEventInputSchema,
  EntryDocumentInputSchema,
  HoldInputSchema,
  LiftHoldInputSchema,
  LineageCorrectionInputSchema,
  LoggerAttachmentInputSchema,
  LoggerGrantInputSchema,
  LoggerGrantRevocationSchema,
  LoggerRegistrationSchema,
  LotBatchSchema,
  LotIdSchema,
  LotRegistrationSchema,
  MergeInputSchema,
  SplitInputSchema,
  TransformInputSchema,
  UnitRunBodySchema,
  UnitSalesBodySchema,
  MAX_UNITS_PER_RUN,
  MAX_UNIT_SALES_PER_TRANSACTION,
} from '../../../model/src';
import { auditRegulatorRead, readerPrincipal, requestAudience } from '../audiences';
import { notFoundRequest } from '../http/httpError';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { findJourney } from '../consumer/lotView';
import { route } from '../http/route';
import { traceLots } from '../lineage/lotTrace';
import type { GatewayServices, LedgerReading, LedgerWriting } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';

const LotParams = z.object({ lotId: LotIdSchema });

/** Lots written and read on the ledger, journeys and lineage from the projection, the store's log of regulators' reads. */
export type ColdChainServices = LedgerWriting & LedgerReading & Pick<GatewayServices, 'projection' | 'store'>;

/**
 * Cold-chain lots (GTIN + lot number), entry documents, custody, lineage, recall holds and loggers.
 * Lot ids contain slashes (`01/<GTIN>/10/<lot>`): URL-encode them in paths.
 */
export function coldChainRoutes(services: ColdChainServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'cold chain';
  const { ledger, readerIdentity } = services;
  const { models } = services.projection;

  const writeRoute = ledgerWriteRoutes(router, api, services, tag);

  const json = (value: unknown): string => JSON.stringify(value);
  writeRoute({ path: '/coldchain/lots', summary: 'Create a lot (importer or producer)', body: LotRegistrationSchema }, 'coldchain:createLot', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/lots/batches', summary: 'Create up to 1,000 lots in one transaction, all or none, each checked as a single creation', body: LotBatchSchema }, 'coldchain:createLotBatch', (b) => [json(b)]);
  writeRoute(
    { path: '/coldchain/lots/:lotId/documents', summary: 'Add an entry document (number, issuer, date, SHA-256)', body: EntryDocumentInputSchema, params: LotParams },
    'coldchain:addDocument',
    (b, p) => [p.lotId, json(b)],
  );
  writeRoute({ path: '/coldchain/custody', summary: 'Record a custody event: ship, receive, store, releaseForSale, sell', body: CustodyEventInputSchema }, 'coldchain:recordCustody', (b) => [json(b)]);
  writeRoute(
    { path: '/coldchain/custody/batches', summary: 'Record up to 2,000 custody events in one transaction, all or none, each checked as a single event', body: CustodyBatchSchema },
    'coldchain:recordCustodyBatch',
    (b) => [json(b)],
  );
  writeRoute({ path: '/coldchain/lots/split', summary: 'Split a lot into child lots', body: SplitInputSchema }, 'coldchain:splitLot', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/lots/merge', summary: 'Merge lots into one', body: MergeInputSchema }, 'coldchain:mergeLots', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/lots/transform', summary: 'Transform input lots into output lots', body: TransformInputSchema }, 'coldchain:transformLots', (b) => [json(b)]);
  writeRoute(
    {
      path: '/coldchain/lineage/corrections',
      summary: 'Correct the figures of a lineage link written wrong (split links that gave every child the parent\'s total), recomputed from the child lot; the link stays as written beside the correction record (admin, or the owner of either lot); 409 when there is nothing to correct',
      body: LineageCorrectionInputSchema,
      roles: ['enterprise', 'admin'],
    },
    'coldchain:correctLineage',
    (b) => [b.parentId, b.childId],
  );
  writeRoute(
    {
      path: '/coldchain/lots/:lotId/hold',
      summary: 'Mark a lot recalled or quarantined (owner or regulator), and with it every lot made from it (their hold names this lot); none of them can move',
      body: HoldInputSchema,
      params: LotParams,
      roles: ['enterprise', 'regulator'],
    },
    'coldchain:setHold',
    (b, p) => [p.lotId, json(b)],
  );
  writeRoute(
    {
      path: '/coldchain/lots/:lotId/hold/lift',
      summary: 'Lift a recall or quarantine hold, and the holds the lots made from it took from it; an inherited hold is lifted only at its origin',
      body: LiftHoldInputSchema,
      params: LotParams,
      roles: ['enterprise', 'regulator'],
    },
    'coldchain:liftHold',
    (b, p) => [p.lotId, json(b)],
  );
  writeRoute(
    {
      path: '/coldchain/lots/:lotId/temperature-coverage/checks',
      summary: 'Check the lot\'s ended custody periods for time without anchored readings; raises one temperatureGap alert per period with gaps',
      body: z.strictObject({}),
      params: LotParams,
      roles: ['enterprise', 'regulator'],
    },
    'coldchain:checkTemperatureCoverage',
    (_b, p) => [p.lotId],
  );
  writeRoute(
    {
      path: '/coldchain/lots/:lotId/units',
      summary: `Commission serialised units <prefix><number padded to 6 digits> from..from+count-1 (count ≤ ${MAX_UNITS_PER_RUN.toLocaleString('en')}) of a lot you own; refused if it overlaps an earlier run of the GTIN and prefix`,
      body: UnitRunBodySchema,
      params: LotParams,
    },
    'coldchain:commissionUnits',
    (b, p) => [json({ lotId: p.lotId, ...b })],
  );
  writeRoute(
    {
      path: '/coldchain/lots/:lotId/unit-sales',
      summary: `Record retail sales (retail_selling / retail_sold) of up to ${MAX_UNIT_SALES_PER_TRANSACTION.toLocaleString('en')} units of a lot you hold; the same sale again changes nothing, a different second sale raises a unitSoldTwice alert`,
      body: UnitSalesBodySchema,
      params: LotParams,
    },
    'coldchain:recordUnitSales',
    (b, p) => [json({ lotId: p.lotId, ...b })],
  );
  writeRoute(
    {
      path: '/coldchain/lots/:lotId/alerts/:alertId/acknowledgements',
      summary: 'Acknowledge an alert of a lot with a comment (the lot\'s owner or custodian, whom it concerns; URL-encode both ids): the alert stays, marked acknowledged with who, when and the comment',
      body: AlertAcknowledgementInputSchema,
      params: AlertReferenceSchema,
    },
    'coldchain:acknowledgeAlert',
    (b, p) => [p.lotId, p.alertId, json(b)],
  );
  writeRoute({ path: '/coldchain/loggers', summary: 'Register a temperature logger (optionally with its public key)', body: LoggerRegistrationSchema }, 'coldchain:registerLogger', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/loggers/attachments', summary: 'Attach a logger to a lot from an event time on', body: LoggerAttachmentInputSchema }, 'coldchain:attachLogger', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/loggers/detachments', summary: 'Detach a logger from a lot at an event time', body: LoggerAttachmentInputSchema }, 'coldchain:detachLogger', (b) => [json(b)]);
  writeRoute(
    { path: '/coldchain/loggers/grants', summary: 'Let another enterprise attach your logger to lots it holds, optionally until a time (logger owner)', body: LoggerGrantInputSchema },
    'coldchain:grantLogger',
    (b) => [json(b)],
  );
  writeRoute(
    { path: '/coldchain/loggers/grants/revocations', summary: 'End a grant of your logger; attachments already made stay (logger owner)', body: LoggerGrantRevocationSchema },
    'coldchain:revokeLoggerGrant',
    (b) => [json(b)],
  );

  // The gateway's reader identity gets records whole from the ledger (chaincode/src/common/readerAudience.ts);
  // each read is cut here to the caller's audience, as the model declares (LotAudiences).
  const readLog = regulatorReadLog(services.store);
  /** A lot's parties, from its journey in the projection, or from the ledger while it is not projected yet. */
  const partiesOf = async (lotId: string): Promise<Set<string>> => {
    const journey = await findJourney(models, lotId);
    return journey ? lotParties(journey.lot, journey.custody) : lotParties(await readLot(lotId));
  };
  /** The caller's audience for a lot (parties read only for an enterprise token); a regulator's read is logged. */
  const lotAudience = async (response: Response, route: string, lotId: string, parties = () => partiesOf(lotId)): Promise<Audience> => {
    const principal = readerPrincipal(response);
    const audience = await requestAudience(principal, parties);
    await auditRegulatorRead(readLog, principal, audience, route, lotId);
    return audience;
  };
  const ledgerRead = (path: string, summary: string, answer: (lotId: string, response: Response) => Promise<unknown>): void =>
    route(router, api, { method: 'get', path, tag, summary, source: 'ledger: evaluate', params: LotParams, success: { status: 200, description: summary } }, async ({ params }, _request, response) => ({
      body: await answer(params.lotId, response),
    }));
  const readLot = (lotId: string): Promise<ColdChainLot> => ledger.evaluate<ColdChainLot>(readerIdentity, 'coldchain:getLot', lotId);
  ledgerRead('/coldchain/lots/:lotId', 'The lot as the ledger holds it now (the public sees no quantities, documents or exact times)', async (lotId, response) => {
    const lot = await readLot(lotId);
    const journey = () => findJourney(models, lotId);
    return asSeenBy(LotAudiences.lot, await lotAudience(response, 'GET /coldchain/lots/:lotId', lotId, async () => lotParties(lot, (await journey())?.custody)), lot);
  });
  ledgerRead('/coldchain/lots/:lotId/history', 'Every state of the lot, oldest first (source of truth for audits)', async (lotId, response) => {
    const versions = await ledger.evaluate<LotVersionRecord<ColdChainLot>[]>(readerIdentity, 'coldchain:getLotHistory', lotId);
    const audience = await lotAudience(response, 'GET /coldchain/lots/:lotId/history', lotId);
    return versions.map((version) => asSeenBy(LotAudiences.lotVersion, audience, version));
  });
  ledgerRead('/coldchain/lots/:lotId/trace', 'All ancestors and descendants across splits, merges and transformations', async (lotId, response) => {
    const trace = await ledger.evaluate<LotTrace>(readerIdentity, 'coldchain:traceLot', lotId);
    return asSeenBy(LotAudiences.lotTrace, await lotAudience(response, 'GET /coldchain/lots/:lotId/trace', lotId), trace);
  });

  route(
    router,
    api,
    {
      method: 'get', path: '/coldchain/lots/:lotId/journey', tag, source: 'projection', params: LotParams,
      summary: 'The lot\'s journey: lot, custody events in log order, alerts, parents and children, logger windows, anchors (the public sees enterprises, days and cities, without loggers or anchors)',
      success: { status: 200, description: 'the journey' },
    },
    async ({ params }, _request, response) => {
      const journey = await findJourney(models, params.lotId);
      if (!journey) {
        throw notFoundRequest(`lot ${params.lotId} is not projected (unknown, or not yet: retry in a moment)`);
      }
      const audience = await lotAudience(response, 'GET /coldchain/lots/:lotId/journey', params.lotId, () => Promise.resolve(lotParties(journey.lot, journey.custody)));
      const lineage = [...journey.parents, ...journey.children];
      const common = {
        parents: journey.parents.map((link) => link.parentId),
        children: journey.children.map((link) => link.childId),
        holders: journey.holders,
        source: journey.source,
      };
      if (audience === 'public') {
        return {
          body: {
            lot: publicLot(journey.lot),
            custody: journey.custody.map(publicCustodyRecord),
            alerts: journey.alerts.map(publicAlert),
            lineage: lineage.map(publicLineageLink),
            ...common,
          },
        };
      }
      return {
        body: { lot: journey.lot, custody: journey.custody, alerts: journey.alerts, ...common, lineage, loggers: journey.loggers, anchors: journey.anchors },
      };
    },
  );

  const TraceQuery = z.object({ hops: z.coerce.number().int().min(0).max(50).default(5) });
  for (const direction of ['forward', 'back'] as const) {
    route(
      router,
      api,
      {
        method: 'get', path: `/coldchain/lots/:lotId/trace/${direction}`, tag, source: 'projection', params: LotParams, query: TraceQuery,
        summary: direction === 'forward'
          ? 'Every lot made from this one (splits, merges, transformations) up to `hops` levels, with every enterprise that held any of them'
          : 'Every lot this one was made from up to `hops` levels, with every enterprise that held any of them',
        success: { status: 200, description: 'the lots reached (with depth and holders), all holders, the links crossed (the public sees their kind and day, not quantities)' },
      },
      async ({ params, query }, _request, response) => {
        const result = await traceLots(models, params.lotId, direction, query.hops, services.projection.cache);
        if (!result) {
          throw notFoundRequest(`lot ${params.lotId} is not projected (unknown, or not yet: retry in a moment)`);
        }
        const audience = await lotAudience(response, `GET /coldchain/lots/:lotId/trace/${direction}`, params.lotId);
        return { body: audience === 'public' ? { ...result, links: result.links.map(publicLineageLink) } : result };
      },
    );
  }

  return router;
}
