import type { Context } from 'fabric-contract-api';
import { conflict, describeBoundIdentity, type BoundIdentity } from '../../../model/src';
import { readIdentityBinding } from './enterpriseStore';
import { readRegulatorBinding } from './regulatorStore';

/** What the client identity is bound to, enterprise or regulator, whatever the binding's status. */
export async function findBoundIdentity(ctx: Context, mspId: string, enrollmentId: string): Promise<BoundIdentity | undefined> {
  const enterpriseBinding = await readIdentityBinding(ctx, mspId, enrollmentId);
  if (enterpriseBinding) {
    return { kind: 'enterprise', ...enterpriseBinding };
  }
  const regulatorBinding = await readRegulatorBinding(ctx, mspId, enrollmentId);
  return regulatorBinding ? { kind: 'regulator', ...regulatorBinding } : undefined;
}

/**
 * Refuses to bind an identity that is already bound to anything, even the same holder and even when
 * revoked: a binding is never moved or overwritten, so whoever holds that certificate can never come
 * to act for someone else, and a revoked identity stays revoked.
 */
export async function refuseBoundIdentity(ctx: Context, mspId: string, enrollmentId: string): Promise<void> {
  const bound = await findBoundIdentity(ctx, mspId, enrollmentId);
  if (bound) {
    throw conflict(`identity ${enrollmentId}@${mspId} is already bound to ${describeBoundIdentity(bound)}; enroll a new identity instead`);
  }
}
