import type { Context } from 'fabric-contract-api';
import {
  conflict,
  invalid,
  MspIds,
  newBindingKey,
  notFound,
  parseJsonArgument,
  parseOrThrow,
  RegulatorRegistrationSchema,
  type RegulatorBinding,
  RegistryEvents,
} from '../../../model/src';
import { describeCaller, requirePlatformAdmin } from '../common/caller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent } from '../common/state';
import { refuseBoundIdentity } from './boundIdentity';
import { readRegulatorBinding, writeRegulatorBinding } from './regulatorStore';

/**
 * Registers a regulator identity; its `tl.role=regulator` certificate counts from then on, pinned to
 * the key `keyFingerprint` (without one the binding awaits the holder's registry:confirmIdentityKey).
 */
export async function registerRegulator(ctx: Context, registrationJson: string): Promise<RegulatorBinding> {
  const admin = requirePlatformAdmin(ctx);
  const registration = parseOrThrow(RegulatorRegistrationSchema, parseJsonArgument(registrationJson, 'registration'));
  await refuseBoundIdentity(ctx, registration.mspId, registration.enrollmentId);
  const registeredAt = txTimeIso(ctx);
  const binding: RegulatorBinding = { ...registration, status: 'active', registeredAt, registeredBy: describeCaller(admin), ...newBindingKey(registration.keyFingerprint, registeredAt) };
  await writeRegulatorBinding(ctx, binding);
  emitLedgerEvent(ctx, RegistryEvents.regulatorRegistered, binding);
  return binding;
}

/** Revokes a regulator identity for good: its certificate no longer acts as a regulator. */
export async function revokeRegulator(ctx: Context, enrollmentId: string, reason: string): Promise<RegulatorBinding> {
  requirePlatformAdmin(ctx);
  const binding = await requireRegulatorBinding(ctx, enrollmentId);
  if (binding.status === 'revoked') {
    throw conflict(`regulator identity ${enrollmentId}@${binding.mspId} is already revoked`);
  }
  if (reason.trim().length === 0 || reason.length > 500) {
    throw invalid('reason must be 1–500 characters');
  }
  const revoked: RegulatorBinding = { ...binding, status: 'revoked', revokedAt: txTimeIso(ctx), revocationReason: reason };
  await writeRegulatorBinding(ctx, revoked);
  emitLedgerEvent(ctx, RegistryEvents.regulatorRevoked, revoked);
  return revoked;
}

export async function requireRegulatorBinding(ctx: Context, enrollmentId: string): Promise<RegulatorBinding> {
  const binding = await readRegulatorBinding(ctx, MspIds.regulator, enrollmentId);
  if (!binding) {
    throw notFound(`regulator identity ${enrollmentId}@${MspIds.regulator} is not registered`);
  }
  return binding;
}
