import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { GtinSchema, LotNumberSchema, lotIdOf, parseDigitalLink, type ColdChainLot } from '../../../model/src';
import { principalOf, requireRole } from '../auth';
import { badRequest, forbiddenRequest } from '../http/httpError';
import { route } from '../http/route';
import { qrFacts, qrPng, qrSvg, signedCodeUri, streamCodeZip, unsignedCodeUri, type LabelCode } from '../qr';

/** Codes per archive: bounds the memory one request holds (about 3 KB of compressed SVG each). */
const MAX_CODES_PER_ARCHIVE = 10_000;
import type { GatewayServices } from '../services';

/**
 * Issuing trace codes: a signed Digital Link for labels with room and a short unsigned one for small
 * packs, each with its QR version and minimum print size; and the QR image of a code.
 */
export function codeRoutes(services: GatewayServices, api: OpenAPIRegistry): Router {
  const router = Router();

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

  const SerialRun = z.strictObject({
    gtin: GtinSchema,
    /** Serials are `<prefix><number>`, e.g. `SN` + 000123. */
    serialPrefix: z.string().regex(/^[A-Za-z0-9-]{0,8}$/, 'must be up to 8 letters, digits or -'),
    from: z.number().int().min(0).max(999_999_999),
    count: z.number().int().min(1).max(MAX_CODES_PER_ARCHIVE),
    form: z.enum(['signed', 'short']).default('signed'),
  });
  api.registerPath({
    method: 'post', path: '/codes/serials', tags: ['codes'], security: [{ bearer: [] }],
    summary: `A ZIP of QR SVGs (and codes.csv) for a run of up to ${MAX_CODES_PER_ARCHIVE} serialised units; larger runs are several requests`,
    description: 'Source: gateway (and projection for the GTIN owner check). Roles: enterprise (owner of a lot of this GTIN), admin.',
    request: { body: { content: { 'application/json': { schema: SerialRun } } } },
    responses: { 200: { description: 'application/zip, streamed' }, 400: { description: 'invalid request' }, 403: { description: 'not an owner of this GTIN' } },
  });
  router.post('/codes/serials', requireRole('enterprise', 'admin'), async (request, response) => {
    const principal = principalOf(response);
    const run = SerialRun.parse(request.body ?? {});
    if (principal.role === 'enterprise' && !(await services.projector.models.lotProducts.findById(`${principal.ent}|${run.gtin}`).lean())) {
      throw forbiddenRequest(`enterprise ${principal.ent} owns no lot of GTIN ${run.gtin}, so it may not issue its codes`);
    }
    const width = String(run.from + run.count - 1).length;
    async function* codes(): AsyncGenerator<LabelCode> {
      for (let n = run.from; n < run.from + run.count; n++) {
        const serial = `${run.serialPrefix}${String(n).padStart(Math.max(6, width), '0')}`;
        const id = { kind: 'serial' as const, gtin: run.gtin, serial };
        const uri = run.form === 'signed' ? await signedCodeUri(services.resolverBase, id, services.codeKey.kid, services.codeKey.privateKey) : unsignedCodeUri(services.resolverBase, id);
        yield { name: serial, uri };
      }
    }
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader('Content-Disposition', `attachment; filename="codes-${run.gtin}-${run.from}-${run.count}.zip"`);
    response.setHeader('X-Code-Count', String(run.count));
    await streamCodeZip(codes(), response);
  });

  router.get('/codes/qr', async (request, response) => {
    const uri = String(request.query.uri ?? '');
    try {
      parseDigitalLink(uri);
    } catch (error) {
      throw badRequest(`uri: ${error instanceof Error ? error.message : 'not a Digital Link'}`);
    }
    if (request.query.format === 'png') {
      response.type('png').send(await qrPng(uri));
    } else {
      response.type('image/svg+xml').send(await qrSvg(uri));
    }
  });
  return router;
}
