import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeyVault, SigningIdentities, type Principal } from '../../gateway/src/auth';
import type { ClientIdentity } from '../../gateway/src/fabric';
import { toHttpError } from '../../gateway/src/http/errorMapping';
import type { HttpError } from '../../gateway/src/http/httpError';
import { Refusal } from '../../gateway/src/refusal';
import { intakeCertificate, legacyEnterpriseCertificate, legacyRegulatorCertificate } from './certificateFixtures';

const FIRM = '91330100MA27Y0C108';
const RIVAL = '91330100MA27Y0C11B';
const KEY = '-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----\n';

const enterpriseToken = (enterpriseId: string, enr: string, msp = 'SupplyOrgMSP'): Principal => ({ sub: enterpriseId, role: 'enterprise', msp, enr, ent: enterpriseId });
const regulatorToken = (enr: string): Principal => ({ sub: enr, role: 'regulator', msp: 'RegulatorOrgMSP', enr });

function refusalOf(action: () => unknown): HttpError {
  try {
    action();
  } catch (error) {
    if (error instanceof Refusal) return toHttpError(error);
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Seals a key the way the vault did before it recorded owners: no owner, MSP and enrollment id as the only authenticated data. */
function sealLegacy(dir: string, mspId: string, enrollmentId: string, certificatePem: string): void {
  const folder = path.join(dir, mspId, enrollmentId);
  fs.mkdirSync(folder, { recursive: true });
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', fs.readFileSync(path.join(dir, 'master.key')), iv);
  cipher.setAAD(Buffer.from(`${mspId}/${enrollmentId}`));
  const ciphertext = Buffer.concat([cipher.update(KEY, 'utf8'), cipher.final()]);
  fs.writeFileSync(path.join(folder, 'key.sealed.json'), JSON.stringify({ iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') }));
  fs.writeFileSync(path.join(folder, 'cert.pem'), certificatePem);
}

describe('custodial key vault entries and their owners', () => {
  let dir: string;
  let vault: KeyVault;
  let signing: SigningIdentities;
  const platformAdmin: ClientIdentity = { mspId: 'RegulatorOrgMSP', enrollmentId: 'admin.regulator', certificate: 'cert.pem', privateKey: 'key.pem' };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-vault-'));
    vault = new KeyVault(dir);
    signing = new SigningIdentities(vault, platformAdmin);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the owner with the sealed key and signs with it for that owner\'s tokens', () => {
    vault.store('SupplyOrgMSP', 'ent-firm', legacyEnterpriseCertificate, KEY, { role: 'enterprise', id: FIRM });
    vault.store('RegulatorOrgMSP', 'reg-1', legacyRegulatorCertificate, KEY, { role: 'regulator', id: 'reg-1' });
    expect(vault.ownerOf('SupplyOrgMSP', 'ent-firm')).to.deep.equal({ role: 'enterprise', id: FIRM });
    expect(signing.for(enterpriseToken(FIRM, 'ent-firm'))).to.include({ mspId: 'SupplyOrgMSP', enrollmentId: 'ent-firm', privateKeyPem: KEY });
    expect(signing.for(regulatorToken('reg-1'))).to.include({ enrollmentId: 'reg-1', privateKeyPem: KEY });
    expect(signing.for({ sub: 'admin.regulator', role: 'admin', msp: 'RegulatorOrgMSP', enr: 'admin.regulator' })).to.equal(platformAdmin);
  });

  it('refuses (403) a token that names a key the vault holds for someone else', () => {
    vault.store('SupplyOrgMSP', 'ent-firm', legacyEnterpriseCertificate, KEY, { role: 'enterprise', id: FIRM });
    vault.store('RegulatorOrgMSP', 'reg-1', legacyRegulatorCertificate, KEY, { role: 'regulator', id: 'reg-1' });
    const rival = refusalOf(() => signing.for(enterpriseToken(RIVAL, 'ent-firm')));
    expect(rival.status).to.equal(403);
    expect(rival.message).to.equal(`the gateway's key for ent-firm@SupplyOrgMSP belongs to enterprise ${FIRM}, not to this token's enterprise ${RIVAL}`);
    expect(refusalOf(() => signing.for({ ...regulatorToken('reg-1'), sub: 'reg-2' })).message).to.equal(
      "the gateway's key for reg-1@RegulatorOrgMSP belongs to regulator reg-1, not to this token's regulator reg-2",
    );
    expect(refusalOf(() => signing.for(enterpriseToken('reg-1', 'reg-1', 'RegulatorOrgMSP'))).status).to.equal(403);
    const withoutEnterprise: Principal = { sub: FIRM, role: 'enterprise', msp: 'SupplyOrgMSP', enr: 'ent-firm' };
    expect(refusalOf(() => signing.for(withoutEnterprise)).status).to.equal(403);
  });

  it('binds the owner into the seal: an entry whose owner was edited does not open', () => {
    vault.store('SupplyOrgMSP', 'ent-firm', legacyEnterpriseCertificate, KEY, { role: 'enterprise', id: FIRM });
    const file = path.join(dir, 'SupplyOrgMSP', 'ent-firm', 'key.sealed.json');
    const sealed = JSON.parse(fs.readFileSync(file, 'utf8')) as { owner: { id: string } };
    sealed.owner.id = RIVAL;
    fs.writeFileSync(file, JSON.stringify(sealed));
    expect(() => signing.for(enterpriseToken(RIVAL, 'ent-firm'))).to.throw(/authenticate/);
  });

  it('takes the owner of an entry sealed before owners were recorded from its certificate', () => {
    sealLegacy(dir, 'SupplyOrgMSP', 'ent-legacy', legacyEnterpriseCertificate);
    sealLegacy(dir, 'RegulatorOrgMSP', 'reg-legacy', legacyRegulatorCertificate);
    expect(vault.ownerOf('SupplyOrgMSP', 'ent-legacy')).to.deep.equal({ role: 'enterprise', id: FIRM });
    expect(signing.for(enterpriseToken(FIRM, 'ent-legacy'))).to.include({ enrollmentId: 'ent-legacy', privateKeyPem: KEY });
    expect(refusalOf(() => signing.for(enterpriseToken(RIVAL, 'ent-legacy'))).status).to.equal(403);
    expect(signing.for(regulatorToken('reg-legacy'))).to.include({ enrollmentId: 'reg-legacy' });
  });

  it('refuses an old entry whose certificate names no enterprise, nor a regulator of RegulatorOrg', () => {
    sealLegacy(dir, 'RegulatorOrgMSP', 'intake.regulator', intakeCertificate);
    sealLegacy(dir, 'SupplyOrgMSP', 'reg-legacy', legacyRegulatorCertificate);
    expect(vault.ownerOf('RegulatorOrgMSP', 'intake.regulator')).to.equal(undefined);
    expect(refusalOf(() => signing.for(regulatorToken('intake.regulator'))).message).to.equal(
      "the gateway's key for intake.regulator@RegulatorOrgMSP belongs to no enterprise or regulator the gateway can tell, not to this token's regulator intake.regulator",
    );
    expect(vault.ownerOf('SupplyOrgMSP', 'reg-legacy')).to.equal(undefined);
  });

  it('still tells a non-custodial identity to sign for itself', () => {
    expect(refusalOf(() => signing.for(enterpriseToken(FIRM, 'ent-self'))).message).to.match(/holds no key for ent-self@SupplyOrgMSP \(non-custodial\)/);
  });
});
