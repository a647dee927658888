import type { Context } from 'fabric-contract-api';
import { CertAttributes, forbidden, type IdentityRole, MspIds } from '../../../model/src';
import { honouredRole } from './certificateRole';

/**
 * Who submitted the transaction, as proven by the certificate the MSP verified. What the registry says
 * of the caller (its enterprise, its regulator binding) is `registry/registeredCaller.ts`.
 */
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
