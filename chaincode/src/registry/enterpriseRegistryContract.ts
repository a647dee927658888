import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  bindingKeyRefusal,
  conflict,
  EnterpriseRegistrationSchema,
  IdentityBindingSchema,
  invalid,
  keyStateOf,
  newBindingKey,
  notFound,
  organisationOf,
  parseJsonArgument,
  parseOrThrow,
  type Enterprise,
  type IdentityBinding,
  RegistryEvents,
} from '../../../model/src';
import { callerOf, requirePlatformAdmin } from '../common/caller';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent } from '../common/state';
import { submitterKeyFingerprint } from '../common/submitterKey';
import { findBoundIdentity, refuseBoundIdentity } from './boundIdentity';
import { readEnterprise, writeEnterprise, writeIdentityBinding } from './enterpriseStore';
import { rekeyIdentity } from './identityRekey';
import { confirmIdentityKey } from './keyConfirmation';
import { registerRegulator, requireRegulatorBinding, revokeRegulator } from './regulatorRegistry';

/**
 * The enterprise registry: which enterprises exist, which Fabric client identities act for each, and
 * which RegulatorOrg identities act as regulators. Every other contract checks writes against it.
 */
@Info({ title: 'EnterpriseRegistry', description: 'Registered enterprises, their bound client identities, and regulator identities' })
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
    emitLedgerEvent(ctx, RegistryEvents.enterpriseRegistered, enterprise);
    return JSON.stringify(enterprise);
  }

  /**
   * Binds a client identity (MSP ID + enrollment id at that MSP's CA) to an enterprise, pinned to the
   * certificate key `keyFingerprint`; without one the binding awaits its holder's
   * {@link confirmIdentityKey}. An identity already bound to anything (an enterprise, this one
   * included, or a regulator) is refused.
   */
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
    await refuseBoundIdentity(ctx, binding.mspId, binding.enrollmentId);
    const boundAt = txTimeIso(ctx);
    const record: IdentityBinding = { ...binding, boundAt, ...newBindingKey(binding.keyFingerprint, boundAt) };
    await writeIdentityBinding(ctx, record);
    emitLedgerEvent(ctx, RegistryEvents.identityBound, record);
    return JSON.stringify(record);
  }

  /**
   * Pins the caller's own certificate key to its binding, which was made without one (the holder
   * enrolled itself, so nobody else knew the certificate). Signed with that key; once only.
   */
  @Transaction()
  @Returns('string')
  async confirmIdentityKey(ctx: Context): Promise<string> {
    return JSON.stringify(await confirmIdentityKey(ctx));
  }

  /**
   * Re-keys an identity `{mspId, enrollmentId, successor: {enrollmentId, keyFingerprint?}, reason}`
   * (platform admin only): retires the binding of `enrollmentId`, which then acts for nobody, and binds
   * the successor to the same enterprise or regulator unit. Answers `{retired, successor}`.
   */
  @Transaction()
  @Returns('string')
  async rekeyIdentity(ctx: Context, rekeyJson: string): Promise<string> {
    return JSON.stringify(await rekeyIdentity(ctx, rekeyJson));
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
    emitLedgerEvent(ctx, RegistryEvents.enterpriseRevoked, revoked);
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

  /**
   * Registers a regulator identity `{mspId, enrollmentId, unit, regions}` (RegulatorOrg only): its
   * `tl.role=regulator` certificate acts as a regulator while the binding is active. An identity
   * already bound to anything is refused.
   */
  @Transaction()
  @Returns('string')
  async registerRegulator(ctx: Context, registrationJson: string): Promise<string> {
    return JSON.stringify(await registerRegulator(ctx, registrationJson));
  }

  /** Revokes a regulator identity: it can no longer set holds or act as a regulator anywhere. */
  @Transaction()
  @Returns('string')
  async revokeRegulator(ctx: Context, enrollmentId: string, reason: string): Promise<string> {
    return JSON.stringify(await revokeRegulator(ctx, enrollmentId, reason));
  }

  @Transaction(false)
  @Returns('string')
  async getRegulator(ctx: Context, enrollmentId: string): Promise<string> {
    return JSON.stringify(await requireRegulatorBinding(ctx, enrollmentId));
  }

  /** What an identity is bound to (`kind` enterprise or regulator), so onboarding can refuse a taken enrollment id up front. */
  @Transaction(false)
  @Returns('string')
  async getIdentity(ctx: Context, mspId: string, enrollmentId: string): Promise<string> {
    const bound = await findBoundIdentity(ctx, mspId, enrollmentId);
    if (!bound) {
      throw notFound(`identity ${enrollmentId}@${mspId} is not bound to anything`);
    }
    return JSON.stringify(bound);
  }

  /**
   * The caller as chaincode sees it: MSP, enrollment id, honoured role, bound enterprise and regulator
   * status, its certificate's key fingerprint and the key state of its binding, and why the binding
   * refuses this certificate (`keyRefusal`), if it does.
   */
  @Transaction(false)
  @Returns('string')
  async whoAmI(ctx: Context): Promise<string> {
    const caller = callerOf(ctx);
    const bound = await findBoundIdentity(ctx, caller.mspId, caller.enrollmentId);
    const enterprise = bound?.kind === 'enterprise' ? await readEnterprise(ctx, bound.enterpriseId) : undefined;
    const regulator = bound?.kind === 'regulator' ? bound : undefined;
    const keyFingerprint = submitterKeyFingerprint(ctx);
    return JSON.stringify({
      ...caller,
      boundEnterpriseId: enterprise?.id,
      enterpriseStatus: enterprise?.status,
      regulatorStatus: regulator?.status,
      keyFingerprint,
      bindingKeyState: bound ? keyStateOf(bound) : undefined,
      keyRefusal: bound ? bindingKeyRefusal(bound, () => keyFingerprint) : undefined,
    });
  }
}
