import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { GtinSchema, LotNumberSchema, lotIdOf, MAX_SERIAL_NUMBER, parseDigitalLink, SerialNumberSchema, SerialPrefixSchema, serialOf, type ColdChainLot } from '../../../model/src';
import { principalOf, requireRole } from '../auth';
import { badRequest, forbiddenRequest, notFoundRequest } from '../http/httpError';
import { route } from '../http/route';
import { CodeRuns, qrFacts, qrPng, qrSvg, qrUriRefusal, signedCodeUri, streamCodeSheetPdf, streamCodeZip, unsignedCodeUri, type LabelCode } from '../qr';
import { firstSerialNotOwned } from '../qr/commissionedSerials';
import type { GatewayServices, LedgerReading } from '../services';

/** Lots read on the ledger, serials' owners from the projection, the code key that signs and the verdicts that check codes. */
export type CodeServices = LedgerReading & Pick<GatewayServices, 'projection' | 'resolverBase' | 'codeKey' | 'codeVerdicts'>;

/** Codes per archive: bounds the memory one request holds (about 3 KB of compressed SVG each). */
const MAX_CODES_PER_ARCHIVE = 10_000;

/**
 * Issuing trace codes: a signed Digital Link for labels with room and a short unsigned one for small
 * packs, each with its QR version and minimum print size; and the QR image of a code.
 */
