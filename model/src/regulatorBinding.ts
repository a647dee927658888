import { z } from 'zod';
import type { BindingKey } from './bindingKey';
import { cleanId } from './cleanText';
import type { IdentityBinding } from './enterprise';
import { KeyFingerprintSchema } from './keyFingerprint';
import { MspIds } from './orgs';

/**
 * What the platform admin submits to register a regulator identity: a RegulatorOrg client identity
 * that may act as a market regulator or inspection officer. A `tl.role=regulator` certificate alone
 * is not enough: chaincode honours the role only while such a binding is active, so a regulator's
 * powers can be taken back on chain like an enterprise's.
 */
export const RegulatorRegistrationSchema = z.strictObject({
  mspId: z.literal(MspIds.regulator, `must be ${MspIds.regulator}: regulators are identities of the regulators' organisation`),
  enrollmentId: cleanId('amr-hz-inspector1').regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1–64 letters, digits or . _ @ -'),
  /** The regulator unit the identity acts for, e.g. 杭州市市场监督管理局 (Hangzhou AMR). */
  unit: z.string().trim().min(1).max(200),
  /** 6-digit administrative region codes the unit covers. Recorded for audit; no check depends on them yet. */
  regions: z.array(z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code')).max(50).default([]),
  /** The certificate's public-key fingerprint: only that certificate acts (see IdentityBindingSchema). */
  keyFingerprint: KeyFingerprintSchema.optional(),
});

export type RegulatorRegistration = z.infer<typeof RegulatorRegistrationSchema>;

export type RegulatorStatus = 'active' | 'revoked';

/** A regulator identity as the registry keeps it on the ledger. */
export interface RegulatorBinding extends RegulatorRegistration, BindingKey {
  status: RegulatorStatus;
  registeredAt: string;
  registeredBy: string;
  revokedAt?: string;
  revocationReason?: string;
}

/**
 * Whatever a client identity (MSP + enrollment id) is bound to on chain. One identity is bound to at
 * most one enterprise or regulator, for good: a second binding of it is refused.
 */
export type BoundIdentity = ({ kind: 'enterprise' } & IdentityBinding) | ({ kind: 'regulator' } & RegulatorBinding);

/** `enterprise 9133…` or `regulator unit 杭州市市场监督管理局 (active)`, for refusals. */
export function describeBoundIdentity(bound: BoundIdentity): string {
  if (bound.kind === 'regulator') {
    return `regulator unit ${bound.unit} (${bound.status})`;
  }
  return bound.keyState === 'retired' ? `enterprise ${bound.enterpriseId} (retired)` : `enterprise ${bound.enterpriseId}`;
}
