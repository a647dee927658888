import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { CompanyPrefixSchema, PrefixAssignmentSchema, PrefixDelegationSchema, PrefixKinds, UsccSchema, type PrefixAssignment } from '../../../model/src';
import { ledgerWriteRoutes } from '../http/ledgerWriteRoute';
import { route } from '../http/route';
import type { LedgerReading, LedgerWriting } from '../services';

const PrefixParams = z.object({ kind: z.enum(PrefixKinds), prefix: CompanyPrefixSchema });

/**
 * GS1 company prefixes: the platform admin assigns each to its brand owner; the owner lets others
 * (a contract packer, a relabelling distributor) make lots and units under it. The ledger refuses
 * lots, derived lots and unit runs under a GTIN the maker may not use.
 */
export function brandRoutes(services: LedgerWriting & LedgerReading, api: OpenAPIRegistry): Router {
  const router = Router();
  const writeRoute = ledgerWriteRoutes(router, api, services, 'brands');

  writeRoute(
    { path: '/admin/prefixes', summary: 'Assign a GS1 company prefix (gtin or giai) to the enterprise GS1 licensed it to; once per prefix', body: PrefixAssignmentSchema, roles: ['admin'] },
    'brands:assignPrefix',
    (b) => [JSON.stringify(b)],
  );
  writeRoute(
    { path: '/brands/delegations', summary: 'As the prefix owner, let another enterprise make lots and units under your prefix', body: PrefixDelegationSchema },
    'brands:delegatePrefix',
    (b) => [JSON.stringify(b)],
  );
  writeRoute(
    { path: '/brands/delegations/withdrawals', summary: 'As the prefix owner, withdraw a delegation', body: z.strictObject({ kind: z.enum(PrefixKinds), prefix: CompanyPrefixSchema, delegateId: UsccSchema }) },
    'brands:withdrawDelegation',
    (b) => [b.kind, b.prefix, b.delegateId],
  );

  route(
    router,
    api,
    {
      method: 'get', path: '/brands/prefixes/:kind/:prefix', tag: 'brands', summary: 'Who owns a company prefix (public: anyone may check whose brand a code is)',
      source: 'ledger: evaluate', params: PrefixParams, success: { status: 200, description: 'the assignment' },
    },
    async ({ params }) => ({ body: await services.ledger.evaluate<PrefixAssignment>(services.readerIdentity, 'brands:getPrefix', params.kind, params.prefix) }),
  );
  return router;
}
