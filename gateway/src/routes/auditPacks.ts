import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { AuditPackBuilder, AuditPackKinds, AuditPackModes } from '../auditPacks';
import { principalOf, requireRole } from '../auth';
import { notFoundRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { recordRegulatorRead } from '../audiences/regulatorReads';

export type AuditPackServices = Pick<GatewayServices, 'ledger' | 'readerIdentity' | 'projection' | 'store'>;

const PackParams = z.object({
  kind: z.enum(AuditPackKinds),
  /** A lot id, a drug batch as `<productId>/<batchNumber>`, a lift's device code or registration number, a recall id (percent-encoded). */
  id: z.string().min(1).max(256),
});
const PackQuery = z.object({ mode: z.enum(AuditPackModes).default('party') });

/**
 * Audit packs for regulators and courts: a ZIP a third party verifies offline with `npm run
 * verify-pack` against the trust anchor, which the platform publishes here too.
 */
export function auditPackRoutes(services: AuditPackServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const builder = new AuditPackBuilder(services);
  const readLog = regulatorReadLog(services.store);

  api.registerPath({
    method: 'get', path: '/regulator/audit-packs/{kind}/{id}', tags: ['audit packs'], security: [{ bearer: [] }],
    summary: 'A self-verifying audit pack (ZIP) of a lot, drug batch, lift or recall: records, the transactions that wrote them with their endorsements, the chaincode definition, and proof of inclusion',
    description:
      'Source: ledger (qscc, _lifecycle, signed peer answers). Roles: regulator, admin; every pack is written to the regulator read log. `mode=full`: whole blocks, orderer-signed and hash-chained to the newest block (they show other parties\' transactions); `mode=party` (default): only the subject\'s transactions, each with peers of at least two organisations signing that it is valid. Check it offline: `npm run verify-pack -- pack.zip --trust anchor.json` (GET /audit-packs/trust-anchor). The manifest says what the mode proves and what it does not.',
    request: { params: PackParams, query: PackQuery },
    responses: {
      200: { description: 'the pack', content: { 'application/zip': { schema: z.string().meta({ contentMediaType: 'application/zip' }) } } },
      400: { description: 'a kind or mode that does not exist' },
      404: { description: 'the ledger knows no such lot, batch, lift or recall' },
    },
  });
  router.get('/regulator/audit-packs/:kind/:id', requireRole('regulator', 'admin'), async (request, response) => {
    const params = PackParams.parse(request.params);
    const { mode } = PackQuery.parse(request.query);
    const principal = principalOf(response);
    const pack = await builder.build(params.kind, params.id, mode);
    if (!pack) throw notFoundRequest(`no ${params.kind} ${params.id} on the ledger`);
    await recordRegulatorRead(readLog, principal, 'GET /regulator/audit-packs/:kind/:id', `${params.kind}:${params.id}`);
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader('Content-Disposition', `attachment; filename="audit-pack-${params.kind}-${encodeURIComponent(params.id).replace(/%/g, '_')}-${mode}.zip"`);
    response.setHeader('X-Pack-Transactions', String(pack.manifest.transactions.length));
    response.status(200).send(pack.zip);
  });

  route(
    router,
    api,
    {
      method: 'get', path: '/audit-packs/trust-anchor', tag: 'audit packs', source: 'ledger: evaluate',
      summary: 'The trust anchor audit packs are verified against: the channel\'s genesis-block hash and each organisation\'s root CA fingerprints (SHA-256 of the DER)',
      description: 'Public. Keep a copy obtained apart from any pack (or compare it with what the platform publishes elsewhere): a pack is only as trustworthy as the anchor it is checked against. Save it as anchor.json for `npm run verify-pack -- pack.zip --trust anchor.json`.',
      success: { status: 200, description: 'the anchor' },
    },
    async () => ({ body: await builder.trustAnchor() }),
  );
  return router;
}
