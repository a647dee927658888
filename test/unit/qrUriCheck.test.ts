import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeVerdicts, loadOrCreateCodeSigningKey, qrUriRefusal, signedCodeUri, UNVERIFIED_CODE_REFUSAL, unsignedCodeUri, type CodeSigningKey } from '../../gateway/src/qr';

describe('QR images of trace codes', () => {
  const base = 'https://id.example.cn';
  const lot = { kind: 'lot' as const, gtin: '09521234543213', lot: 'LOT42' };
  let key: CodeSigningKey;
  let other: CodeSigningKey;
  let verdicts: CodeVerdicts;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qr-uri-'));
    key = await loadOrCreateCodeSigningKey(path.join(dir, 'a'));
    other = await loadOrCreateCodeSigningKey(path.join(dir, 'b'));
    verdicts = new CodeVerdicts({ keys: [key.publicJwk] });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The uri and parameter names the route sees for a request query, as Express parses it. */
  const asReceived = (query: string): [string, string[]] => {
    const params = new URLSearchParams(query);
    return [params.get('uri') ?? '', [...new Set(params.keys())]];
  };

  it('draws a signed code that verifies and a plain unsigned Digital Link', async () => {
    const signed = await signedCodeUri(base, lot, key.kid, key.privateKey);
    expect(await qrUriRefusal(...asReceived(`uri=${encodeURIComponent(signed)}&format=png`), verdicts)).to.equal(undefined);
    expect(await qrUriRefusal(...asReceived(`uri=${encodeURIComponent(unsignedCodeUri(base, lot))}`), verdicts)).to.equal(undefined);
  });

  it('refuses a signed code passed unencoded, whose key id was cut off at its &', async () => {
    const signed = await signedCodeUri(base, lot, key.kid, key.privateKey);
    const [uri, params] = asReceived(`uri=${signed}`);
    expect(uri).to.match(/\?s=[A-Za-z0-9_-]{86}$/);
    expect(params).to.deep.equal(['uri', 'k']);
    expect(await qrUriRefusal(uri, params, verdicts)).to.equal(`${UNVERIFIED_CODE_REFUSAL} (the code has a signature or key id but not both)`);
  });

  it('refuses a code whose signature parameters ended up outside an otherwise unsigned uri', async () => {
    const signed = await signedCodeUri(base, lot, key.kid, key.privateKey);
    const [uri, params] = asReceived(`uri=${unsignedCodeUri(base, lot)}&${new URL(signed).search.slice(1)}`);
    expect(uri).to.equal(unsignedCodeUri(base, lot));
    expect(await qrUriRefusal(uri, params, verdicts)).to.equal(`${UNVERIFIED_CODE_REFUSAL} (s and k came as parameters of the request, not of the uri)`);
  });

  it('refuses a code signed by a key this gateway does not know, or with a forged signature', async () => {
    const foreign = await signedCodeUri(base, lot, other.kid, other.privateKey);
    expect(await qrUriRefusal(foreign, ['uri'], verdicts)).to.include(UNVERIFIED_CODE_REFUSAL).and.include(`no trace-code key ${other.kid}`);
    const forged = await signedCodeUri(base, lot, key.kid, other.privateKey);
    expect(await qrUriRefusal(forged, ['uri'], verdicts)).to.include('the signature does not match this identifier and key');
  });
});
