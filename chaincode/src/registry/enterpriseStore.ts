import type { Context } from 'fabric-contract-api';
import type { Enterprise, IdentityBinding } from '../../../model/src';
import { KeyTypes, ledgerKey } from '../common/keys';
import { readRecord, writeRecord } from '../common/state';

export function enterpriseKey(ctx: Context, enterpriseId: string): string {
  return ledgerKey(ctx, KeyTypes.enterprise, enterpriseId);
}

export function identityBindingKey(ctx: Context, mspId: string, enrollmentId: string): string {
  return ledgerKey(ctx, KeyTypes.identityBinding, mspId, enrollmentId);
}

export function readEnterprise(ctx: Context, enterpriseId: string): Promise<Enterprise | undefined> {
  return readRecord<Enterprise>(ctx, enterpriseKey(ctx, enterpriseId));
}

export function writeEnterprise(ctx: Context, enterprise: Enterprise): Promise<void> {
  return writeRecord(ctx, enterpriseKey(ctx, enterprise.id), enterprise);
}

export function readIdentityBinding(
  ctx: Context,
  mspId: string,
  enrollmentId: string,
): Promise<IdentityBinding | undefined> {
  return readRecord<IdentityBinding>(ctx, identityBindingKey(ctx, mspId, enrollmentId));
}

/**
 * The enterprise a client identity is bound to, whatever its status, or undefined. Not a check of who
 * may write: it ignores which key the binding pins (requireEnterpriseCaller checks that).
 */
export async function findBoundEnterprise(
  ctx: Context,
  mspId: string,
  enrollmentId: string,
): Promise<Enterprise | undefined> {
  const binding = await readIdentityBinding(ctx, mspId, enrollmentId);
  return binding ? readEnterprise(ctx, binding.enterpriseId) : undefined;
}

export function writeIdentityBinding(ctx: Context, binding: IdentityBinding): Promise<void> {
  return writeRecord(ctx, identityBindingKey(ctx, binding.mspId, binding.enrollmentId), binding);
}
