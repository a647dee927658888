import { z } from 'zod';
import type { BindingKey } from './bindingKey';
import { CalendarDateSchema } from './calendarDate';
import { cleanId } from './cleanText';
import { MspIds } from './orgs';
import { KeyFingerprintSchema } from './keyFingerprint';
import { isUscc, wrongCheckCharacter } from './uscc';
import { explained } from './validation';

/**
 * Kinds of enterprise that write to the ledger, and the peer organisation each belongs to.
 * The organisation decides which peer endorses for it and which CA issues its identities.
 */
export const EnterpriseKinds = {
  producer: MspIds.supply,
  importer: MspIds.supply,
  processor: MspIds.supply,
  coldStore: MspIds.supply,
  carrier: MspIds.supply,
  wholesaler: MspIds.supply,
  retailer: MspIds.supply,
  drugMaker: MspIds.supply,
  drugWholesaler: MspIds.supply,
  hospital: MspIds.supply,
  pharmacy: MspIds.supply,
  elevatorOwner: MspIds.equipment,
  maintenanceFirm: MspIds.equipment,
  inspectionBody: MspIds.regulator,
  /** A 96333 entrapment call centre: it, not the maintenance firm, records when a call came and was dispatched. */
  rescueCallCentre: MspIds.regulator,
} as const;

export type EnterpriseKind = keyof typeof EnterpriseKinds;

const kindNames = Object.keys(EnterpriseKinds) as [EnterpriseKind, ...EnterpriseKind[]];

export const LicenceSchema = z.strictObject({
  /** e.g. food business licence (食品经营许可证), drug distribution licence, elevator maintenance licence. */
  kind: z.string().min(1).max(64),
  /** The licence's own number, which names it to the authority that issued it. */
  number: cleanId('JY13301000123456').min(1).max(64),
  /** A licence without end (长期) has no last day: write 2099-12-31, the last the ledger accepts. */
  validUntil: CalendarDateSchema,
});

/** An enterprise's unified social credit code (统一社会信用代码), as every record names it. */
export const UsccSchema = cleanId('91350100M000100Y43').refine(isUscc, explained('must be an 18-character unified social credit code with a valid check character', wrongCheckCharacter));

/** What a regulator submits to register an enterprise. */
export const EnterpriseRegistrationSchema = z.strictObject({
  /** Unified social credit code (统一社会信用代码). */
  id: UsccSchema,
  name: z.string().min(1).max(200),
  kinds: z.array(z.enum(kindNames)).min(1).max(8),
  /** 6-digit administrative region code (行政区划代码) of the registered address. */
  region: z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code'),
  licences: z.array(LicenceSchema).max(20).default([]),
});

export type EnterpriseRegistration = z.infer<typeof EnterpriseRegistrationSchema>;

export type EnterpriseStatus = 'active' | 'revoked';

/** An enterprise as the registry keeps it on the ledger. */
export interface Enterprise extends EnterpriseRegistration {
  /** The one peer organisation the enterprise's identities belong to. */
  mspId: string;
  status: EnterpriseStatus;
  registeredAt: string;
  registeredBy: string;
  revokedAt?: string;
  revocationReason?: string;
}

/** The organisation all of an enterprise's kinds belong to, or undefined when they span organisations. */
export function organisationOf(kinds: readonly EnterpriseKind[]): string | undefined {
  const orgs = new Set(kinds.map((kind) => EnterpriseKinds[kind]));
  return orgs.size === 1 ? [...orgs][0] : undefined;
}

/** A Fabric client identity that may act for an enterprise: its MSP and enrollment id at that MSP's CA. */
export const IdentityBindingSchema = z.strictObject({
  enterpriseId: cleanId('91350100M000100Y43').refine(isUscc, explained('must be a unified social credit code', wrongCheckCharacter)),
  mspId: z.enum([MspIds.regulator, MspIds.supply, MspIds.equipment]),
  enrollmentId: cleanId('coldstore-clerk1').regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1–64 letters, digits or . _ @ -'),
  /**
   * The certificate's public-key fingerprint (keyFingerprintOf): only that certificate acts. Absent when
   * the binder cannot know the certificate yet (the enterprise enrolls itself): the binding then awaits
   * the holder's `registry:confirmIdentityKey` and acts for nobody until then.
   */
  keyFingerprint: KeyFingerprintSchema.optional(),
});

/** What the platform admin submits to bind an identity. */
export type IdentityBindingRequest = z.infer<typeof IdentityBindingSchema>;

/** An identity binding as the registry keeps it: the request and which key may use it (see BindingKey). */
export interface IdentityBinding extends IdentityBindingRequest, BindingKey {
  /** Absent on bindings written before keys were pinned. */
  boundAt?: string;
}
