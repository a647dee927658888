import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { principalOf, type Role } from '../auth';
import type { LedgerWriting } from '../services';
import { answerOf } from './idempotentWrite';
import { route, type RouteAnswer } from './route';

export interface LedgerWriteSpec<B extends z.ZodType, P extends z.ZodType> {
  path: string;
  summary: string;
  body: B;
  params?: P;
  /** Enterprise tokens when not given. */
  roles?: Role[];
}

/**
 * Write routes of one tag: the body (and path) become the chaincode arguments (read from the store
 * first where a route needs it), submitted with the token's own identity and answered after commit, idempotent by key.
 *
 * @example
 * const writeRoute = ledgerWriteRoutes(router, api, services, 'cold chain');
 * writeRoute({ path: '/coldchain/lots', summary: 'Create a lot', body: LotRegistrationSchema }, 'coldchain:createLot', (b) => [JSON.stringify(b)]);
 */
export function ledgerWriteRoutes(router: Router, api: OpenAPIRegistry, services: LedgerWriting, tag: string) {
  return <B extends z.ZodType, P extends z.ZodType = z.ZodUnknown>(spec: LedgerWriteSpec<B, P>, fn: string, args: (body: z.output<B>, params: z.output<P>) => string[] | Promise<string[]>): void =>
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
        return answerOf(await services.writer.write(request, principal.sub, services.signing.for(principal), fn, await args(body, params)));
      },
    );
}
