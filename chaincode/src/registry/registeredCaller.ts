import type { Context } from 'fabric-contract-api';
import { bindingKeyRefusal, forbidden, MspIds, type BindingKey, type Enterprise } from '../../../model/src';
import { callerOf, describeCaller, type Caller } from '../common/caller';
import { submitterKeyFingerprint } from '../common/submitterKey';
import { readEnterprise, readIdentityBinding } from './enterpriseStore';
import { readRegulatorBinding } from './regulatorStore';

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
