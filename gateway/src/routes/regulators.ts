import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { MspIds, RegulatorRegistrationSchema, type RegulatorBinding, type RegulatorRegistration } from '../../../model/src';
import { principalOf, TOKEN_TTL, type KeyOwner, type Principal } from '../auth';
import { conflictRequest, notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { route } from '../http/route';
import type { GatewayServices, LedgerWriting } from '../services';
import { regulatorReadLog } from '../store/regulatorReadLog';
import { EnrollmentIdSchema, TokenAnswer, TokenLifetimeSchema } from './admin';

const RegulatorParams = z.object({ enrollmentId: EnrollmentIdSchema });
const AuditLogQuery = z.object({ page: z.coerce.number().int().min(0).max(1_000_000).optional() });
const AUDIT_LOG_PAGE = 100;

/** Enrolling, registering and revoking regulators, their tokens and standing; the store's log of their reads. */
export type RegulatorServices = LedgerWriting & Pick<GatewayServices, 'ledger' | 'enrollment' | 'tokens' | 'revocations' | 'standing' | 'registry' | 'store'>;

const regulatorPrincipal = (enrollmentId: string): Principal => ({ sub: enrollmentId, role: 'regulator', msp: MspIds.regulator, enr: enrollmentId });

/**
 * Regulator identities, managed by the platform admin: enrolled at RegulatorOrg's CA (custodial,
 * `tl.role=regulator`) and registered on chain, where chaincode looks for the binding before it
 * honours the role; revoked on chain like enterprises.
 */
export function regulatorRoutes(services: RegulatorServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const { ledger, writer, signing, enrollment, tokens, revocations, standing, registry } = services;

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/regulators', tag: 'admin', roles: ['admin'], source: 'ledger: submit, answers after commit',
      summary: 'Enroll a regulator identity (RegulatorOrg, tl.role=regulator, custodial), register it on chain and return its token',
      description: 'An enrollment id already bound to anything, or already registered as a regulator, is a 409: issue further tokens with POST /admin/regulators/{enrollmentId}/tokens. `unit` (the regulator unit it acts for) defaults to the enrollment id.',
      body: z.strictObject({
        enrollmentId: EnrollmentIdSchema,
        unit: RegulatorRegistrationSchema.shape.unit.optional(),
        regions: RegulatorRegistrationSchema.shape.regions,
      }),
      success: { status: 201, description: 'a token, the on-chain regulator binding and its transaction id', schema: TokenAnswer },
    },
    async ({ body }, _request, response) => {
      const admin = principalOf(response);
      const { enrollmentId } = body;
      const existing = await registry.regulator(enrollmentId);
      if (existing) {
        throw conflictRequest(
          existing.status === 'active'
            ? `regulator identity ${enrollmentId} is already registered; issue a token with POST /admin/regulators/${enrollmentId}/tokens`
            : `regulator identity ${enrollmentId} was revoked and stays revoked; enroll a new one`,
        );
      }
      const owner: KeyOwner = { role: 'regulator', id: enrollmentId };
      await enrollment.requireAvailable(MspIds.regulator, enrollmentId, owner);
      // Enrolled before the binding is written: a binding for a name the CA then refuses would be one nobody holds.
      const enrolled = await enrollment.enroll('regulator', enrollmentId, owner, 'custodial');
      // Pinned to the key just enrolled: no other certificate of this enrollment id acts as the regulator.
      const registration: RegulatorRegistration = { mspId: MspIds.regulator, enrollmentId, unit: body.unit ?? enrollmentId, regions: body.regions, keyFingerprint: enrolled.keyFingerprint };
      const committed = await ledger.submit<RegulatorBinding>(signing.for(admin), 'registry:registerRegulator', [JSON.stringify(registration)]);
      standing.forget({ kind: 'regulator', id: enrollmentId });
      const principal = regulatorPrincipal(enrollmentId);
      await revocations.readyToIssue(principal);
      return { status: 201, body: { token: await tokens.issue(principal), expiresIn: TOKEN_TTL.default, regulator: committed.result, txId: committed.txId } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/regulators/:enrollmentId/tokens', tag: 'admin', roles: ['admin'], source: 'ledger: evaluate',
      summary: 'Issue a new token for a registered regulator identity; none for a revoked one (409)',
      params: RegulatorParams, body: z.strictObject({ expiresIn: TokenLifetimeSchema }),
      success: { status: 201, description: 'a token', schema: TokenAnswer },
    },
    async ({ params, body }) => {
      const current = await standing.current({ kind: 'regulator', id: params.enrollmentId });
      if (current.status === 'unregistered') {
        throw notFoundRequest(`regulator identity ${params.enrollmentId} is not registered`);
      }
      if (current.status === 'revoked') {
        throw conflictRequest(`regulator identity ${params.enrollmentId} was revoked on the ledger at ${current.revokedAt ?? '(unknown time)'}; no token is issued for it`);
      }
      const principal = regulatorPrincipal(params.enrollmentId);
      await revocations.readyToIssue(principal);
      return { body: { token: await tokens.issue(principal, body.expiresIn), expiresIn: body.expiresIn } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/regulators/:enrollmentId/revoke', tag: 'admin', roles: ['admin'], idempotent: true, source: 'ledger: submit, answers after commit',
      summary: 'Revoke a regulator identity on chain: it can no longer act as a regulator, and its tokens stop working',
      params: RegulatorParams, body: z.strictObject({ reason: z.string().min(1).max(500) }),
      success: { status: 201, description: 'the revoked regulator binding' },
    },
    async ({ params, body }, request, response) => {
      const admin = principalOf(response);
      const answer = await writer.write(request, admin.sub, signing.for(admin), 'registry:revokeRegulator', [params.enrollmentId, body.reason]);
      standing.forget({ kind: 'regulator', id: params.enrollmentId });
      return answerOf(answer);
    },
  );

  const readLog = regulatorReadLog(services.store);
  route(
    router,
    api,
    {
      method: 'get', path: '/regulators/audit-log', tag: 'regulators', roles: ['regulator', 'admin'], source: 'gateway',
      summary: `Regulators' reads of what the public does not see (who, when, route, subject), newest first, ${AUDIT_LOG_PAGE} a page`,
      description: 'Append-only: every read in which a regulator or the admin got more of a record than the public does is written here before it is answered. Pages count from 0 (the newest); headers X-Page and X-Pages say where this page is.',
      query: AuditLogQuery,
      success: { status: 200, description: 'the reads of the page' },
    },
    async ({ query }) => {
      const answer = await readLog.page(query.page ?? 0, AUDIT_LOG_PAGE);
      return { body: answer.reads, headers: { 'X-Page': String(answer.page), 'X-Pages': String(answer.pages) } };
    },
  );

  return router;
}
