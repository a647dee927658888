import { z } from 'zod';
import { IdentityBindingSchema } from './enterprise';
import { KeyFingerprintSchema } from './keyFingerprint';
import type { BoundIdentity } from './regulatorBinding';

/**
 * What the platform admin submits to re-key a bound identity: the old binding (enterprise or
 * regulator) is retired and kept for history, and a successor enrollment id of the same MSP is bound
 * to the same holder in one transaction. A new enrollment id rather than a new key for the old one:
 * the CA enrolls each id once, and an id whose key may have leaked is best never honoured again.
 */
export const IdentityRekeySchema = z.strictObject({
  mspId: IdentityBindingSchema.shape.mspId,
  /** The enrollment id whose binding is retired. */
  enrollmentId: IdentityBindingSchema.shape.enrollmentId,
  successor: z.strictObject({
    enrollmentId: IdentityBindingSchema.shape.enrollmentId,
    /** Absent for a successor that enrolls itself: it then confirms its key (registry:confirmIdentityKey). */
    keyFingerprint: KeyFingerprintSchema.optional(),
  }),
  reason: z.string().trim().min(1).max(500),
});

export type IdentityRekey = z.infer<typeof IdentityRekeySchema>;

/** What a re-keying wrote: the retired binding and its successor (the `IdentityRekeyed` event). */
export interface Rekeyed {
  retired: BoundIdentity;
  successor: BoundIdentity;
}
