import crypto, { X509Certificate } from 'node:crypto';
import { msp } from '@hyperledger/fabric-protos';
import type { ChannelConfig } from './channelConfig';

/** A signer as a Fabric message names it (SerializedIdentity), with its certificate read. */
export interface SignerIdentity {
  mspId: string;
  certificate: X509Certificate;
}

/** Reads a SerializedIdentity (MSP id and PEM). Throws when the certificate cannot be read. */
export function signerOf(serializedIdentity: Uint8Array): SignerIdentity {
  const identity = msp.SerializedIdentity.deserializeBinary(serializedIdentity);
  return { mspId: identity.getMspid(), certificate: new X509Certificate(Buffer.from(identity.getIdBytes_asU8())) };
}

/**
 * Why a signer's certificate does not belong to its organisation: no root CA of its MSP in the trusted
 * configuration issued it (and signed it). Undefined when it chains. Validity periods are not checked:
 * signatures are judged as of when they were made, which the ledger's order already fixes.
 */
export function chainReason(signer: SignerIdentity, config: ChannelConfig): string | undefined {
  const org = config.organisations.get(signer.mspId);
  if (!org) return `${signer.mspId} is no organisation of the channel`;
  const issued = org.rootCertificates.some((root) => signer.certificate.checkIssued(root) && signer.certificate.verify(root.publicKey));
  return issued ? undefined : `the certificate of ${signer.certificate.subject.replace(/\n/g, ', ')} does not chain to a root CA of ${signer.mspId}`;
}

/** Whether `signature` (DER ECDSA or other, as the key says) over `data` verifies with the certificate's key, SHA-256. */
export function signatureHolds(certificate: X509Certificate, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return crypto.verify('sha256', data, certificate.publicKey, signature);
  } catch {
    return false;
  }
}

/** The organisational units of a certificate's subject (NodeOUs: client, peer, admin, orderer). */
export function organisationalUnits(certificate: X509Certificate): string[] {
  return certificate.subject
    .split(/[\n+]/)
    .filter((line) => line.startsWith('OU='))
    .map((line) => line.slice(3));
}