export function codeRoutes(services: CodeServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const runs = new CodeRuns();

  route(
    router,
    api,
    {
      method: 'post', path: '/codes/lots', tag: 'codes', roles: ['enterprise', 'admin'], source: 'ledger: evaluate',
      summary: 'Issue the trace codes of a lot you own or hold (signed by the platform code key)',
      body: z.strictObject({ gtin: GtinSchema, lotNumber: LotNumberSchema }),
      success: { status: 201, description: 'the signed and the short code, with QR facts' },
    },
    async ({ body }, _request, response) => {
      const principal = principalOf(response);
      const lot = await services.ledger.evaluate<ColdChainLot>(services.readerIdentity, 'coldchain:getLot', lotIdOf(body.gtin, body.lotNumber));
      if (principal.role === 'enterprise' && principal.ent !== lot.ownerId && principal.ent !== lot.custodianId) {
        throw forbiddenRequest(`only the owner or custodian of lot ${lot.id} may issue its codes`);
      }
      const id = { kind: 'lot' as const, gtin: body.gtin, lot: body.lotNumber };
      const signed = await signedCodeUri(services.resolverBase, id, services.codeKey.kid, services.codeKey.privateKey);
      const short = unsignedCodeUri(services.resolverBase, id);
      return { status: 201, body: { signed: { uri: signed, qr: qrFacts(signed) }, short: { uri: short, qr: qrFacts(short) }, keyId: services.codeKey.kid } };
    },
  );

  const SerialRun = z
    .strictObject({
      gtin: GtinSchema,
      /** Serials are `<prefix><number padded to 6 digits>` (model `serialOf`), e.g. `SN` + 000123, as commissioned on chain. */
      serialPrefix: SerialPrefixSchema,
      from: SerialNumberSchema,
      count: z.number().int().min(1).max(MAX_CODES_PER_ARCHIVE),
      form: z.enum(['signed', 'short']).default('signed'),
      /** `zip`: one SVG per code plus codes.csv; `pdf`: A4 label sheets, every module ≥ 0.5 mm. */
      format: z.enum(['zip', 'pdf']).default('zip'),
    })
    .refine((run) => run.from + run.count - 1 <= MAX_SERIAL_NUMBER, { message: `from + count - 1 must not exceed ${MAX_SERIAL_NUMBER}`, path: ['count'] });
  api.registerPath({
    method: 'post', path: '/codes/serials', tags: ['codes'], security: [{ bearer: [] }],
    summary: `A ZIP of QR SVGs (and codes.csv) or a printable A4 PDF sheet for a run of up to ${MAX_CODES_PER_ARCHIVE} serialised units; larger runs are several requests`,
    description:
      'Source: gateway (and projection for the ownership check). Roles: enterprise (every serial of the run commissioned on a lot it owns), admin. Streamed: the headers name the run (X-Code-Run) and its size (X-Code-Count) at once; GET /codes/runs/{runId} tells how many codes are done while it streams.',
    request: { body: { content: { 'application/json': { schema: SerialRun } } } },
    responses: { 200: { description: 'application/zip or application/pdf, streamed' }, 400: { description: 'invalid request' }, 403: { description: 'a serial of the run is not commissioned on a lot of the caller' } },
  });
  router.post('/codes/serials', requireRole('enterprise', 'admin'), async (request, response) => {
    const principal = principalOf(response);
    const run = SerialRun.parse(request.body ?? {});
    if (principal.role === 'enterprise') {
      const missing = await firstSerialNotOwned(services.projection.models, run.gtin, run.serialPrefix, run.from, run.count, principal.ent ?? principal.sub);
      if (missing) {
        throw forbiddenRequest(`serial ${missing} of GTIN ${run.gtin} is not commissioned on a lot of enterprise ${principal.ent ?? principal.sub}; commission the run on your own lot first (POST /coldchain/lots/{lotId}/units)`);
      }
    }
    async function* codes(): AsyncGenerator<LabelCode> {
      for (let n = run.from; n < run.from + run.count; n++) {
        const serial = serialOf(run.serialPrefix, n);
        const id = { kind: 'serial' as const, gtin: run.gtin, serial };
        const uri = run.form === 'signed' ? await signedCodeUri(services.resolverBase, id, services.codeKey.kid, services.codeKey.privateKey) : unsignedCodeUri(services.resolverBase, id);
        yield { name: serial, uri };
      }
    }
    const progress = runs.start(principal.sub, run.count);
    response.setHeader('Content-Type', run.format === 'pdf' ? 'application/pdf' : 'application/zip');
    response.setHeader('Content-Disposition', `attachment; filename="codes-${run.gtin}-${run.from}-${run.count}.${run.format}"`);
    response.setHeader('X-Code-Count', String(run.count));
    response.setHeader('X-Code-Run', progress.runId);
    response.flushHeaders();
    const onCode = (done: number): void => {
      progress.done = done;
    };
    try {
      await (run.format === 'pdf' ? streamCodeSheetPdf(codes(), response, onCode) : streamCodeZip(codes(), response, onCode));
    } finally {
      runs.finish(progress);
    }
  });

  route(
    router,
    api,
    {
      method: 'get', path: '/codes/runs/:runId', tag: 'codes', roles: ['enterprise', 'admin'], source: 'gateway',
      summary: 'Progress of a bulk code run you started: total, done, finishedAt (kept in memory while it streams and 10 minutes after)',
      params: z.object({ runId: z.string().uuid() }),
      success: { status: 200, description: 'the run' },
    },
    async ({ params }, _request, response) => {
      const found = runs.get(params.runId);
      if (!found || found.startedBy !== principalOf(response).sub) {
        throw notFoundRequest(`no code run ${params.runId} of yours`);
      }
      return { body: { runId: found.runId, total: found.total, done: found.done, startedAt: found.startedAt, finishedAt: found.finishedAt } };
    },
  );

  api.registerPath({
    method: 'get', path: '/codes/qr', tags: ['codes'],
    summary: 'The QR code of a trace code (a Digital Link), as SVG or PNG, for labels and screens',
    description: 'Source: gateway. Public. Pass the code whole as `uri`, percent-encoded, its signature (s, k) inside it: a signed code is drawn only when its signature verifies, so a label is never printed from a code whose signature was lost or changed.',
    request: {
      query: z.object({
        uri: z.string().min(1).meta({ description: 'the trace code, e.g. a `signed.uri` of POST /codes/lots, percent-encoded as a whole' }),
        format: z.enum(['svg', 'png']).optional().meta({ description: 'svg when not given' }),
      }),
    },
    responses: {
      200: { description: 'the QR code', content: { 'image/svg+xml': { schema: z.string() }, 'image/png': { schema: z.string().meta({ contentMediaType: 'image/png' }) } } },
      400: { description: '`uri` is not a Digital Link, or a signed one whose signature does not verify (or whose s and k came as parameters of the request, not of the uri)' },
    },
  });
  router.get('/codes/qr', async (request, response) => {
    const uri = String(request.query.uri ?? '');
    try {
      parseDigitalLink(uri);
    } catch (error) {
      throw badRequest(`uri: ${error instanceof Error ? error.message : 'not a Digital Link'}`);
    }
    // A label whose signature was lost on the way here would scan as fake for good: refuse to draw it.
    const refusal = await qrUriRefusal(uri, Object.keys(request.query), services.codeVerdicts);
    if (refusal) throw badRequest(`uri: ${refusal}`);
    if (request.query.format === 'png') {
      response.type('png').send(await qrPng(uri));
    } else {
      response.type('image/svg+xml').send(await qrSvg(uri));
    }
  });
  return router;
}
