import type { Request } from 'express';
import type { IdentityRekey, Rekeyed } from '../../../model/src';
import { TOKEN_TTL, type KeyOwner, type Principal } from '../auth';
import { answerOf } from '../http/idempotentWrite';
import type { RouteAnswer } from '../http/route';
import { Refusal } from '../refusal';
import type { GatewayServices, LedgerWriting } from '../services';
import type { Custody } from './enrollment';

/** The registry to check the old binding, the CA and the ledger for the successor, tokens to take back and issue. */
export type RekeyServices = LedgerWriting & Pick<GatewayServices, 'registry' | 'enrollment' | 'revocations' | 'tokens'>;

export interface RekeyRequest {
  /** The enrollment id whose binding is retired. */
  enrollmentId: string;
  /** A new enrollment id: the CA enrolls each id once, and the old one is never honoured again. */
  successorEnrollmentId: string;
  custody: Custody;
  reason: string;
}

/**
 * Re-keys an identity of an enterprise: enrolls the successor at the org's CA (custodial: the gateway
 * seals its key and knows its fingerprint; non-custodial: a one-time secret, and the successor pins
 * its own key), then has the ledger retire the old binding and bind the successor in one transaction
 * (`registry:rekeyIdentity`), and takes back the old identity's tokens. Chaincode refuses the old
 * certificate from the commit on, whatever this gateway does.
 */
export async function rekeyEnterpriseIdentity(
  services: RekeyServices,
  request: Request,
  admin: Principal,
  enterpriseId: string,
  body: RekeyRequest,
): Promise<RouteAnswer> {
  const { registry, enrollment, writer, signing, revocations, tokens } = services;
  const enterprise = await registry.enterprise(enterpriseId);
  if (!enterprise) {
    throw new Refusal('NOT_FOUND', `enterprise ${enterpriseId} is not registered`);
  }
  const old = await registry.boundIdentity(enterprise.mspId, body.enrollmentId);
  if (old?.kind !== 'enterprise' || old.enterpriseId !== enterpriseId) {
    throw new Refusal('NOT_FOUND', `no identity ${body.enrollmentId} is bound to enterprise ${enterpriseId}`);
  }
  // A retired binding whose successor is this one is a retry of this very re-keying: its steps replay.
  if (old.keyState === 'retired' && old.successorEnrollmentId !== body.successorEnrollmentId) {
    throw new Refusal('CONFLICT', `identity ${body.enrollmentId} was already retired at ${old.retiredAt ?? '(unknown time)'} and re-keyed to ${old.successorEnrollmentId ?? '(unknown)'}`);
  }
  const owner: KeyOwner = { role: 'enterprise', id: enterpriseId };
  await enrollment.requireAvailable(enterprise.mspId, body.successorEnrollmentId, owner);
  const enrolled = await enrollment.enroll(enrollment.orgKeyOf(enterprise.mspId), body.successorEnrollmentId, owner, body.custody);
  const rekey: IdentityRekey = {
    mspId: enterprise.mspId as IdentityRekey['mspId'],
    enrollmentId: body.enrollmentId,
    successor: { enrollmentId: body.successorEnrollmentId, keyFingerprint: enrolled.keyFingerprint },
    reason: body.reason,
  };
  const committed = await writer.write(request, admin.sub, signing.for(admin), 'registry:rekeyIdentity', [JSON.stringify(rekey)], 'rekey');
  if (committed.status !== 201) {
    return answerOf(committed);
  }
  await revocations.revoke({ enrollmentId: body.enrollmentId }, admin.sub, `re-keyed to ${body.successorEnrollmentId}`);
  const principal: Principal = { sub: enterpriseId, role: 'enterprise', msp: enterprise.mspId, enr: body.successorEnrollmentId, ent: enterpriseId };
  await revocations.readyToIssue(principal);
  const { result, txId } = committed.body as { result: Rekeyed; txId: string };
  return { status: 201, body: { rekeyed: result, txId, identity: enrolled, token: await tokens.issue(principal), expiresIn: TOKEN_TTL.default } };
}
