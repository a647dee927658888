import type { Context } from 'fabric-contract-api';
import { bindingKeyRefusal, CertAttributes, forbidden, type BindingKey, type IdentityRole, MspIds, type Enterprise } from '../../../model/src';
import { readEnterprise, readIdentityBinding } from '../registry/enterpriseStore';
import { readRegulatorBinding } from '../registry/regulatorStore';
import { honouredRole } from './certificateRole';
import { submitterKeyFingerprint } from './submitterKey';

/** Who submitted the transaction, as proven by the certificate the MSP verified. */
export interface Caller {
  mspId: string;
  enrollmentId: string;
  /** The `tl.role` attribute, only where it is honoured (see {@link honouredRole}). */
  role: IdentityRole | undefined;
  /** The `tl.enterprise` attribute; only a claim until checked against the registry binding. */
  claimedEnterpriseId: string | undefined;
}

export function callerOf(ctx: Context): Caller {
  const identity = ctx.clientIdentity;
  const mspId = identity.getMSPID();
  return {
    mspId,
    enrollmentId: identity.getAttributeValue('hf.EnrollmentID') ?? subjectCommonName(identity.getID()),
    role: honouredRole(mspId, identity.getAttributeValue(CertAttributes.role) ?? undefined),
    claimedEnterpriseId: identity.getAttributeValue(CertAttributes.enterprise) ?? undefined,
  };
}

/** The RegulatorOrg operator who onboards enterprises. */
export function requirePlatformAdmin(ctx: Context): Caller {
  const caller = callerOf(ctx);
  if (caller.mspId !== MspIds.regulator || caller.role !== 'admin') {
    throw forbidden(`only a ${MspIds.regulator} identity with role admin may do this; caller is ${describeCaller(caller)}`);
  }
  return caller;
}

/**
 * Whether the caller acts as a regulator: the platform admin, or a RegulatorOrg identity with role
 * regulator whose on-chain regulator binding is active. The admin needs no binding: it is the one who
 * registers regulators and could give itself one at will. A certificate that claims the regulator
 * role without an active binding is refused here, rather than treated as an enterprise caller, so the
 * refusal says why.
 */
export async function actsAsRegulator(ctx: Context, caller: Caller): Promise<boolean> {
  if (caller.mspId !== MspIds.regulator) {
    return false;
  }
  if (caller.role === 'admin') {
    return true;
  }
  if (caller.role !== 'regulator') {
    return false;
  }
  const binding = await readRegulatorBinding(ctx, caller.mspId, caller.enrollmentId);
  if (!binding) {
    throw forbidden(`regulator identity ${describeCaller(caller)} is not registered on the ledger`);
  }
  if (binding.status !== 'active') {
    throw forbidden(`regulator identity ${describeCaller(caller)} was revoked at ${binding.revokedAt ?? '(unknown time)'} and may not act as a regulator`);
  }
  requireBoundKey(ctx, binding);
  return true;
}

/**
 * Refuses a submitter whose certificate is not the one the binding pins (or a binding retired or not
 * yet confirmed): the CA could have issued another certificate for the same enrollment id.
 */
export function requireBoundKey(ctx: Context, binding: BindingKey & { mspId: string; enrollmentId: string }): void {
  const refusal = bindingKeyRefusal(binding, () => submitterKeyFingerprint(ctx));
  if (refusal) {
    throw forbidden(refusal);
  }
}

/** A market regulator or inspection body: see {@link actsAsRegulator}. */
export async function requireRegulator(ctx: Context): Promise<Caller> {
  const caller = callerOf(ctx);
  if (!(await actsAsRegulator(ctx, caller))) {
    throw forbidden(`only a registered ${MspIds.regulator} regulator identity or the platform admin may do this; caller is ${describeCaller(caller)}`);
  }
  return caller;
}

/**
 * The enterprise the caller acts for. The certificate's enterprise attribute must agree with an active
 * registry binding of this exact MSP and enrollment id, and its key with the key the binding pins;
 * the gateway's word counts for nothing.
 */
export async function requireEnterpriseCaller(ctx: Context): Promise<{ caller: Caller; enterprise: Enterprise }> {
  const caller = callerOf(ctx);
  const binding = await readIdentityBinding(ctx, caller.mspId, caller.enrollmentId);
  const enterprise = binding ? await readEnterprise(ctx, binding.enterpriseId) : undefined;
  if (!binding || !enterprise) {
    throw forbidden(`identity ${describeCaller(caller)} is not bound to any registered enterprise`);
  }
  requireBoundKey(ctx, binding);
  if (caller.claimedEnterpriseId !== enterprise.id) {
    throw forbidden(
      `identity ${describeCaller(caller)} claims enterprise ${caller.claimedEnterpriseId ?? '(none)'} but is bound to ${enterprise.id}`,
    );
  }
  if (enterprise.status !== 'active') {
    throw forbidden(`enterprise ${enterprise.id} is ${enterprise.status} and may not write`);
  }
  return { caller, enterprise };
}

export function describeCaller(caller: Caller): string {
  return `${caller.enrollmentId}@${caller.mspId}`;
}

/** `x509::/C=CN/.../CN=name::/C=…` → `name`. */
function subjectCommonName(id: string): string {
  const subject = id.split('::')[1] ?? '';
  const match = /CN=([^/]+)/.exec(subject);
  return match ? match[1] : id;
}

/** Whether the caller is the gateway's public intake identity (RegulatorOrg, `tl.role` intake). */
export function isIntake(caller: Caller): boolean {
  return caller.mspId === MspIds.regulator && caller.role === 'intake';
}

/** The gateway's public intake identity, which files consumer reports. */
export function requireIntake(ctx: Context): Caller {
  const caller = callerOf(ctx);
  if (!isIntake(caller)) {
    throw forbidden(`only the ${MspIds.regulator} intake identity may file consumer reports; caller is ${describeCaller(caller)}`);
  }
  return caller;
}
