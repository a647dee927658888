import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { EnterpriseRegistrationSchema, organisationOf, type Enterprise } from '../../../model/src';
import { principalOf, TOKEN_TTL, type KeyOwner, type Principal } from '../auth';
import { badRequest, conflictRequest, notFoundRequest } from '../http/httpError';
import { answerOf } from '../http/idempotentWrite';
import { route } from '../http/route';
import { rekeyEnterpriseIdentity, type RekeyServices } from '../onboarding/rekeying';
import type { GatewayServices } from '../services';

export const EnrollmentIdSchema = z.string().regex(/^[A-Za-z0-9._@-]{3,64}$/, 'must be 3–64 letters, digits or . _ @ -');

export const OnboardingSchema = EnterpriseRegistrationSchema.extend({
  /** The Fabric enrollment id of the enterprise's first identity; defaults to `ent-<id>`. */
  enrollmentId: EnrollmentIdSchema.optional(),
  /** custodial: the gateway holds the key (encrypted); non-custodial: the enterprise enrolls and signs itself. */
  custody: z.enum(['custodial', 'non-custodial']).default('custodial'),
});

export const TokenAnswer = z.object({ token: z.string(), expiresIn: z.string() });

/** Another identity of an onboarded enterprise: a second worker of a maintenance firm, a till, a warehouse scanner. */
export const AdditionalIdentitySchema = z.strictObject({
  enrollmentId: EnrollmentIdSchema,
  custody: z.enum(['custodial', 'non-custodial']).default('custodial'),
});

export const RekeySchema = z.strictObject({
  /** The enrollment id whose binding is retired; its certificate acts no more and its tokens stop. */
  enrollmentId: EnrollmentIdSchema,
  /** A new enrollment id for the new key (the CA enrolls each id once). */
  successorEnrollmentId: EnrollmentIdSchema,
  custody: z.enum(['custodial', 'non-custodial']).default('custodial'),
  reason: z.string().trim().min(1).max(500),
});

/** Onboarding and re-keying (the ledger, the CA, tokens), the standing of enterprises, and their bindings from the projection. */
export type AdminServices = RekeyServices & Pick<GatewayServices, 'standing' | 'projection'>;

/** Lifetimes an admin may ask for; none longer than MAX_TOKEN_LIFETIME_SECONDS. */
export const TokenLifetimeSchema = z.enum(['15m', '1h', '2h', '8h']).default('8h');

