import type { Context } from 'fabric-contract-api';
import { keyFingerprintOf } from '../../../model/src';

const fingerprints = new WeakMap<Context, string>();

/**
 * The public-key fingerprint of the certificate that signed the transaction: the one the MSP verified,
 * as the proposal carries it (`getIDBytes`). Kept per transaction context, since several checks of
 * one transaction may ask.
 */
export function submitterKeyFingerprint(ctx: Context): string {
  let fingerprint = fingerprints.get(ctx);
  if (fingerprint === undefined) {
    fingerprint = keyFingerprintOf(ctx.clientIdentity.getIDBytes());
    fingerprints.set(ctx, fingerprint);
  }
  return fingerprint;
}
