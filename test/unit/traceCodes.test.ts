import { expect } from 'chai';
import jsQR from 'jsqr';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { loadOrCreateCodeSigningKey, qrFacts, qrPng, signedCodeUri, unsignedCodeUri, verifyTraceCode, type CodeSigningKey } from '../../gateway/src/qr';

describe('signed trace codes', () => {
  const base = 'https://trace.example.cn';
  const lot = { kind: 'lot' as const, gtin: '09521234543213', lot: 'LOT42' };
  let key: CodeSigningKey;
  let other: CodeSigningKey;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codes-'));
    key = await loadOrCreateCodeSigningKey(path.join(dir, 'a'));
    other = await loadOrCreateCodeSigningKey(path.join(dir, 'b'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const jwks = () => ({ keys: [key.publicJwk] });

  it('verifies a signed code offline against the issuer key set, on any domain', async () => {
    const uri = await signedCodeUri(base, lot, key.kid, key.privateKey);
    expect(uri).to.match(/^https:\/\/trace\.example\.cn\/01\/09521234543213\/10\/LOT42\?s=[A-Za-z0-9_-]{86}&k=code-/);
    expect(await verifyTraceCode(uri, jwks())).to.deep.equal({ status: 'authentic', id: lot, kid: key.kid });
    expect((await verifyTraceCode(uri.replace(base, 'http://other.example'), jwks())).status).to.equal('authentic');
  });

  it('rejects a signature moved to another lot, a forged signature and an unknown key', async () => {
    const uri = await signedCodeUri(base, lot, key.kid, key.privateKey);
    const moved = await verifyTraceCode(uri.replace('LOT42', 'LOT43'), jwks());
    expect(moved).to.include({ status: 'not-authentic', reason: 'the signature does not match this identifier and key' });
    const forged = await signedCodeUri(base, lot, key.kid, other.privateKey);
    expect((await verifyTraceCode(forged, jwks())).status).to.equal('not-authentic');
    const unknown = await signedCodeUri(base, lot, other.kid, other.privateKey);
    expect(await verifyTraceCode(unknown, jwks())).to.include({ status: 'not-authentic', reason: `no trace-code key ${other.kid} in the issuer's key set` });
  });

  it('reports the short form as unsigned, not as fake', async () => {
    expect(await verifyTraceCode(unsignedCodeUri(base, lot), jwks())).to.deep.equal({ status: 'unsigned', id: lot });
  });

  it('states QR version, modules and minimum print size of both forms', async () => {
    const signed = qrFacts(await signedCodeUri(base, lot, key.kid, key.privateKey));
    const short = qrFacts(unsignedCodeUri(base, lot));
    expect(short.version).to.be.lessThan(signed.version);
    expect(signed.version).to.be.at.most(8);
    expect(signed.modules).to.equal(17 + 4 * signed.version);
    expect(signed.minPrintMm).to.equal(Math.ceil((signed.modules + 8) * 0.5 * 10) / 10);
  });

  it('renders a PNG that a QR decoder reads back to the same URI', async () => {
    const uri = await signedCodeUri(base, lot, key.kid, key.privateKey);
    const png = PNG.sync.read(await qrPng(uri, 6));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).to.equal(uri);
  });
});
