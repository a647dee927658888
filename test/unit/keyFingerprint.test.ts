import { expect } from 'chai';
import { createHash, X509Certificate } from 'node:crypto';
import { IdentityBindingSchema, IdentityRekeySchema, KeyFingerprintSchema, keyFingerprintOf, RegulatorRegistrationSchema } from '../../model/src';
import { intakeCertificate, legacyEnterpriseCertificate, legacyRegulatorCertificate } from './certificateFixtures';
import { firstOfKeyA, KEY_A, KEY_B, LEGACY_ENTERPRISE_KEY, ofKeyB, RSA_KEY, rsaCertificate, secondOfKeyA, version1OfKeyB } from './keyFixtures';

describe('certificate key fingerprints', () => {
  it('is the SHA-256 of the DER SubjectPublicKeyInfo, as openssl computes it', () => {
    expect(keyFingerprintOf(firstOfKeyA)).to.equal(KEY_A);
    expect(keyFingerprintOf(ofKeyB)).to.equal(KEY_B);
    expect(keyFingerprintOf(legacyEnterpriseCertificate)).to.equal(LEGACY_ENTERPRISE_KEY);
    expect(keyFingerprintOf(rsaCertificate)).to.equal(RSA_KEY);
  });

  it('finds the same key bytes as a full X.509 parse re-encodes, for v1 and v3, EC and RSA certificates', () => {
    for (const certificate of [firstOfKeyA, secondOfKeyA, ofKeyB, version1OfKeyB, rsaCertificate, legacyEnterpriseCertificate, legacyRegulatorCertificate, intakeCertificate]) {
      const spki = new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' });
      expect(keyFingerprintOf(certificate)).to.equal(createHash('sha256').update(spki).digest('hex'));
    }
  });

  it('names the key, not the certificate: a second certificate of one key has its fingerprint, one of another key does not', () => {
    expect(keyFingerprintOf(secondOfKeyA)).to.equal(KEY_A);
    expect(keyFingerprintOf(version1OfKeyB)).to.equal(KEY_B);
    expect(keyFingerprintOf(ofKeyB)).to.not.equal(KEY_A);
  });

  it('does not depend on how the certificate is carried: PEM bytes, CRLF lines, unwrapped base64 or DER', () => {
    const body = firstOfKeyA.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    expect(keyFingerprintOf(Buffer.from(firstOfKeyA, 'utf8'))).to.equal(KEY_A);
    expect(keyFingerprintOf(firstOfKeyA.replace(/\n/g, '\r\n'))).to.equal(KEY_A);
    expect(keyFingerprintOf(`-----BEGIN CERTIFICATE-----${body}-----END CERTIFICATE-----`)).to.equal(KEY_A);
    expect(keyFingerprintOf(new X509Certificate(firstOfKeyA).raw)).to.equal(KEY_A);
  });

  it('throws on what is not a certificate, or is cut short', () => {
    expect(() => keyFingerprintOf('not a certificate')).to.throw(/^not an X.509 certificate/);
    expect(() => keyFingerprintOf('-----BEGIN CERTIFICATE-----AAAA-----END CERTIFICATE-----')).to.throw(/^not an X.509 certificate/);
    const der = new X509Certificate(firstOfKeyA).raw;
    expect(() => keyFingerprintOf(der.subarray(0, 150))).to.throw(/^not an X.509 certificate/);
    expect(() => keyFingerprintOf(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).to.throw(/^not an X.509 certificate/);
  });

  it('is what bindings, regulator registrations and re-keyings take: 64 lower-case hex digits, optional', () => {
    expect(KeyFingerprintSchema.safeParse(KEY_A).success).to.equal(true);
    for (const bad of [KEY_A.toUpperCase(), KEY_A.slice(1), `${KEY_A}0`, `sha256:${KEY_A}`]) {
      expect(KeyFingerprintSchema.safeParse(bad).success, bad).to.equal(false);
    }
    const binding = { enterpriseId: '91330100MA27Y0C108', mspId: 'SupplyOrgMSP', enrollmentId: 'clerk1' };
    expect(IdentityBindingSchema.parse({ ...binding, keyFingerprint: KEY_A })).to.deep.equal({ ...binding, keyFingerprint: KEY_A });
    expect(IdentityBindingSchema.parse(binding)).to.deep.equal(binding);
    const refused = IdentityBindingSchema.safeParse({ ...binding, keyFingerprint: 'abc' });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).to.deep.equal(['keyFingerprint']);
    expect(RegulatorRegistrationSchema.safeParse({ mspId: 'RegulatorOrgMSP', enrollmentId: 'amr-1', unit: 'AMR', keyFingerprint: 'abc' }).success).to.equal(false);
    const rekey = { mspId: 'SupplyOrgMSP', enrollmentId: 'clerk1', successor: { enrollmentId: 'clerk1-2', keyFingerprint: KEY_B }, reason: 'key on a stolen laptop' };
    expect(IdentityRekeySchema.parse(rekey)).to.deep.equal(rekey);
    expect(IdentityRekeySchema.safeParse({ ...rekey, reason: ' ' }).success).to.equal(false);
  });
});
