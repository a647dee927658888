/**
 * A Fabric client identity the gateway can sign with: certificate on disk, private key in memory
 * (decrypted from the custodial key vault or read from a file).
 */
export interface ClientIdentity {
  mspId: string;
  enrollmentId: string;
  certificate: string;
  /** Path of the key file when the key is a plain file (the gateway's own and admin identities). */
  privateKey: string;
  /** The key itself when it came from the encrypted vault; takes precedence over the file. */
  privateKeyPem?: string;
}
