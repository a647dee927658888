import type { Context } from 'fabric-contract-api';
import { CertAttributes, forbidden, IdentityRoles, type IdentityRole, MspIds, type Enterprise } from '../../../model/src';
import { findBoundEnterprise } from '../registry/enterpriseStore';

/** Who submitted the transaction, as proven by the certificate the MSP verified. */
export interface Caller {
  mspId: string;
  enrollmentId: string;
  role: IdentityRole | undefined;
  /** The `tl.enterprise` attribute; only a claim until checked against the registry binding. */
  claimedEnterpriseId: string | undefined;
}

export function callerOf(ctx: Context): Caller {
  const identity = ctx.clientIdentity;
  const role = identity.getAttributeValue(CertAttributes.role) ?? undefined;
  return {
    mspId: identity.getMSPID(),
    enrollmentId: identity.getAttributeValue('hf.EnrollmentID') ?? subjectCommonName(identity.getID()),
    role: (IdentityRoles as readonly string[]).includes(role ?? '') ? (role as IdentityRole) : undefined,
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

/** Whether the caller is a RegulatorOrg identity with role regulator (or admin, who may do what regulators do). */
export function isRegulator(caller: Caller): boolean {
  return caller.mspId === MspIds.regulator && (caller.role === 'regulator' || caller.role === 'admin');
}

/** A market regulator or inspection body: a RegulatorOrg identity with `tl.role` regulator or admin. */
export function requireRegulator(ctx: Context): Caller {
  const caller = callerOf(ctx);
  if (!isRegulator(caller)) {
    throw forbidden(`only a ${MspIds.regulator} identity with role regulator or admin may do this; caller is ${describeCaller(caller)}`);
  }
  return caller;
}

/**
 * The enterprise the caller acts for. The certificate's enterprise attribute must agree with an active
 * registry binding of this exact MSP and enrollment id; the gateway's word counts for nothing.
 */
export async function requireEnterpriseCaller(ctx: Context): Promise<{ caller: Caller; enterprise: Enterprise }> {
  const caller = callerOf(ctx);
  const enterprise = await findBoundEnterprise(ctx, caller.mspId, caller.enrollmentId);
  if (!enterprise) {
    throw forbidden(`identity ${describeCaller(caller)} is not bound to any registered enterprise`);
  }
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

/** The gateway's public intake identity (RegulatorOrg, `tl.role` intake), which files consumer reports. */
export function requireIntake(ctx: Context): Caller {
  const caller = callerOf(ctx);
  if (caller.mspId !== MspIds.regulator || caller.role !== 'intake') {
    throw forbidden(`only the ${MspIds.regulator} intake identity may file consumer reports; caller is ${describeCaller(caller)}`);
  }
  return caller;
}
