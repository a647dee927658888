import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  AdverseReactionBodySchema,
  canonicalCodeList,
  CommissioningBodySchema,
  ConsumerAdverseReactionBodySchema,
  DispenseBodySchema,
  drugBatchIdOf,
  DrugAudiences,
  DrugBatchNumberSchema,
  DrugBatchRegistrationSchema,
  DrugHoldBodySchema,
  DrugLabelRequestSchema,
  MAX_LABELS_PER_SHEET,
  MAX_PACKS_PER_UPLOAD,
  DrugLiftHoldBodySchema,
  DrugProductRegistrationSchema,
  DrugTraceCodeSchema,
  idCodeOfLevel,
  IdentificationCodeAssignmentSchema,
  IdentificationCodeSchema,
  ManufactureDelegationSchema,
  PackBodySchema,
  PackUploadBodySchema,
  ReceiveBodySchema,
  RetireBodySchema,
  ReturnBodySchema,
  ShipBodySchema,
  UnpackBodySchema,
  UsccSchema,
  type AdverseReactionReport,
  type DispenseOutcome,
  type DrugLedgerUpdate,
  type DrugProduct,
} from '../../../model/src';
import { auditRegulatorRead, readerPrincipal, requestAudience } from '../audiences';
import { principalOf, requireRole, type Principal, type Role } from '../auth';
import { drugCodeEntryPage, reactionReceivedPage } from '../consumer/drugPage';
import { pickLanguage } from '../consumer/i18n';
import { batchWhereabouts, gs1ElementStringOf, provenChildren, provenCode, provenCodes, storeCodeList, streamDrugLabelSheetPdf, type DrugLabel } from '../drugCodes';
import { CodeRuns } from '../qr';
import { badRequest, forbiddenRequest, notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route, type RouteAnswer } from '../http/route';
import { readPagedList } from '../projection/pagedList';
import type { GatewayServices, LedgerReading, LedgerWriting } from '../services';
import { complaintContactModel } from '../store/primaryData';
import { regulatorReadLog } from '../store/regulatorReadLog';
import crypto from 'node:crypto';

/** What the drug routes use: ledger writes and reads, the projection, the stored code lists and their reader. */
export type DrugServices = LedgerWriting & LedgerReading & Pick<GatewayServices, 'projection' | 'store' | 'drugCodes' | 'drugCodeLists' | 'intakeIdentity'>;

const CodeParams = z.object({ code: DrugTraceCodeSchema });
const BatchParams = z.object({ productId: IdentificationCodeSchema, batchNumber: DrugBatchNumberSchema });
const json = (value: unknown): string => JSON.stringify(value);
const todayInChina = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Where code lists are posted, with a body limit of their own: 500,000 codes of 20 digits are some 12 MB of JSON. */
export const COMMISSIONING_UPLOAD_PATH = '/drug/commissionings';
const COMMISSIONING_BODY_LIMIT = '16mb';

export function commissioningBodyParser(): RequestHandler {
  return express.json({ limit: COMMISSIONING_BODY_LIMIT });
}

/** The HTTP status of each code of a dispense: 201 used now, 200 the same record again, 409 a second use (with its alert). */
const STATUS_OF: Record<DispenseOutcome['outcome'], number> = { dispensed: 201, repeated: 200, duplicate: 409 };

/**
 * Drugs: identification codes, products and batches, commissioning of code lists, packing, shipping,
 * receiving, one-use dispensing, returns, retirements, holds and adverse reactions; verification for
 * anyone, where-is and history for regulators. Clients name codes by their 20 digits; the gateway adds
 * each code's proof from the stored lists, so the ledger checks every code against its root.
 */
