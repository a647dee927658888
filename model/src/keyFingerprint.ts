import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The fingerprint that pins an on-chain binding to one key pair: SHA-256 of the certificate's public
 * key as DER SubjectPublicKeyInfo, 64 lower-case hex digits. The key rather than the certificate (or
 * its serial): a certificate renewed for the same key keeps acting, while any certificate for another
 * key — one enrolled later from a leaked secret, or the TLS certificate of the same enrollment id — is
 * refused. The same as `openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum`.
 */
export const KeyFingerprintSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "must be the SHA-256 of the certificate's public key (DER SubjectPublicKeyInfo) as 64 lower-case hex digits");

const PEM_BODY = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

/**
 * The certificate as DER. PEM is decoded here rather than by an X.509 parser, so line breaks and
 * spacing of whatever PEM a client sent (chaincode gets it from the proposal) cannot matter.
 */
function certificateDer(certificate: string | Uint8Array): Uint8Array {
  const text = typeof certificate === 'string' ? certificate : Buffer.from(certificate).toString('latin1');
  const pem = PEM_BODY.exec(text);
  if (pem) {
    return Buffer.from(pem[1].replace(/\s+/g, ''), 'base64');
  }
  return typeof certificate === 'string' ? Buffer.from(certificate, 'utf8') : certificate;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const EXPLICIT_VERSION = 0xa0;

interface Element {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** One DER element (tag, definite length) at `offset`, within `limit`. */
function elementAt(der: Uint8Array, offset: number, limit: number): Element {
  if (offset + 2 > limit) {
    throw new Error('not an X.509 certificate: it ends inside an element');
  }
  let length = der[offset + 1];
  let contentStart = offset + 2;
  if (length & 0x80) {
    const lengthBytes = length & 0x7f;
    if (lengthBytes === 0 || lengthBytes > 4 || contentStart + lengthBytes > limit) {
      throw new Error('not an X.509 certificate: an element has no definite length');
    }
    length = 0;
    for (let i = 0; i < lengthBytes; i++) {
      length = length * 256 + der[contentStart + i];
    }
    contentStart += lengthBytes;
  }
  const end = contentStart + length;
  if (end > limit) {
    throw new Error('not an X.509 certificate: an element is longer than what holds it');
  }
  return { tag: der[offset], start: offset, contentStart, end };
}

function expectTag(element: Element, tag: number, what: string): Element {
  if (element.tag !== tag) {
    throw new Error(`not an X.509 certificate: expected ${what}`);
  }
  return element;
}

/**
 * The SubjectPublicKeyInfo of a DER certificate, as its bytes stand in it (RFC 5280: TBSCertificate is
 * version?, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, …). Walked by
 * hand because parsing the whole certificate and re-encoding its key costs some 0.3 ms in Node, and
 * chaincode does this for every enterprise write; DER has one encoding, so these are the same bytes.
 */
export function subjectPublicKeyInfoOf(der: Uint8Array): Uint8Array {
  const certificate = expectTag(elementAt(der, 0, der.length), SEQUENCE, 'a certificate sequence');
  const tbs = expectTag(elementAt(der, certificate.contentStart, certificate.end), SEQUENCE, 'a to-be-signed sequence');
  let field = elementAt(der, tbs.contentStart, tbs.end);
  if (field.tag === EXPLICIT_VERSION) {
    field = elementAt(der, field.end, tbs.end);
  }
  for (const [tag, what] of [[INTEGER, 'a serial number'], [SEQUENCE, 'a signature algorithm'], [SEQUENCE, 'an issuer'], [SEQUENCE, 'a validity'], [SEQUENCE, 'a subject']] as const) {
    field = elementAt(der, expectTag(field, tag, what).end, tbs.end);
  }
  const spki = expectTag(field, SEQUENCE, 'a subject public key info');
  return der.subarray(spki.start, spki.end);
}

/** {@link KeyFingerprintSchema} of a certificate (PEM text, PEM bytes or DER). Throws on anything that is not one. */
export function keyFingerprintOf(certificate: string | Uint8Array): string {
  return createHash('sha256').update(subjectPublicKeyInfoOf(certificateDer(certificate))).digest('hex');
}
