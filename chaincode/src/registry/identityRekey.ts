import type { Context } from 'fabric-contract-api';
import {
  conflict,
  IdentityRekeySchema,
  newBindingKey,
  notFound,
  parseJsonArgument,
  parseOrThrow,
  type BindingKey,
  type IdentityBinding,
  type IdentityRekey,
  type Rekeyed,
  type RegulatorBinding,
  RegistryEvents,
} from '../../../model/src';
import { describeCaller, requirePlatformAdmin } from '../common/caller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent } from '../common/state';
import { refuseBoundIdentity } from './boundIdentity';
import { readEnterprise, readIdentityBinding, writeIdentityBinding } from './enterpriseStore';
import { readRegulatorBinding, writeRegulatorBinding } from './regulatorStore';

/**
 * Re-keys a bound identity (platform admin only): retires its binding, kept with who retired it,
 * when, why and its successor, and binds the successor enrollment id to the same enterprise or as the
 * same regulator unit, in one transaction. A retired binding acts for nobody and is never bound again.
 * A retired regulator identity is also revoked, since a regulator's tokens and holds name its
 * enrollment id: the successor is the regulator from now on.
 */
export async function rekeyIdentity(ctx: Context, rekeyJson: string): Promise<Rekeyed> {
  const admin = requirePlatformAdmin(ctx);
  const rekey = parseOrThrow(IdentityRekeySchema, parseJsonArgument(rekeyJson, 'rekey'));
  const at = txTimeIso(ctx);
  const retirement: BindingKey = {
    keyState: 'retired',
    retiredAt: at,
    retiredBy: describeCaller(admin),
    retirementReason: rekey.reason,
    successorEnrollmentId: rekey.successor.enrollmentId,
  };
  const successorKey: BindingKey = { ...newBindingKey(rekey.successor.keyFingerprint, at), predecessorEnrollmentId: rekey.enrollmentId };

  const enterpriseBinding = await readIdentityBinding(ctx, rekey.mspId, rekey.enrollmentId);
  if (enterpriseBinding) {
    await requireRetirable(ctx, rekey, enterpriseBinding);
    const enterprise = await readEnterprise(ctx, enterpriseBinding.enterpriseId);
    if (enterprise?.status !== 'active') {
      throw conflict(`enterprise ${enterpriseBinding.enterpriseId} is ${enterprise?.status ?? 'not registered'}; its identities are not re-keyed`);
    }
    const retired: IdentityBinding = { ...enterpriseBinding, ...retirement };
    const successor: IdentityBinding = { enterpriseId: enterprise.id, mspId: rekey.mspId, enrollmentId: rekey.successor.enrollmentId, boundAt: at, ...successorKey };
    await writeIdentityBinding(ctx, retired);
    await writeIdentityBinding(ctx, successor);
    return announce(ctx, { retired: { kind: 'enterprise', ...retired }, successor: { kind: 'enterprise', ...successor } });
  }

  const regulatorBinding = await readRegulatorBinding(ctx, rekey.mspId, rekey.enrollmentId);
  if (regulatorBinding) {
    await requireRetirable(ctx, rekey, regulatorBinding);
    if (regulatorBinding.status !== 'active') {
      throw conflict(`regulator identity ${rekey.enrollmentId}@${rekey.mspId} is revoked; register a new regulator identity instead`);
    }
    const retired: RegulatorBinding = {
      ...regulatorBinding,
      ...retirement,
      status: 'revoked',
      revokedAt: at,
      revocationReason: `re-keyed to ${rekey.successor.enrollmentId}: ${rekey.reason}`,
    };
    const successor: RegulatorBinding = {
      mspId: regulatorBinding.mspId,
      enrollmentId: rekey.successor.enrollmentId,
      unit: regulatorBinding.unit,
      regions: regulatorBinding.regions,
      status: 'active',
      registeredAt: at,
      registeredBy: describeCaller(admin),
      ...successorKey,
    };
    await writeRegulatorBinding(ctx, retired);
    await writeRegulatorBinding(ctx, successor);
    return announce(ctx, { retired: { kind: 'regulator', ...retired }, successor: { kind: 'regulator', ...successor } });
  }

  throw notFound(`identity ${rekey.enrollmentId}@${rekey.mspId} is not bound to anything`);
}

async function requireRetirable(ctx: Context, rekey: IdentityRekey, binding: BindingKey): Promise<void> {
  if (binding.keyState === 'retired') {
    throw conflict(`identity ${rekey.enrollmentId}@${rekey.mspId} was already retired at ${binding.retiredAt ?? '(unknown time)'} (re-keyed to ${binding.successorEnrollmentId ?? '(unknown)'})`);
  }
  await refuseBoundIdentity(ctx, rekey.mspId, rekey.successor.enrollmentId);
}

function announce(ctx: Context, rekeyed: Rekeyed): Rekeyed {
  // One event per transaction: both records travel in it, so the read store sees the retirement too.
  emitLedgerEvent(ctx, RegistryEvents.identityRekeyed, rekeyed);
  return rekeyed;
}
