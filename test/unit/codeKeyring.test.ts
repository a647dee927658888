import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSigningKeys, TokenService } from '../../gateway/src/auth';
import {
  codeKeySet,
  CodeVerdicts,
  generateCodePrivateKey,
  codeSigningKeyOf,
  loadOrCreateCodeKeyring,
  rotateCodeSigningKey,
  signedCodeUri,
  verifyTraceCode,
} from '../../gateway/src/qr';

describe('the trace-code keyring', () => {
  const base = 'https://trace.example.cn';
  const lot = { kind: 'lot' as const, gtin: '09521234543213', lot: 'LOT42' };
  let root: string;
  let dataDir: string;

  before(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'code-keyring-'))));
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(root, 'gateway-'))));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates one key at first start and keeps the same key on the next start', async () => {
    const first = await loadOrCreateCodeKeyring(dataDir);
    const again = await loadOrCreateCodeKeyring(dataDir);
    expect(first.valid).to.have.length(1);
    expect(again.current.kid).to.equal(first.current.kid).and.match(/^code-[A-Za-z0-9_-]{8}$/);
    const keyFile = path.join(dataDir, 'code-keys', `${first.current.kid}.pem`);
    expect(fs.statSync(keyFile).mode & 0o777, 'readable by the gateway user only').to.equal(0o600);
  });

  it('after rotation signs new codes with the new key, and codes of the old key still verify', async () => {
    const before = await loadOrCreateCodeKeyring(dataDir);
    const oldLabel = await signedCodeUri(base, lot, before.current.kid, before.current.privateKey);
    const rotated = await rotateCodeSigningKey(dataDir);
    expect(rotated.current.kid).to.not.equal(before.current.kid);

    // As the gateway builds its services at its next start.
    const restarted = await loadOrCreateCodeKeyring(dataDir);
    expect(restarted.current.kid).to.equal(rotated.current.kid);
    expect(restarted.valid.map((key) => key.kid)).to.deep.equal([rotated.current.kid, before.current.kid]);
    const newLabel = await signedCodeUri(base, lot, restarted.current.kid, restarted.current.privateKey);
    expect(new URL(newLabel).searchParams.get('k')).to.equal(rotated.current.kid);

    const verdicts = new CodeVerdicts(codeKeySet(restarted));
    expect(await verdicts.verify(new URL(oldLabel))).to.include({ status: 'authentic', kid: before.current.kid });
    expect(await verdicts.verify(new URL(newLabel))).to.include({ status: 'authentic', kid: rotated.current.kid });
    // The published set carries both, so an offline verifier agrees.
    const published = new TokenService(await loadOrCreateSigningKeys(dataDir), codeKeySet(restarted).keys).jwks();
    expect(await verifyTraceCode(oldLabel, published)).to.include({ status: 'authentic', kid: before.current.kid });
  });

  it('adopts the single code key of an earlier gateway, so its labels keep their kid and verify', async () => {
    const earlier = await codeSigningKeyOf(generateCodePrivateKey());
    fs.writeFileSync(path.join(dataDir, 'code-signing-key.pem'), earlier.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const oldLabel = await signedCodeUri(base, lot, earlier.kid, earlier.privateKey);

    const adopted = await loadOrCreateCodeKeyring(dataDir);
    expect(adopted.current.kid, 'the earlier key goes on signing until a rotation').to.equal(earlier.kid);
    const rotated = await rotateCodeSigningKey(dataDir);
    expect(rotated.valid.map((key) => key.kid)).to.include(earlier.kid);
    expect(await new CodeVerdicts(codeKeySet(rotated)).verify(new URL(oldLabel))).to.include({ status: 'authentic', kid: earlier.kid });
    // A later start does not take the earlier key back as current.
    expect((await loadOrCreateCodeKeyring(dataDir)).current.kid).to.equal(rotated.current.kid);
  });

  it('adopts the single code key even when the first thing done is a rotation', async () => {
    const earlier = await codeSigningKeyOf(generateCodePrivateKey());
    fs.writeFileSync(path.join(dataDir, 'code-signing-key.pem'), earlier.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const rotated = await rotateCodeSigningKey(dataDir);
    expect(rotated.current.kid).to.not.equal(earlier.kid);
    expect(rotated.valid.map((key) => key.kid)).to.include(earlier.kid);
  });

  it('refuses to start on a key file that holds another key than its name says', async () => {
    const ring = await loadOrCreateCodeKeyring(dataDir);
    const stranger = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    fs.writeFileSync(path.join(dataDir, 'code-keys', `${ring.current.kid}.pem`), stranger.export({ type: 'pkcs8', format: 'pem' }));
    const outcome = await loadOrCreateCodeKeyring(dataDir).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(outcome).to.match(new RegExp(`holds key code-\\S+, not ${ring.current.kid}$`));
  });

  it('refuses to start when the current key was withdrawn, rather than sign with a guess', async () => {
    const first = await loadOrCreateCodeKeyring(dataDir);
    const ring = await rotateCodeSigningKey(dataDir);
    fs.rmSync(path.join(dataDir, 'code-keys', `${ring.current.kid}.pem`));
    const outcome = await loadOrCreateCodeKeyring(dataDir).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(outcome).to.include(`names ${ring.current.kid}`).and.include('rotate to a new code key');
    // Rotating away from it is the way back; the key withdrawn is no longer published.
    const recovered = await rotateCodeSigningKey(dataDir);
    expect(recovered.valid.map((key) => key.kid)).to.not.include(ring.current.kid);
    expect(recovered.valid.map((key) => key.kid)).to.include(first.current.kid);
  });
});
