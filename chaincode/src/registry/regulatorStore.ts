import type { Context } from 'fabric-contract-api';
import type { RegulatorBinding } from '../../../model/src';
import { KeyTypes, ledgerKey } from '../common/keys';
import { readRecord, writeRecord } from '../common/state';

export function regulatorBindingKey(ctx: Context, mspId: string, enrollmentId: string): string {
  return ledgerKey(ctx, KeyTypes.regulatorBinding, mspId, enrollmentId);
}

export function readRegulatorBinding(ctx: Context, mspId: string, enrollmentId: string): Promise<RegulatorBinding | undefined> {
  return readRecord<RegulatorBinding>(ctx, regulatorBindingKey(ctx, mspId, enrollmentId));
}

export function writeRegulatorBinding(ctx: Context, binding: RegulatorBinding): Promise<void> {
  return writeRecord(ctx, regulatorBindingKey(ctx, binding.mspId, binding.enrollmentId), binding);
}
