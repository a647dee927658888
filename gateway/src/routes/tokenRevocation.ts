import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { principalOf, type RevocationTarget } from '../auth';
import { badRequest } from '../http/httpError';
import { route } from '../http/route';
import type { GatewayServices } from '../services';

const TARGETS = ['jti', 'enterpriseId', 'enrollmentId'] as const;

export const TokenRevocationSchema = z
  .strictObject({
    /** One token, by its `jti` claim. */
    jti: z.string().min(1).max(128).optional(),
    /** Every token of the enterprise issued until now. */
    enterpriseId: z.string().length(18).optional(),
    /** Every token naming this enrollment id (at any organisation) issued until now. */
    enrollmentId: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1–64 letters, digits or . _ @ -').optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((body) => TARGETS.filter((target) => body[target] !== undefined).length === 1, 'name exactly one of jti, enterpriseId, enrollmentId');

type TokenRevocationBody = z.output<typeof TokenRevocationSchema>;

function targetOf(body: TokenRevocationBody): RevocationTarget {
  if (body.jti !== undefined) return { jti: body.jti };
  if (body.enterpriseId !== undefined) return { enterpriseId: body.enterpriseId };
  if (body.enrollmentId !== undefined) return { enrollmentId: body.enrollmentId };
  throw badRequest('name exactly one of jti, enterpriseId, enrollmentId');
}

/** Taking tokens back before they expire: one by its id, or all of a principal's issued so far. */
export function tokenRevocationRoutes(services: Pick<GatewayServices, 'revocations'>, api: OpenAPIRegistry): Router {
  const router = Router();

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/tokens/revoke', tag: 'admin', roles: ['admin'], source: 'gateway', body: TokenRevocationSchema,
      summary: 'Revoke one token (jti) or every token so far of an enterprise or enrollment id; such tokens get 401 from then on',
      description: 'Tokens issued afterwards work. Revoking tokens does not revoke the enterprise or regulator on chain (see the revoke routes). Kept in the store, honoured by every gateway over it within 5 s.',
      success: { status: 201, description: 'the revocation: its key, `notBefore` for a principal, and when the record expires' },
    },
    async ({ body }, _request, response) => {
      const admin = principalOf(response);
      const revocation = await services.revocations.revoke(targetOf(body), admin.sub, body.reason);
      return { body: { revoked: revocation._id, notBefore: revocation.notBefore, revokedAt: revocation.revokedAt, expiresAt: revocation.expiresAt } };
    },
  );

  return router;
}