export function drugRoutes(services: DrugServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const tag = 'drug';
  const { ledger, readerIdentity, drugCodes } = services;
  const { models } = services.projection;
  const readLog = regulatorReadLog(services.store);
  const writeRoute = ledgerWriteRoutes(router, api, services, tag);

  writeRoute(
    { path: '/admin/drug/identification-codes', summary: 'Assign a 7-digit drug identification code (one product at one packaging level) to its marketing-authorisation holder; once per code', body: IdentificationCodeAssignmentSchema, roles: ['admin'] },
    'drug:assignIdentificationCode',
    (b) => [json(b)],
  );
  writeRoute({ path: '/drug/delegations', summary: 'As a holder, let a contract manufacturer register batches and commission, pack and ship codes of your products', body: ManufactureDelegationSchema }, 'drug:delegateManufacture', (b) => [json(b)]);
  writeRoute({ path: '/drug/delegations/withdrawals', summary: 'As a holder, withdraw a manufacture delegation', body: z.strictObject({ manufacturerId: UsccSchema }) }, 'drug:withdrawManufacture', (b) => [b.manufacturerId]);
  writeRoute({ path: '/drug/products', summary: 'Register a product: approval number, names, form, strength, package, storage, packaging levels with their assigned identification codes', body: DrugProductRegistrationSchema }, 'drug:registerProduct', (b) => [json(b)]);
  writeRoute({ path: '/drug/batches', summary: 'Register a production batch: batch number, production and expiry date, planned packs per level (holder or delegated manufacturer)', body: DrugBatchRegistrationSchema }, 'drug:registerBatch', (b) => [json(b)]);

  /** A write whose body names codes: `args` adds their proofs (a code no stored list holds is a 400, nothing submitted). */
  const provenWrite = <B extends z.ZodType>(
    spec: { path: string; summary: string; body: B; roles?: Role[] },
    fn: string,
    args: (body: z.output<B>, principal: Principal) => Promise<string[]>,
    answer: (written: RouteAnswer) => RouteAnswer = (written) => written,
  ): void =>
    route(
      router,
      api,
      {
        method: 'post', path: spec.path, tag, summary: spec.summary, roles: spec.roles ?? ['enterprise'], body: spec.body, idempotent: true,
        source: 'ledger: submit, answers after commit', success: { status: 201, description: 'committed: what the transaction wrote, its transaction id and block' },
      },
      async ({ body }, request: Request, response: Response) => {
        const principal = principalOf(response);
        const written = answerOf(await services.writer.write(request, principal.sub, services.signing.for(principal), fn, await args(body, principal)));
        return answer(written);
      },
    );

  provenWrite(
    {
      path: COMMISSIONING_UPLOAD_PATH,
      summary: 'Commission the codes of one batch and level as printed (a contiguous range or an imported list, up to 500,000; body up to 16 MB): the ledger anchors their Merkle root, count and serial span; the list is kept here for proofs',
      body: CommissioningBodySchema,
    },
    'drug:commissionCodes',
    async (body, principal) => {
      let list: string[];
      try {
        list = canonicalCodeList(body.codes);
      } catch (error) {
        throw badRequest(`codes: ${(error as Error).message}`);
      }
      let product: DrugProduct;
      try {
        product = await ledger.evaluate<DrugProduct>(readerIdentity, 'drug:getProduct', body.productId);
      } catch {
        throw notFoundRequest(`productId: product ${body.productId} is not registered`);
      }
      const idCode = idCodeOfLevel(product, body.level);
      if (idCode === undefined) throw badRequest(`level: product ${body.productId} has no ${body.level} level`);
      if (list[0].slice(0, 7) !== idCode) throw badRequest(`codes: they carry identification code ${list[0].slice(0, 7)}, but the ${body.level} level of product ${body.productId} is ${idCode}`);
      const summary = await storeCodeList(services.drugCodeLists, list, principal.sub);
      return [json({ productId: body.productId, batchNumber: body.batchNumber, level: body.level, firstSerial: summary.firstSerial, lastSerial: summary.lastSerial, count: summary.count, merkleRoot: summary.merkleRoot, eventTime: body.eventTime })];
    },
  );
  provenWrite(
    { path: '/drug/packs', summary: 'Pack children (codes, or serial ranges {idCode, from, to} of a contiguous commissioning) into a parent you hold (EPCIS aggregation ADD); a child already in a parent, or a cycle, is refused', body: PackBodySchema },
    'drug:pack',
    async (b) => [json({ ...b, parent: await provenCode(drugCodes, b.parent, 'parent'), children: await provenChildren(drugCodes, b.children) })],
  );
  provenWrite(
    {
      path: '/drug/pack-uploads',
      summary: `A packaging line's run: up to ${MAX_PACKS_PER_UPLOAD} packs (as /drug/packs takes one) in one transaction, all or nothing; a refusal names the pack (packs.<i>.…). Packs of neighbouring serials posted one by one at once refuse each other (they share a bucket key); one upload does not`,
      body: PackUploadBodySchema,
    },
    'drug:packUpload',
    async (b) => [
      json({
        packs: await Promise.all(b.packs.map(async (one, i) => ({
          ...one,
          parent: await provenCode(drugCodes, one.parent, `packs.${i}.parent`),
          children: await provenChildren(drugCodes, one.children, `packs.${i}.children`),
        }))),
      }),
    ],
  );
  provenWrite({ path: '/drug/unpacks', summary: 'Unpack a loose parent you hold: its children stay with you, loose', body: UnpackBodySchema }, 'drug:unpack', async (b) => [json({ ...b, parent: await provenCode(drugCodes, b.parent, 'parent') })]);
  provenWrite(
    { path: '/drug/shipments', summary: 'Ship outermost codes (pallet, case, loose box or unit) you hold to a registered enterprise; what is packed inside moves with them', body: ShipBodySchema },
    'drug:ship',
    async (b) => [json({ ...b, codes: await provenCodes(drugCodes, b.codes, 'codes') })],
  );
  provenWrite(
    { path: '/drug/receipts', summary: 'As the receiver, accept shipped codes (you hold them now) or refuse them (back to the shipper)', body: ReceiveBodySchema },
    'drug:receive',
    async (b) => [json({ ...b, codes: await provenCodes(drugCodes, b.codes, 'codes') })],
  );
  provenWrite(
    {
      path: '/drug/dispenses',
      summary: 'Dispense (hospital) or sell (pharmacy) up to 1,000 units in one upload: one code, one use. A code already used keeps its first use and answers 409 with a duplicate-sale alert while the others dispense',
      body: DispenseBodySchema,
    },
    'drug:dispense',
    async (b) => [json({ ...b, units: await Promise.all(b.units.map(async (unit, index) => ({ ...unit, proof: (await provenCode(drugCodes, unit.code, `units.${index}.code`)).proof }))) })],
    (written) => {
      if (written.status !== 201) return written;
      const update = (written.body as { result?: DrugLedgerUpdate }).result;
      const codes = (update?.outcomes ?? []).map((outcome) => ({ ...outcome, status: STATUS_OF[outcome.outcome] }));
      const allDuplicates = codes.length > 0 && codes.every((code) => code.status === 409);
      return {
        ...written,
        status: allDuplicates ? 409 : 201,
        body: allDuplicates
          ? { title: 'duplicate sale', status: 409, detail: `every code of the upload was already used; duplicate-sale alerts: ${codes.map((c) => c.alertId).join(', ')}`, codes }
          : { ...(written.body as object), codes },
      };
    },
  );
  provenWrite(
    { path: '/drug/returns', summary: 'Take back a unit you sold or dispensed, within the product\'s return window: the code is active again, with the reason', body: ReturnBodySchema },
    'drug:returnCode',
    async (b) => [json({ ...b, proof: (await provenCode(drugCodes, b.code, 'code')).proof })],
  );
  provenWrite(
    { path: '/drug/retirements', summary: 'Mark outermost codes you hold destroyed, stolen, sampled or exported', body: RetireBodySchema },
    'drug:retire',
    async (b) => [json({ ...b, codes: await provenCodes(drugCodes, b.codes, 'codes') })],
  );
  const holdTarget = async (target: z.output<typeof DrugHoldBodySchema>['target']): Promise<unknown> =>
    target.kind === 'code' ? { ...target, proof: (await provenCode(drugCodes, target.code, 'target.code')).proof } : target;
  provenWrite(
    { path: '/drug/holds', summary: 'Mark a code (and all packed in it), a batch or a product suspect, quarantined or recalled: held stock cannot move or be dispensed (the product\'s holder, the code\'s holder, or a regulator)', body: DrugHoldBodySchema, roles: ['enterprise', 'regulator'] },
    'drug:setHold',
    async (b) => [json({ ...b, target: await holdTarget(b.target) })],
  );
  provenWrite(
    { path: '/drug/holds/lift', summary: 'Lift a hold; one a regulator set only a regulator lifts', body: DrugLiftHoldBodySchema, roles: ['enterprise', 'regulator'] },
    'drug:liftHold',
    async (b) => [json({ ...b, target: await holdTarget(b.target) })],
  );
  provenWrite(
    { path: '/drug/adverse-reactions', summary: 'Report a suspected adverse reaction on a code or a batch (hospital or pharmacy): a risk clue linked to the batch', body: AdverseReactionBodySchema },
    'drug:reportAdverseReaction',
    async (b) => [json({ ...b, subject: b.subject.kind === 'code' ? { ...b.subject, proof: (await provenCode(drugCodes, b.subject.code, 'subject.code')).proof } : b.subject })],
  );

  // A consumer's report from the verify page: filed by the gateway's intake identity, bounded per batch and day on chain;
  // a contact stays off chain, and is deleted with the token through POST /complaints/{clueId}/contact/purge.
  const contacts = complaintContactModel(services.store);
  route(
    router,
    api,
    {
      method: 'post', path: '/drug/codes/:code/adverse-reactions', tag, source: 'ledger: submit, answers after commit', idempotent: true, forms: true, params: CodeParams, body: ConsumerAdverseReactionBodySchema,
      summary: 'As a patient, report a suspected adverse reaction to the scanned drug (public): a risk clue on the batch; a contact, if given, stays off chain and can be deleted with the returned token',
      description: 'The Idempotency-Key header (or an idempotencyKey field) makes a retry answer the report already filed. One batch takes at most 50 consumer reports a UTC day (409 past it).',
      success: { status: 201, description: 'the report, and a token to delete the contact details later' },
    },
    async ({ params, body }, request) => {
      const proof = (await provenCode(drugCodes, params.code, 'code')).proof;
      const { contact, description, seriousness, outcome, onsetDate } = body;
      const report = { subject: { kind: 'code', code: params.code, proof }, description, seriousness, outcome, ...(onsetDate ? { onsetDate } : {}) };
      const answer = await services.writer.write(request, 'consumer', services.intakeIdentity, 'drug:reportAdverseReaction', [json(report)]);
      const filed = (answer.body as { result?: DrugLedgerUpdate }).result?.adverseReactions[0] as AdverseReactionReport | undefined;
      let purgeToken: string | undefined;
      if (filed && contact && !answer.replayed) {
        purgeToken = crypto.randomBytes(18).toString('base64url');
        await contacts.replaceOne({ _id: filed.reportId }, { _id: filed.reportId, contact, purgeTokenHash: crypto.createHash('sha256').update(purgeToken).digest('hex'), createdAt: new Date() }, { upsert: true });
      }
      if (request.is('application/x-www-form-urlencoded') && filed) {
        const page = reactionReceivedPage(pickLanguage(body.lang, request.headers['accept-language']), filed.reportId, purgeToken, params.code);
        return { status: answer.status, body: undefined, headers: answerOf(answer).headers, html: page };
      }
      return { status: answer.status, body: { ...(answer.body as object), ...(purgeToken ? { purgeToken } : {}) }, headers: answerOf(answer).headers };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/codes/:code', tag, summary: 'Verify a code: genuine, unknown, dispensed (day, city), recalled, expired or suspect, with the drug\'s facts; a pack shows its count, never its children', source: 'projection', params: CodeParams, success: { status: 200, description: 'the verdict' } },
    async ({ params }) => ({ body: await drugCodes.verify(params.code, todayInChina()) }),
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/packs/:code', tag, summary: 'A pack: its children for its holder, its packer and regulators; product, level, count and status for anyone else', source: 'projection', params: CodeParams, success: { status: 200, description: 'the pack as the caller may see it' } },
    async ({ params }, _request, response) => {
      const found = await drugCodes.find(params.code);
      const pack = found ? await drugCodes.pack(params.code) : undefined;
      if (!found || !pack) throw notFoundRequest(`code ${params.code} is not a known pack`);
      const principal = readerPrincipal(response);
      const audience = await requestAudience(principal, async () => [(await drugCodes.position(found)).holder, pack.packedBy]);
      await auditRegulatorRead(readLog, principal, audience, 'GET /drug/packs/:code', params.code);
      return { body: DrugAudiences.pack[audience](pack) };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/codes/:code/history', tag, summary: 'A code\'s full history: every state it went through, from the ledger (regulators)', source: 'ledger: evaluate', roles: ['regulator', 'admin'], params: CodeParams, success: { status: 200, description: 'states, oldest first' } },
    async ({ params }, _request, response) => {
      await auditRegulatorRead(readLog, readerPrincipal(response), 'regulator', 'GET /drug/codes/:code/history', params.code);
      return { body: await ledger.evaluate(readerIdentity, 'drug:getCodeHistory', params.code) };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/products/:productId', tag, summary: 'A registered product (public)', source: 'projection', params: z.object({ productId: IdentificationCodeSchema }), success: { status: 200, description: 'the product' } },
    async ({ params }) => {
      const product = await drugCodes.product(params.productId);
      if (!product) throw notFoundRequest(`product ${params.productId} is not registered`);
      return { body: product };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/batches/:productId/:batchNumber', tag, summary: 'A batch: dates and holds for anyone; planned and commissioned quantities for its holder, manufacturer and regulators', source: 'projection', params: BatchParams, success: { status: 200, description: 'the batch' } },
    async ({ params }, _request, response) => {
      const batch = await drugCodes.batch(params.productId, params.batchNumber);
      if (!batch) throw notFoundRequest(`batch ${params.batchNumber} of product ${params.productId} is not registered`);
      const audience = await requestAudience(readerPrincipal(response), async () => [batch.holderId, batch.manufacturerId]);
      return { body: DrugAudiences.batch[audience](batch) };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/batches/:productId/:batchNumber/whereabouts', tag, summary: 'Where a batch is now: holders and packs per level, in transit, dispensed and sold counts (regulators)', source: 'projection', roles: ['regulator', 'admin'], params: BatchParams, success: { status: 200, description: 'the batch\'s whereabouts' } },
    async ({ params }, _request, response) => {
      const batchId = drugBatchIdOf(params.productId, params.batchNumber);
      await auditRegulatorRead(readLog, readerPrincipal(response), 'regulator', 'GET /drug/batches/:productId/:batchNumber/whereabouts', batchId);
      const whereabouts = await batchWhereabouts(models, drugCodes, batchId);
      if (!whereabouts) throw notFoundRequest(`batch ${batchId} has no commissioned codes`);
      return { body: whereabouts };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/batches/:productId/:batchNumber/adverse-reactions', tag, summary: 'Adverse-reaction reports of a batch, with their count and the product\'s (regulators)', source: 'projection', roles: ['regulator', 'admin'], params: BatchParams, success: { status: 200, description: 'counts and the newest page of reports' } },
    async ({ params }, _request, response) => {
      const batchId = drugBatchIdOf(params.productId, params.batchNumber);
      await auditRegulatorRead(readLog, readerPrincipal(response), 'regulator', 'GET /drug/batches/:productId/:batchNumber/adverse-reactions', batchId);
      const countOf = async (model: typeof models.drugBatchReports, id: string): Promise<{ count: number; ids: string[] }> => {
        const page = await readPagedList(model, id);
        return { count: page ? (page.pages - 1) * 1000 + page.items.length : 0, ids: page?.items ?? [] };
      };
      const batch = await countOf(models.drugBatchReports, batchId);
      const product = await countOf(models.drugProductReports, params.productId);
      const reports = await Promise.all(batch.ids.map(async (reportId) => (await models.drugAdverseReactions.findById(`${batchId}|${reportId}`).lean())?.record));
      return { body: { batchId, batchCount: batch.count, productCount: product.count, reports: reports.filter((r) => r !== undefined) } };
    },
  );
  route(
    router,
    api,
    { method: 'get', path: '/drug/alerts/regions/:region', tag, summary: 'Duplicate-sale alerts raised in a region (6-digit code of the second sale), newest page (regulators)', source: 'projection', roles: ['regulator', 'admin'], params: z.object({ region: z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code') }), success: { status: 200, description: 'the alerts' } },
    async ({ params }, _request, response) => {
      await auditRegulatorRead(readLog, readerPrincipal(response), 'regulator', 'GET /drug/alerts/regions/:region', params.region);
      const page = await readPagedList(models.drugRegionAlerts, params.region);
      const alerts = await Promise.all((page?.items ?? []).map(async (id) => (await models.drugAlerts.findById(id).lean())?.record));
      return { body: { region: params.region, pages: page?.pages ?? 0, alerts: alerts.filter((a) => a !== undefined) } };
    },
  );
  // Label sheets: the codes' commissioner prints them (streamed, with progress, as QR sheets are).
  const labelRuns = new CodeRuns();
  api.registerPath({
    method: 'post', path: '/drug/labels', tags: [tag], security: [{ bearer: [] }],
    summary: `A printable A4 PDF sheet of up to ${MAX_LABELS_PER_SHEET.toLocaleString('en')} drug labels: each code as a Code 128 with its digits (bars ≥ 0.25 mm), and as a GS1 DataMatrix (GTIN, serial, batch, expiry) where the product gives the level a GTIN`,
    description: 'Source: gateway (stored code lists and projection). Roles: enterprise (every code commissioned by it), admin. Streamed: X-Code-Run and X-Code-Count come at once; GET /drug/labels/runs/{runId} tells how far it is.',
    request: { body: { content: { 'application/json': { schema: DrugLabelRequestSchema } } } },
    responses: { 200: { description: 'application/pdf, streamed' }, 400: { description: 'invalid request, or a code no stored list holds' }, 403: { description: 'a code the caller did not commission' } },
  });
  router.post('/drug/labels', requireRole('enterprise', 'admin'), async (request, response) => {
    const principal = principalOf(response);
    const { codes } = DrugLabelRequestSchema.parse(request.body ?? {});
    const labels: DrugLabel[] = [];
    for (const [index, code] of codes.entries()) {
      const found = await drugCodes.find(code);
      if (!found) throw badRequest(`codes.${index}: code ${code} is unknown: no commissioned code list holds it`);
      if (principal.role === 'enterprise' && found.commissioning.commissionedBy !== principal.ent) {
        throw forbiddenRequest(`codes.${index}: code ${code} was commissioned by ${found.commissioning.commissionedBy}; only its commissioner prints its labels`);
      }
      const product = await drugCodes.product(found.commissioning.productId);
      const batch = await drugCodes.batch(found.commissioning.productId, found.commissioning.batchNumber);
      const gtin = product?.levels.find((level) => level.level === found.commissioning.level)?.gtin;
      labels.push({ code, ...(gtin && batch ? { gs1: gs1ElementStringOf(gtin, code, batch.batchNumber, batch.expiryDate) } : {}) });
    }
    const progress = labelRuns.start(principal.sub, labels.length);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="drug-labels-${codes[0]}-${codes.length}.pdf"`);
    response.setHeader('X-Code-Count', String(labels.length));
    response.setHeader('X-Code-Run', progress.runId);
    response.flushHeaders();
    async function* each(): AsyncGenerator<DrugLabel> {
      yield* labels;
    }
    try {
      await streamDrugLabelSheetPdf(each(), response, (done) => {
        progress.done = done;
      });
    } finally {
      labelRuns.finish(progress);
    }
  });
  route(
    router,
    api,
    { method: 'get', path: '/drug/labels/runs/:runId', tag, roles: ['enterprise', 'admin'], source: 'gateway', summary: 'Progress of a label sheet you started: total, done, finishedAt', params: z.object({ runId: z.string().uuid() }), success: { status: 200, description: 'the run' } },
    async ({ params }, _request, response) => {
      const found = labelRuns.get(params.runId);
      if (!found || found.startedBy !== principalOf(response).sub) throw notFoundRequest(`no label run ${params.runId} of yours`);
      return { body: { runId: found.runId, total: found.total, done: found.done, startedAt: found.startedAt, finishedAt: found.finishedAt } };
    },
  );
  // The entry page: a Code 128 carries no URL, so a reader types the digits; spaces and dashes as printed are fine.
  router.get('/drugcodes', (request, response) => {
    const lang = pickLanguage(request.query.lang, request.header('accept-language'));
    const typed = typeof request.query.code === 'string' ? request.query.code : undefined;
    if (typed === undefined) {
      response.type('html').send(drugCodeEntryPage(lang));
      return;
    }
    const digits = typed.replace(/[\s-]/g, '');
    const checked = DrugTraceCodeSchema.safeParse(digits);
    if (!checked.success) {
      response.status(400).type('html').send(drugCodeEntryPage(lang, checked.error.issues[0].message, typed));
      return;
    }
    response.redirect(303, `/drugcodes/${digits}?lang=${lang}`);
  });
  return router;
}
