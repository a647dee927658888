import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Checks a logger's signature over a reading's canonical bytes. EC keys sign SHA-256 digests, in DER
 * (what OpenSSL and Node produce) or raw r‖s (IEEE P1363, common on small devices); Ed25519 signs the
 * bytes themselves. Anything unreadable is simply not a valid signature.
 */
export function verifyDeviceSignature(key: KeyObject, bytes: Buffer, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  try {
    if (key.asymmetricKeyType === 'ed25519') {
      return verify(null, bytes, key, signature);
    }
    if (key.asymmetricKeyType === 'ec') {
      return verify('sha256', bytes, key, signature) || verify('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
  } catch {
    return false;
  }
  return false;
}

/** The logger's registered public key, or undefined when it has none (its readings are then `typed`). */
export function deviceKeyOf(publicKeyPem: string | undefined): KeyObject | undefined {
  if (!publicKeyPem) {
    return undefined;
  }
  try {
    return createPublicKey(publicKeyPem);
  } catch {
    return undefined;
  }
}
