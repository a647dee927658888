import type { Context } from 'fabric-contract-api';
import { conflict, forbidden, keyStateOf, type BindingKey, type BoundIdentity, RegistryEvents } from '../../../model/src';
import { callerOf, describeCaller, type Caller } from '../common/caller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent } from '../common/state';
import { submitterKeyFingerprint } from '../common/submitterKey';
import { readEnterprise, readIdentityBinding, writeIdentityBinding } from './enterpriseStore';
import { readRegulatorBinding, writeRegulatorBinding } from './regulatorStore';

/**
 * The holder of an identity bound while its certificate was unknown (non-custodial self-enrollment)
 * pins its key: the transaction is signed with that certificate's key, which the MSP verified, so the
 * signature is the proof of possession. Only a binding awaiting its key can be confirmed, once; after
 * that only re-keying by the platform admin binds another key.
 */
export async function confirmIdentityKey(ctx: Context): Promise<BoundIdentity> {
  const caller = callerOf(ctx);
  const pinned = (at: string): BindingKey => ({ keyState: 'pinned', keyFingerprint: submitterKeyFingerprint(ctx), keyPinnedAt: at });

  const enterpriseBinding = await readIdentityBinding(ctx, caller.mspId, caller.enrollmentId);
  if (enterpriseBinding) {
    requireAwaitingKey(caller, enterpriseBinding);
    if (caller.claimedEnterpriseId !== enterpriseBinding.enterpriseId) {
      throw forbidden(`identity ${describeCaller(caller)} claims enterprise ${caller.claimedEnterpriseId ?? '(none)'} but is bound to ${enterpriseBinding.enterpriseId}`);
    }
    const enterprise = await readEnterprise(ctx, enterpriseBinding.enterpriseId);
    if (enterprise?.status !== 'active') {
      throw forbidden(`enterprise ${enterpriseBinding.enterpriseId} is ${enterprise?.status ?? 'not registered'}; its identities confirm no keys`);
    }
    const confirmed = { ...enterpriseBinding, ...pinned(txTimeIso(ctx)) };
    await writeIdentityBinding(ctx, confirmed);
    return announce(ctx, { kind: 'enterprise', ...confirmed });
  }

  const regulatorBinding = await readRegulatorBinding(ctx, caller.mspId, caller.enrollmentId);
  if (regulatorBinding) {
    requireAwaitingKey(caller, regulatorBinding);
    if (caller.role !== 'regulator') {
      throw forbidden(`identity ${describeCaller(caller)} is a regulator's but its certificate does not carry the regulator role`);
    }
    if (regulatorBinding.status !== 'active') {
      throw forbidden(`regulator identity ${describeCaller(caller)} was revoked at ${regulatorBinding.revokedAt ?? '(unknown time)'}`);
    }
    const confirmed = { ...regulatorBinding, ...pinned(txTimeIso(ctx)) };
    await writeRegulatorBinding(ctx, confirmed);
    return announce(ctx, { kind: 'regulator', ...confirmed });
  }

  throw forbidden(`identity ${describeCaller(caller)} is not bound to anything; there is no key to confirm`);
}

function requireAwaitingKey(caller: Caller, binding: BindingKey): void {
  const state = keyStateOf(binding);
  if (state === 'awaitingKey') return;
  const why = {
    pinned: 'its key is already confirmed',
    retired: 'it was retired',
    legacy: 'it was bound before keys were pinned; ask the platform admin to re-key it',
  }[state];
  throw conflict(`identity ${describeCaller(caller)} awaits no key: ${why}`);
}

function announce(ctx: Context, bound: BoundIdentity): BoundIdentity {
  emitLedgerEvent(ctx, RegistryEvents.identityKeyConfirmed, bound);
  return bound;
}
