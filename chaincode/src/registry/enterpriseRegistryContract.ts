import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  conflict,
  EnterpriseRegistrationSchema,
  IdentityBindingSchema,
  invalid,
  notFound,
  organisationOf,
  parseJsonArgument,
  parseOrThrow,
  type Enterprise,
  type IdentityBinding,
} from '../../../model/src';
import { callerOf, requirePlatformAdmin } from '../common/caller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, writeRecord } from '../common/state';
import { findBoundEnterprise, identityBindingKey, readEnterprise, readIdentityBinding, writeEnterprise } from './enterpriseStore';

/**
 * The enterprise registry: which enterprises exist, and which Fabric client identities act for each.
 * Every other contract checks writes against it.
 */
@Info({ title: 'EnterpriseRegistry', description: 'Registered enterprises and their bound client identities' })
export class EnterpriseRegistryContract extends Contract {
  constructor() {
    super('registry');
  }

  /** Registers an enterprise. The peer organisation follows from its kinds. */
  @Transaction()
  @Returns('string')
  async registerEnterprise(ctx: Context, registrationJson: string): Promise<string> {
    const admin = requirePlatformAdmin(ctx);
    const registration = parseOrThrow(EnterpriseRegistrationSchema, parseJsonArgument(registrationJson, 'registration'));
    const mspId = organisationOf(registration.kinds);
    if (!mspId) {
      throw invalid(`kinds ${registration.kinds.join(', ')} belong to different organisations; register one enterprise per organisation`);
    }
    if (await readEnterprise(ctx, registration.id)) {
      throw conflict(`enterprise ${registration.id} is already registered`);
    }
    const enterprise: Enterprise = {
      ...registration,
      mspId,
      status: 'active',
      registeredAt: txTimeIso(ctx),
      registeredBy: `${admin.enrollmentId}@${admin.mspId}`,
    };
    await writeEnterprise(ctx, enterprise);
    emitLedgerEvent(ctx, 'EnterpriseRegistered', enterprise);
    return JSON.stringify(enterprise);
  }

  /** Binds a client identity (MSP ID + enrollment id at that MSP's CA) to an enterprise. */
  @Transaction()
  @Returns('string')
  async bindIdentity(ctx: Context, bindingJson: string): Promise<string> {
    requirePlatformAdmin(ctx);
    const binding = parseOrThrow(IdentityBindingSchema, parseJsonArgument(bindingJson, 'binding'));
    const enterprise = await readEnterprise(ctx, binding.enterpriseId);
    if (!enterprise) {
      throw notFound(`enterprise ${binding.enterpriseId} is not registered`);
    }
    if (enterprise.status !== 'active') {
      throw conflict(`enterprise ${enterprise.id} is ${enterprise.status}`);
    }
    if (binding.mspId !== enterprise.mspId) {
      throw invalid(`enterprise ${enterprise.id} belongs to ${enterprise.mspId}, not ${binding.mspId}`);
    }
    const existing = await readIdentityBinding(ctx, binding.mspId, binding.enrollmentId);
    if (existing && existing.enterpriseId !== binding.enterpriseId) {
      throw conflict(`identity ${binding.enrollmentId}@${binding.mspId} is already bound to ${existing.enterpriseId}`);
    }
    const record: IdentityBinding = { ...binding };
    await writeRecord(ctx, identityBindingKey(ctx, binding.mspId, binding.enrollmentId), record);
    emitLedgerEvent(ctx, 'IdentityBound', record);
    return JSON.stringify(record);
  }

  /** Revokes an enterprise: none of its identities may write afterwards. */
  @Transaction()
  @Returns('string')
  async revokeEnterprise(ctx: Context, enterpriseId: string, reason: string): Promise<string> {
    requirePlatformAdmin(ctx);
    const enterprise = await readEnterprise(ctx, enterpriseId);
    if (!enterprise) {
      throw notFound(`enterprise ${enterpriseId} is not registered`);
    }
    if (enterprise.status === 'revoked') {
      throw conflict(`enterprise ${enterpriseId} is already revoked`);
    }
    if (reason.trim().length === 0 || reason.length > 500) {
      throw invalid('reason must be 1–500 characters');
    }
    const revoked: Enterprise = { ...enterprise, status: 'revoked', revokedAt: txTimeIso(ctx), revocationReason: reason };
    await writeEnterprise(ctx, revoked);
    emitLedgerEvent(ctx, 'EnterpriseRevoked', revoked);
    return JSON.stringify(revoked);
  }

  @Transaction(false)
  @Returns('string')
  async getEnterprise(ctx: Context, enterpriseId: string): Promise<string> {
    const enterprise = await readEnterprise(ctx, enterpriseId);
    if (!enterprise) {
      throw notFound(`enterprise ${enterpriseId} is not registered`);
    }
    return JSON.stringify(enterprise);
  }

  /** The caller as chaincode sees it: MSP, enrollment id, role and bound enterprise. */
  @Transaction(false)
  @Returns('string')
  async whoAmI(ctx: Context): Promise<string> {
    const caller = callerOf(ctx);
    const enterprise = await findBoundEnterprise(ctx, caller.mspId, caller.enrollmentId);
    return JSON.stringify({ ...caller, boundEnterpriseId: enterprise?.id, enterpriseStatus: enterprise?.status });
  }
}
