/**
 * Which certificate may act through an on-chain binding (an enterprise identity binding or a regulator
 * binding). An enrollment id alone does not say: a CA can issue any number of certificates for it.
 *
 * - `pinned`: only a certificate whose public key has the binding's `keyFingerprint`.
 * - `awaitingKey`: none yet. Bound before anyone but its holder knew the certificate (non-custodial
 *   self-enrollment); the holder pins its key with `registry:confirmIdentityKey`, signed with it.
 * - `retired`: none ever again; the platform admin re-keyed it to `successorEnrollmentId`.
 * - absent (`legacy`): written before keys were pinned; any certificate of the enrollment id acts, as
 *   it did then. Re-key such bindings to pin them.
 */
export const BindingKeyStates = ['awaitingKey', 'pinned', 'retired'] as const;
export type BindingKeyState = (typeof BindingKeyStates)[number];

/** The key part of a binding record. */
export interface BindingKey {
  keyState?: BindingKeyState;
  /** See KeyFingerprintSchema; set while pinned, kept once retired. */
  keyFingerprint?: string;
  keyPinnedAt?: string;
  retiredAt?: string;
  /** `enrollmentId@mspId` of the platform admin who re-keyed. */
  retiredBy?: string;
  retirementReason?: string;
  /** The enrollment id bound in this one's place by a re-keying. */
  successorEnrollmentId?: string;
  /** The enrollment id this one replaced, on a binding made by a re-keying. */
  predecessorEnrollmentId?: string;
}

/** The key part of a new binding: pinned when the binder knows the certificate, else awaiting its holder. */
export function newBindingKey(keyFingerprint: string | undefined, at: string): BindingKey {
  return keyFingerprint === undefined ? { keyState: 'awaitingKey' } : { keyState: 'pinned', keyFingerprint, keyPinnedAt: at };
}

/** A binding's key state for display; `legacy` for one written before keys were pinned. */
export const keyStateOf = (binding: BindingKey): BindingKeyState | 'legacy' => binding.keyState ?? 'legacy';

/**
 * Why the submitter may not act through this binding, or undefined when it may. `submitterFingerprint`
 * gives the fingerprint of the certificate that signed; it is asked only when the binding names a key.
 */
export function bindingKeyRefusal(
  binding: BindingKey & { mspId: string; enrollmentId: string },
  submitterFingerprint: () => string,
): string | undefined {
  const who = `${binding.enrollmentId}@${binding.mspId}`;
  switch (binding.keyState) {
    case undefined:
      return undefined;
    case 'pinned': {
      const presented = submitterFingerprint();
      return presented === binding.keyFingerprint
        ? undefined
        : `the certificate (key ${presented}) is not the one bound for enrollment id ${who} (key ${binding.keyFingerprint ?? '(none)'}); only the platform admin can bind another key, by re-keying`;
    }
    case 'awaitingKey':
      return `identity ${who} has no confirmed key yet: its holder must first submit registry:confirmIdentityKey signed with its certificate`;
    case 'retired':
      return `identity ${who} was retired at ${binding.retiredAt ?? '(unknown time)'}${binding.successorEnrollmentId ? ` and re-keyed to ${binding.successorEnrollmentId}` : ''}; it may not act`;
    default:
      return `identity ${who} has key state ${String(binding.keyState)}, which this chaincode does not know`;
  }
}