/** Onboarding and revocation by the platform admin (a RegulatorOrg operator). */
export function adminRoutes(services: AdminServices, api: OpenAPIRegistry): Router {
  const router = Router();
  const { writer, signing, enrollment, tokens, revocations, standing } = services;

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/enterprises', tag: 'admin', roles: ['admin'], idempotent: true, body: OnboardingSchema,
      summary: 'Onboard an enterprise: register it on chain, enroll its identity at its org\'s CA, bind it, return a token',
      source: 'ledger: submit, answers after commit',
      success: { status: 201, description: 'registered and bound; a token for the enterprise (and, non-custodial, its one-time enrollment secret)' },
    },
    async ({ body }, request, response) => {
      const admin = principalOf(response);
      const { enrollmentId = `ent-${body.id}`, custody, ...registration } = body;
      const mspId = organisationOf(registration.kinds);
      if (!mspId) {
        throw badRequest(`kinds ${registration.kinds.join(', ')} belong to different organisations; onboard one enterprise per organisation`);
      }
      const owner: KeyOwner = { role: 'enterprise', id: registration.id };
      await enrollment.requireAvailable(mspId, enrollmentId, owner);
      const adminIdentity = signing.for(admin);
      const registered = await writer.write(request, admin.sub, adminIdentity, 'registry:registerEnterprise', [JSON.stringify(registration)], 'register');
      if (registered.status !== 201) {
        return answerOf(registered);
      }
      const enrolled = await enrollment.enroll(enrollment.orgKeyOf(mspId), enrollmentId, owner, custody);
      // Custodial: pinned to the key the gateway enrolled. Non-custodial: awaits the holder's registry:confirmIdentityKey.
      const binding = { enterpriseId: registration.id, mspId, enrollmentId, keyFingerprint: enrolled.keyFingerprint };
      const bound = await writer.write(request, admin.sub, adminIdentity, 'registry:bindIdentity', [JSON.stringify(binding)], 'bind');
      if (bound.status !== 201) {
        return answerOf(bound);
      }
      const principal: Principal = { sub: registration.id, role: 'enterprise', msp: mspId, enr: enrollmentId, ent: registration.id };
      await revocations.readyToIssue(principal);
      return {
        status: 201,
        body: {
          enterprise: (registered.body as { result: Enterprise }).result,
          identity: enrolled,
          token: await tokens.issue(principal),
          expiresIn: TOKEN_TTL.default,
          txIds: { register: (registered.body as { txId: string }).txId, bind: (bound.body as { txId: string }).txId },
        },
      };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/enterprises/:id/revoke', tag: 'admin', roles: ['admin'], idempotent: true,
      summary: 'Revoke an enterprise: none of its identities can write afterwards', source: 'ledger: submit, answers after commit',
      params: z.object({ id: z.string().length(18) }), body: z.strictObject({ reason: z.string().min(1).max(500) }),
      success: { status: 201, description: 'the revoked enterprise' },
    },
    async ({ params, body }, request, response) => {
      const admin = principalOf(response);
      const answer = await writer.write(request, admin.sub, signing.for(admin), 'registry:revokeEnterprise', [params.id, body.reason]);
      // Its tokens stop working here at once, not when the cached standing runs out.
      standing.forget({ kind: 'enterprise', id: params.id });
      return answerOf(answer);
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/enterprises/:id/tokens', tag: 'admin', roles: ['admin'], source: 'projection',
      summary: 'Issue a new token for an identity bound to the enterprise; none for a revoked enterprise (409)',
      description: 'The enterprise\'s standing is read from the ledger, the binding from the projection.',
      params: z.object({ id: z.string().length(18) }),
      body: z.strictObject({ enrollmentId: EnrollmentIdSchema.optional(), expiresIn: TokenLifetimeSchema }),
      success: { status: 201, description: 'a token', schema: TokenAnswer },
    },
    async ({ params, body }) => {
      const current = await standing.current({ kind: 'enterprise', id: params.id });
      if (current.status === 'unregistered') {
        throw notFoundRequest(`enterprise ${params.id} is not registered`);
      }
      if (current.status === 'revoked') {
        throw conflictRequest(`enterprise ${params.id} was revoked on the ledger at ${current.revokedAt ?? '(unknown time)'}; no token is issued for it`);
      }
      // A retired binding (re-keyed) acts for nobody: no token names it.
      const filter: Record<string, unknown> = { 'record.enterpriseId': params.id, 'record.keyState': { $ne: 'retired' } };
      if (body.enrollmentId) filter['record.enrollmentId'] = body.enrollmentId;
      const binding = await services.projection.models.identityBindings.findOne(filter).lean();
      if (!binding) {
        throw notFoundRequest(`no identity is bound to enterprise ${params.id}${body.enrollmentId ? ` with enrollment id ${body.enrollmentId}` : ''}`);
      }
      const { mspId, enrollmentId } = binding.record as { mspId: string; enrollmentId: string };
      const principal: Principal = { sub: params.id, role: 'enterprise', msp: mspId, enr: enrollmentId, ent: params.id };
      await revocations.readyToIssue(principal);
      return { body: { token: await tokens.issue(principal, body.expiresIn), expiresIn: body.expiresIn } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/enterprises/:id/identities', tag: 'admin', roles: ['admin'], idempotent: true, body: AdditionalIdentitySchema,
      params: z.object({ id: z.string().length(18) }), source: 'ledger: submit, answers after commit',
      summary: 'Enroll and bind another identity of an active enterprise (each maintenance worker signs records with their own), return a token for it',
      success: { status: 201, description: 'the identity, a token for it, the binding\'s transaction id' },
    },
    async ({ params, body }, request, response) => {
      const admin = principalOf(response);
      const enterprise = await services.registry.enterprise(params.id);
      if (!enterprise) throw notFoundRequest(`enterprise ${params.id} is not registered`);
      if (enterprise.status !== 'active') throw conflictRequest(`enterprise ${params.id} is ${enterprise.status}; no identity is bound to it`);
      const owner: KeyOwner = { role: 'enterprise', id: params.id };
      await enrollment.requireAvailable(enterprise.mspId, body.enrollmentId, owner);
      const enrolled = await enrollment.enroll(enrollment.orgKeyOf(enterprise.mspId), body.enrollmentId, owner, body.custody);
      const binding = { enterpriseId: params.id, mspId: enterprise.mspId, enrollmentId: body.enrollmentId, keyFingerprint: enrolled.keyFingerprint };
      const bound = await writer.write(request, admin.sub, signing.for(admin), 'registry:bindIdentity', [JSON.stringify(binding)], 'bind');
      if (bound.status !== 201) return answerOf(bound);
      const principal: Principal = { sub: params.id, role: 'enterprise', msp: enterprise.mspId, enr: body.enrollmentId, ent: params.id };
      await revocations.readyToIssue(principal);
      return { status: 201, body: { identity: enrolled, token: await tokens.issue(principal), expiresIn: TOKEN_TTL.default, txId: (bound.body as { txId: string }).txId } };
    },
  );

  route(
    router,
    api,
    {
      method: 'post', path: '/admin/enterprises/:id/identities/rekey', tag: 'admin', roles: ['admin'], idempotent: true, body: RekeySchema,
      params: z.object({ id: z.string().length(18) }), source: 'ledger: submit, answers after commit',
      summary: 'Re-key an identity of the enterprise: enroll a successor enrollment id, retire the old binding on chain and bind the successor; the old identity\'s tokens stop',
      description: 'Chaincode refuses the old certificate from the commit on. Custodial successors are pinned to the key the gateway enrolled; a non-custodial one gets a one-time secret and pins its own key with registry:confirmIdentityKey (offline relay).',
      success: { status: 201, description: '`rekeyed` {retired, successor}, the successor identity, a token for it, the transaction id' },
    },
    ({ params, body }, request, response) => rekeyEnterpriseIdentity(services, request, principalOf(response), params.id, body),
  );

  return router;
}
