import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  CustodyBatchSchema,
  CustodyEventInputSchema,
  EntryDocumentInputSchema,
  HoldInputSchema,
  LiftHoldInputSchema,
  LoggerAttachmentInputSchema,
  LoggerRegistrationSchema,
  LotIdSchema,
  LotRegistrationSchema,
  MergeInputSchema,
  SplitInputSchema,
  TransformInputSchema,
} from '../../../model/src';
import { principalOf, type Role } from '../auth';
import { notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { route, type RouteAnswer } from '../http/route';
import type { GatewayServices } from '../services';

const LotParams = z.object({ lotId: LotIdSchema });

/**
 * Cold-chain lots (GTIN + lot number), entry documents, custody, lineage, recall holds and loggers.
 * Lot ids contain slashes (`01/<GTIN>/10/<lot>`): URL-encode them in paths.
 */
export function coldChainRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'cold chain';
  const { writer, signing, ledger, readerIdentity } = services;
  const models = services.projector.models;

  /** A write route: the body (and path) become the chaincode arguments; answers after commit. */
  const writeRoute = <B extends z.ZodType, P extends z.ZodType = z.ZodUnknown>(
    spec: { path: string; summary: string; body: B; params?: P; roles?: Role[] },
    fn: string,
    args: (body: z.output<B>, params: z.output<P>) => string[],
  ): void =>
    route(
      router,
      api,
      {
        method: 'post', path: spec.path, tag, summary: spec.summary, roles: spec.roles ?? ['enterprise'], body: spec.body, params: spec.params,
        idempotent: true, source: 'ledger: submit, answers after commit',
        success: { status: 201, description: 'committed: what the transaction wrote, its transaction id and block' },
      },
      async ({ body, params }, request: Request, response: Response): Promise<RouteAnswer> => {
        const principal = principalOf(response);
        return answerOf(await writer.write(request, principal.sub, signing.for(principal), fn, args(body, params)));
      },
    );

  const json = (value: unknown): string => JSON.stringify(value);
  writeRoute({ path: '/coldchain/lots', summary: 'Create a lot (importer or producer)', body: LotRegistrationSchema }, 'coldchain:createLot', (b) => [json(b)]);
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
    { path: '/coldchain/lots/:lotId/hold', summary: 'Mark a lot recalled or quarantined (owner or regulator); it cannot move', body: HoldInputSchema, params: LotParams, roles: ['enterprise', 'regulator'] },
    'coldchain:setHold',
    (b, p) => [p.lotId, json(b)],
  );
  writeRoute(
    { path: '/coldchain/lots/:lotId/hold/lift', summary: 'Lift a recall or quarantine hold', body: LiftHoldInputSchema, params: LotParams, roles: ['enterprise', 'regulator'] },
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
  writeRoute({ path: '/coldchain/loggers', summary: 'Register a temperature logger (optionally with its public key)', body: LoggerRegistrationSchema }, 'coldchain:registerLogger', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/loggers/attachments', summary: 'Attach a logger to a lot from an event time on', body: LoggerAttachmentInputSchema }, 'coldchain:attachLogger', (b) => [json(b)]);
  writeRoute({ path: '/coldchain/loggers/detachments', summary: 'Detach a logger from a lot at an event time', body: LoggerAttachmentInputSchema }, 'coldchain:detachLogger', (b) => [json(b)]);

  const ledgerRead = (path: string, summary: string, fn: string): void =>
    route(router, api, { method: 'get', path, tag, summary, source: 'ledger: evaluate', params: LotParams, success: { status: 200, description: summary } }, async ({ params }) => ({
      body: await ledger.evaluate<unknown>(readerIdentity, fn, params.lotId),
    }));
  ledgerRead('/coldchain/lots/:lotId', 'The lot as the ledger holds it now', 'coldchain:getLot');
  ledgerRead('/coldchain/lots/:lotId/history', 'Every state of the lot, oldest first (source of truth for audits)', 'coldchain:getLotHistory');
  ledgerRead('/coldchain/lots/:lotId/trace', 'All ancestors and descendants across splits, merges and transformations', 'coldchain:traceLot');

  route(
    router,
    api,
    {
      method: 'get', path: '/coldchain/lots/:lotId/journey', tag, source: 'projection', params: LotParams,
      summary: 'The lot\'s journey: lot, custody events in time order, alerts, parents and children, logger windows',
      success: { status: 200, description: 'the journey' },
    },
    async ({ params }) => {
      const lot = await models.lots.findById(params.lotId).lean();
      if (!lot) {
        throw notFoundRequest(`lot ${params.lotId} is not projected (unknown, or not yet: retry in a moment)`);
      }
      const [custody, alerts, parents, children, attachments] = await Promise.all([
        models.custodyEvents.find({ 'record.lotId': params.lotId }).lean(),
        models.alerts.find({ 'record.lotId': params.lotId }).lean(),
        models.lineage.find({ 'record.childId': params.lotId }).lean(),
        models.lineage.find({ 'record.parentId': params.lotId }).lean(),
        models.loggerAttachments.find({ 'record.lotId': params.lotId }).lean(),
      ]);
      const byTime = (a: { record: Record<string, unknown> }, b: { record: Record<string, unknown> }) => String(a.record.eventTime).localeCompare(String(b.record.eventTime));
      return {
        body: {
          lot: lot.record,
          custody: custody.sort(byTime).map((d) => d.record),
          alerts: alerts.map((d) => d.record),
          parents: parents.map((d) => d.record.parentId),
          children: children.map((d) => d.record.childId),
          loggers: attachments.map((d) => d.record),
          source: lot.source,
        },
      };
    },
  );

  return router;
}
