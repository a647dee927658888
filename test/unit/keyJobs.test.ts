import { expect } from 'chai';
import { importPKCS8 } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSigningKeys, TokenService, type SigningKeys } from '../../gateway/src/auth';
import { KeyJobs } from '../../gateway/src/keyJobs';
import { codeKeySet, CodeVerdicts, loadOrCreateCodeKeyring, signedCodeUri, verifyTraceCode, type CodeKeyring } from '../../gateway/src/qr';

describe('keys have one job each', () => {
  const base = 'https://trace.example.cn';
  const lot = { kind: 'lot' as const, gtin: '09521234543213', lot: 'LOT42' };
  let dir: string;
  let tokenKeys: SigningKeys;
  let codeKeys: CodeKeyring;
  /** The gateway's published key set, composed as buildServices composes it. */
  let published: { keys: Record<string, unknown>[] };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'key-jobs-'));
    tokenKeys = await loadOrCreateSigningKeys(dir);
    codeKeys = await loadOrCreateCodeKeyring(dir);
    published = new TokenService(tokenKeys, codeKeySet(codeKeys).keys).jwks() as { keys: Record<string, unknown>[] };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('publishes every key with its kid, use, algorithm and job, and no private part', () => {
    expect(published.keys).to.have.length(2);
    for (const key of published.keys) {
      expect(key).to.include({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256' });
      expect(key.kid).to.be.a('string').and.not.be.empty;
      expect(key).to.not.have.property('d');
    }
    expect(published.keys.find((key) => key.kid === tokenKeys.publicJwk.kid)).to.include({ traceledger_use: KeyJobs.apiToken });
    expect(published.keys.find((key) => key.kid === codeKeys.current.kid)).to.include({ traceledger_use: KeyJobs.traceCode });
  });

  it('refuses a code signed with the API-token key, although that key is in the published set', async () => {
    const forged = await signedCodeUri(base, lot, tokenKeys.publicJwk.kid, tokenKeys.privateKey);
    const refusal = { status: 'not-authentic', reason: `no trace-code key ${tokenKeys.publicJwk.kid} in the issuer's key set` };
    // Offline, as `npm run verify-code` checks against a saved copy of the whole set.
    expect(await verifyTraceCode(forged, published)).to.include(refusal);
    // And as the resolver checks, even if it were handed the whole set.
    expect(await new CodeVerdicts(published).verify(new URL(forged))).to.include(refusal);
    expect(await new CodeVerdicts(codeKeySet(codeKeys)).verify(new URL(forged))).to.include(refusal);
    // The same set confirms a code signed with the code key: only the key's job decides.
    const genuine = await signedCodeUri(base, lot, codeKeys.current.kid, codeKeys.current.privateKey);
    expect(await verifyTraceCode(genuine, published)).to.include({ status: 'authentic', kid: codeKeys.current.kid });
  });

  it('refuses a code key once it is published without the trace-code job', async () => {
    const genuine = await signedCodeUri(base, lot, codeKeys.current.kid, codeKeys.current.privateKey);
    const relabelled = { keys: [{ ...codeKeys.current.publicJwk, traceledger_use: KeyJobs.apiToken }] };
    const unlabelled = { keys: [{ kty: 'EC', crv: 'P-256', x: codeKeys.current.publicJwk.x, y: codeKeys.current.publicJwk.y, kid: codeKeys.current.kid }] };
    expect((await verifyTraceCode(genuine, relabelled)).status).to.equal('not-authentic');
    expect((await verifyTraceCode(genuine, unlabelled)).status).to.equal('not-authentic');
  });

  it('refuses a token signed with a trace-code key', async () => {
    const tokens = new TokenService(tokenKeys, codeKeySet(codeKeys).keys);
    const principal = { sub: 'admin', role: 'admin' as const, msp: 'PlatformOrgMSP', enr: 'admin' };
    // The token signer takes WebCrypto keys; the code key, imported as one, signs under its own kid.
    const codePrivateKey = await importPKCS8(codeKeys.current.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'ES256');
    const borrowed = new TokenService({ privateKey: codePrivateKey, publicJwk: codeKeys.current.publicJwk });
    expect(await tokens.verify(await tokens.issue(principal))).to.include({ sub: 'admin' });
    const outcome = await tokens.verify(await borrowed.issue(principal)).then(
      () => 'accepted',
      () => 'refused',
    );
    expect(outcome, 'a token signed with the code key').to.equal('refused');
  });
});
