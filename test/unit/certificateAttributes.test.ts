import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { fabricAttributesInDer, fabricAttributesOf } from '../../gateway/src/auth/certificateAttributes';
import { intakeCertificate, legacyEnterpriseCertificate } from './certificateFixtures';

const OID = [0x06, 0x08, 0x2a, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x01];

/** An extension as DER bytes, with filler around it as in a certificate. */
function extension(json: string, critical = false): Buffer {
  const value = Buffer.from(json, 'utf8');
  const octets = Buffer.concat([Buffer.from([0x04, value.length]), value]);
  return Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), Buffer.from(OID), Buffer.from(critical ? [0x01, 0x01, 0xff] : []), octets, Buffer.from([0x30, 0x0a])]);
}

describe('Fabric CA certificate attributes', () => {
  it('reads the attributes Fabric CA writes into a certificate (long-form length)', () => {
    expect(fabricAttributesOf(legacyEnterpriseCertificate)).to.deep.include({ 'tl.role': 'enterprise', 'tl.enterprise': '91330100MA27Y0C108', 'hf.EnrollmentID': 'ent-legacy' });
    expect(fabricAttributesOf(intakeCertificate)).to.deep.include({ 'tl.role': 'intake' });
  });

  it('reads a short extension, also one marked critical', () => {
    expect(fabricAttributesInDer(extension('{"attrs":{"tl.role":"regulator"}}'))).to.deep.equal({ 'tl.role': 'regulator' });
    expect(fabricAttributesInDer(extension('{"attrs":{"tl.role":"regulator"}}', true))).to.deep.equal({ 'tl.role': 'regulator' });
  });

  it('answers no attributes for a certificate without the extension', () => {
    const der = new X509Certificate(legacyEnterpriseCertificate).raw;
    const at = der.indexOf(Buffer.from(OID));
    const without = Buffer.from(der);
    without[at + 2] = 0x2b; // a different OID
    expect(fabricAttributesInDer(without)).to.deep.equal({});
  });

  it('refuses a cut-short or malformed extension rather than guessing', () => {
    const whole = extension('{"attrs":{"tl.role":"regulator"}}');
    expect(() => fabricAttributesInDer(whole.subarray(0, whole.length - 12))).to.throw(/past the end/);
    expect(() => fabricAttributesInDer(extension('{"attrs":["tl.role"]}'))).to.throw();
  });
});
