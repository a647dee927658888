import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { GtinSchema, LotNumberSchema, lotIdOf, parseDigitalLink, type ColdChainLot } from '../../../model/src';
import { principalOf } from '../auth';
import { badRequest, forbiddenRequest } from '../http/httpError';
import { route } from '../http/route';
import { qrFacts, qrPng, qrSvg, signedCodeUri, unsignedCodeUri } from '../qr';
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
