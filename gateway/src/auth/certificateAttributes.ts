import { X509Certificate } from 'node:crypto';
import { z } from 'zod';

/**
 * DER encoding of OID 1.2.3.4.5.6.7.8.1, the extension in which Fabric CA writes an enrollment
 * certificate's attributes as JSON (`{"attrs":{"tl.role":"enterprise",…}}`). Node's X509Certificate
 * does not expose extensions, and ten bytes this specific do not occur by chance in a certificate.
 */
const FABRIC_ATTRIBUTES_OID = Buffer.from([0x06, 0x08, 0x2a, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x01]);
const DER_BOOLEAN = 0x01;
const DER_OCTET_STRING = 0x04;

const AttributesSchema = z.object({ attrs: z.record(z.string(), z.string()) });

/** The attributes Fabric CA wrote into a certificate; empty when it wrote none. */
export function fabricAttributesOf(certificatePem: string): Record<string, string> {
  return fabricAttributesInDer(new X509Certificate(certificatePem).raw);
}

/** As {@link fabricAttributesOf}, from the certificate's DER bytes. Throws on a malformed extension. */
export function fabricAttributesInDer(der: Uint8Array): Record<string, string> {
  const bytes = Buffer.from(der);
  const at = bytes.indexOf(FABRIC_ATTRIBUTES_OID);
  if (at < 0) {
    return {};
  }
  let cursor = at + FABRIC_ATTRIBUTES_OID.length;
  // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
  if (bytes[cursor] === DER_BOOLEAN) {
    cursor += 2 + bytes[cursor + 1];
  }
  if (bytes[cursor] !== DER_OCTET_STRING) {
    throw new Error('the Fabric attribute extension holds no octet string');
  }
  const { length, size } = derLength(bytes, cursor + 1);
  const start = cursor + 1 + size;
  if (start + length > bytes.length) {
    throw new Error('the Fabric attribute extension runs past the end of the certificate');
  }
  return AttributesSchema.parse(JSON.parse(bytes.subarray(start, start + length).toString('utf8'))).attrs;
}

/** A DER length at `at`: the short form (< 128) or the long form of up to three length bytes. */
function derLength(bytes: Buffer, at: number): { length: number; size: number } {
  const first = bytes[at];
  if (first === undefined) {
    throw new Error('the Fabric attribute extension is cut short');
  }
  if (first < 0x80) {
    return { length: first, size: 1 };
  }
  const count = first & 0x7f;
  if (count === 0 || count > 3 || at + count >= bytes.length) {
    throw new Error('the Fabric attribute extension has a malformed length');
  }
  let length = 0;
  for (let i = 1; i <= count; i++) {
    length = length * 256 + bytes[at + i];
  }
  return { length, size: 1 + count };
}
