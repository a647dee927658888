import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { lotIdOf, parseDigitalLink, serialOf } from '../../model/src';
import { loadOrCreateSigningKeys } from '../../gateway/src/auth';
import { labelGrid, qrFacts, signedCodeUri } from '../../gateway/src/qr';
import { REPO_ROOT } from '../../network/src/layout';
import { gatewayDataDir } from '../../network/src/gatewayConfig';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { lotRegistration, uniqueSerialPrefix } from './coldchainFixtures';

/** Name → text of every entry of a ZIP archive. */
function zipEntries(zip: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error || !archive) return reject(error ?? new Error('no archive'));
      const entries: Record<string, string> = {};
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries[entry.fileName] = Buffer.concat(chunks).toString('utf8');
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(entries));
      archive.readEntry();
    });
  });
}

interface IssuedCodes {
  signed: { uri: string; qr: { version: number; modules: number; minPrintMm: number } };
  short: { uri: string; qr: { version: number } };
}

describe('trace codes and the resolver', function () {
  this.timeout(120_000);
  let importer: OnboardedEnterprise;
  let codes: IssuedCodes;
  let lotId: string;
  const serialPrefix = uniqueSerialPrefix();
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  const local = (uri: string): string => uri.slice(uri.indexOf('/01/'));
  /** Exit code of the offline verifier (`npm run verify-code`) for a code against a saved key set. */
  const verifyOffline = (uri: string, jwksFile: string) =>
    new Promise<number>((resolve) => execFile(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'verifyCode.js'), uri, jwksFile], (error) => resolve(error ? Number(error.code) : 0)));

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration();
    lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await api('/coldchain/lots', { token: importer.token, idempotencyKey: uniqueId('k'), body: registration })).status).to.equal(201);
    const issued = await api<IssuedCodes>('/codes/lots', { token: importer.token, body: { gtin: registration.gtin, lotNumber: registration.lotNumber } });
    expect(issued.status).to.equal(201);
    codes = issued.body;
    // Serial codes are printed only for units commissioned on the printer's own lot.
    const commissioned = await api(`/coldchain/lots/${encodeURIComponent(lotId)}/units`, { token: importer.token, idempotencyKey: uniqueId('k'), body: { serialPrefix, from: 1, count: 45 } });
    expect(commissioned.status).to.equal(201);
    await eventually('the lot and its units in the projection', async () => ((await api(`/coldchain/lots/${encodeURIComponent(lotId)}/journey`)).status === 200 && (await fetch(`${base()}/01/09521234543213/21/${serialOf(serialPrefix, 45)}`, { headers: { accept: 'application/json' } })).status === 200 ? true : undefined));
  });

  it('issues a signed and a short Digital Link with their QR sizes', () => {
    expect(codes.signed.uri).to.match(new RegExp(`^${base()}/01/09521234543213/10/[^?]+\\?s=[A-Za-z0-9_-]{86}&k=code-`));
    expect(codes.short.uri).to.equal(`${base()}/${lotId}`);
    expect(codes.signed.qr.version).to.be.greaterThan(codes.short.qr.version);
    expect(codes.signed.qr.minPrintMm).to.be.at.least((codes.signed.qr.modules + 8) * 0.5);
  });

  it('resolves a signed code to JSON that confirms authenticity, and the short code as unsigned', async () => {
    const signed = await fetch(`${base()}${local(codes.signed.uri)}`, { headers: { accept: 'application/json' } });
    const body = (await signed.json()) as { authenticity: { status: string }; lot: { id: string }; banners: string[] };
    expect(body.authenticity.status).to.equal('authentic');
    expect(body.lot.id).to.equal(lotId);
    expect(body.banners).to.include('documentsIncomplete');
    const short = (await (await fetch(`${base()}/${lotId}`, { headers: { accept: 'application/json' } })).json()) as { authenticity: { status: string } };
    expect(short.authenticity.status).to.equal('unsigned');
    const tampered = local(codes.signed.uri).replace(/s=([A-Za-z0-9_-])/, (_m, c: string) => `s=${c === 'A' ? 'B' : 'A'}`);
    const forged = (await (await fetch(`${base()}${tampered}`, { headers: { accept: 'application/json' } })).json()) as { authenticity: { status: string } };
    expect(forged.authenticity.status).to.equal('not-authentic');
  });

  it('answers GS1 linkset JSON when asked, listing the page in both languages', async () => {
    const response = await fetch(`${base()}/${lotId}`, { headers: { accept: 'application/linkset+json', 'accept-language': 'en' } });
    expect(response.headers.get('content-type')).to.match(/^application\/linkset\+json/);
    const body = (await response.json()) as { linkset: { anchor: string; 'https://gs1.org/voc/pip': { href: string; hreflang: string[] }[] }[] };
    expect(body.linkset[0].anchor).to.equal(codes.short.uri);
    expect(body.linkset[0]['https://gs1.org/voc/pip'].map((link) => [link.href, link.hreflang])).to.deep.equal([
      [`${codes.short.uri}?lang=zh`, ['zh-CN']],
      [`${codes.short.uri}?lang=en`, ['en']],
    ]);
  });

  it('serves the consumer page in Chinese by default and English on request, and shows a committed recall', async () => {
    const zh = await (await fetch(`${base()}${local(codes.signed.uri)}`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })).text();
    expect(zh).to.include('lang="zh-CN"').and.include('data-authenticity="authentic"').and.include('Frozen lamb shoulder');
    const en = await (await fetch(`${base()}/${lotId}?lang=en`)).text();
    expect(en).to.include('lang="en"').and.include('Journey');
    // Origin by name; no logger was attached, so there is nothing to call free of excursions.
    expect(en).to.include('<dd data-country="NZ">New Zealand</dd>').and.include('data-temperature="none">No temperature records<');
    expect(en).to.not.include('No temperature excursion found');
    expect(zh).to.include('<dd data-country="NZ">新西兰</dd>').and.include('无温度记录');
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    const hold = await api(`/coldchain/lots/${encodeURIComponent(lotId)}/hold`, { token: regulator.body.token, idempotencyKey: uniqueId('k'), body: { state: 'recalled', reason: 'Listeria in sampling' } });
    expect(hold.status).to.equal(201);
    const started = Date.now();
    await eventually('the recall banner', async () => ((await (await fetch(`${base()}/${lotId}?lang=en`)).text()).includes('data-banner="recalled"') ? true : undefined), 2_000);
    expect(Date.now() - started).to.be.below(2_000);
  });

  it('answers anonymous scans with a script-free page policy, a request id and the rate-limit headers, and scans with a token the same', async () => {
    const anonymous = await fetch(`${base()}/${lotId}?lang=en`, { headers: { 'x-request-id': 'scan-test-1' } });
    expect(anonymous.status).to.equal(200);
    expect(anonymous.headers.get('content-security-policy')).to.include("default-src 'none'").and.not.include('script-src');
    expect(anonymous.headers.get('cache-control')).to.equal('no-store');
    expect(anonymous.headers.get('x-request-id')).to.equal('scan-test-1');
    expect(anonymous.headers.get('ratelimit')).to.match(/^"anonymous";r=\d+;t=\d+$/);
    const page = await anonymous.text();
    const withToken = await fetch(`${base()}/${lotId}?lang=en`, { headers: { authorization: `Bearer ${importer.token}` } });
    expect(withToken.status).to.equal(200);
    expect(withToken.headers.get('ratelimit'), 'authenticated clients are not limited').to.equal(null);
    // Only the complaint form's one-time key differs between the two answers.
    const withoutKey = (html: string): string => html.replace(/name="idempotencyKey" value="[^"]+"/, '');
    expect(withoutKey(await withToken.text())).to.equal(withoutKey(page));
  });

  it('shows a code whose signature fails a warning and the report form, and no product facts', async () => {
    const tampered = local(codes.signed.uri).replace(/s=([A-Za-z0-9_-])/, (_m, c: string) => `s=${c === 'A' ? 'B' : 'A'}`);
    const page = await (await fetch(`${base()}${tampered}&lang=en`)).text();
    expect(page).to.include('data-authenticity="not-authentic"').and.include('id="fake-advice"').and.include('id="complaint"');
    expect(page).to.not.include('Frozen lamb shoulder').and.not.include('Alliance Group').and.not.include('id="journey"');
  });

  it('refuses to draw a QR image of a signed code whose signature was cut off by a uri passed unencoded', async () => {
    const unencoded = await fetch(`${base()}/codes/qr?uri=${codes.signed.uri}`);
    expect(unencoded.status).to.equal(400);
    const problem = (await unencoded.json()) as { detail: string };
    expect(problem.detail).to.include("the code's signature does not verify: was the uri URL-encoded? (encodeURIComponent the whole uri)");
    const encoded = await fetch(`${base()}/codes/qr?uri=${encodeURIComponent(codes.signed.uri)}`);
    expect(encoded.status).to.equal(200);
    expect(encoded.headers.get('content-type')).to.match(/^image\/svg\+xml/);
    const png = await fetch(`${base()}/codes/qr?format=png&uri=${encodeURIComponent(codes.short.uri)}`);
    expect(png.status, 'a plain unsigned Digital Link is drawn').to.equal(200);
    const strays = await fetch(`${base()}/codes/qr?uri=${encodeURIComponent(codes.short.uri)}&${new URL(codes.signed.uri).search.slice(1)}`);
    expect(strays.status, 'signature parameters beside the uri instead of in it').to.equal(400);
    const tampered = codes.signed.uri.replace(/s=([A-Za-z0-9_-])/, (_m, c: string) => `s=${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(`${base()}/codes/qr?uri=${encodeURIComponent(tampered)}`)).status).to.equal(400);
  });

  it('answers a malformed code with 400 and an unknown one with 404, as friendly pages', async () => {
    const bad = await fetch(`${base()}/01/09521234543214/10/X`);
    expect(bad.status).to.equal(400);
    expect(await bad.text()).to.include('AI 01 must be a GTIN-14 with a valid check digit');
    const unknown = await fetch(`${base()}/01/09521234543213/10/NO-SUCH-LOT?lang=en`);
    expect(unknown.status).to.equal(404);
    expect(await unknown.text()).to.include('No product is registered under this code');
  });

  it('streams a ZIP of QR SVGs and a manifest for a run of serials, only to an owner of the GTIN', async () => {
    const response = await fetch(`${base()}/codes/serials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${importer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ gtin: '09521234543213', serialPrefix, from: 1, count: 25 }),
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/zip');
    const entries = await zipEntries(Buffer.from(await response.arrayBuffer()));
    expect(Object.keys(entries)).to.have.length(26);
    expect(entries[`${serialOf(serialPrefix, 1)}.svg`]).to.match(/^<svg/);
    const manifest = entries['codes.csv'].trim().split('\n');
    expect(manifest[0]).to.equal('name,uri');
    expect(manifest[25]).to.match(new RegExp(`^${serialOf(serialPrefix, 25)},http://127\\.0\\.0\\.1:\\d+/01/09521234543213/21/${serialOf(serialPrefix, 25)}\\?s=`));
    const stranger = await onboardEnterprise('custodial', ['importer']);
    const refused = await api('/codes/serials', { token: stranger.token, body: { gtin: '09521234543213', serialPrefix, from: 1, count: 1 } });
    expect(refused.status).to.equal(403);
  });

  it('streams a printable PDF sheet whose progress can be followed by its run id', async () => {
    const response = await fetch(`${base()}/codes/serials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${importer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ gtin: '09521234543213', serialPrefix, from: 1, count: 45, format: 'pdf' }),
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/pdf');
    const runId = response.headers.get('x-code-run') ?? '';
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    // A serial's signed code has the same length as the lot code's, signature and key id alike.
    const serialUri = codes.signed.uri.replace(/\/10\/[^?]+/, `/21/${serialOf(serialPrefix, 45)}`);
    const grid = labelGrid(qrFacts(serialUri).modules);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).to.have.length(Math.ceil(45 / (grid.columns * grid.rows)));
    const run = await api(`/codes/runs/${runId}`, { token: importer.token });
    expect(run.status).to.equal(200);
    expect(run.body).to.include({ runId, total: 45, done: 45 });
    expect((run.body as { finishedAt?: string }).finishedAt).to.be.a('string');
    const stranger = await onboardEnterprise('custodial', ['importer']);
    expect((await api(`/codes/runs/${runId}`, { token: stranger.token })).status).to.equal(404);
  });

  it('verifies a code offline with the CLI and a saved key set', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
    const jwksFile = path.join(dir, 'jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify(await (await fetch(`${base()}/.well-known/jwks.json`)).json()));
    const run = (uri: string) => verifyOffline(uri, jwksFile);
    expect(await run(codes.signed.uri)).to.equal(0);
    expect(await run(codes.signed.uri.replace(lotId.split('/')[3], 'OTHERLOT'))).to.equal(1);
    expect(await run(codes.short.uri)).to.equal(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('calls a code forged with the API-token key not authentic, online and offline, although that key is published', async () => {
    // The key craftedToken signs with: whoever holds it can mint tokens, and must not be able to mint labels.
    const tokenKey = await loadOrCreateSigningKeys(gatewayDataDir(testLayout()));
    const published = await api<{ keys: { kid: string; traceledger_use?: string }[] }>('/.well-known/jwks.json');
    expect(published.body.keys.find((key) => key.kid === tokenKey.publicJwk.kid)).to.include({ traceledger_use: 'api-token' });
    const codeKids = published.body.keys.filter((key) => key.traceledger_use === 'trace-code').map((key) => key.kid);
    expect(codeKids).to.include(new URL(codes.signed.uri).searchParams.get('k'));
    expect(codeKids).to.not.include(tokenKey.publicJwk.kid);

    const forged = await signedCodeUri(base(), parseDigitalLink(codes.short.uri), tokenKey.publicJwk.kid, tokenKey.privateKey);
    const answer = (await (await fetch(`${base()}${local(forged)}`, { headers: { accept: 'application/json' } })).json()) as { authenticity: { status: string; reason?: string } };
    expect(answer.authenticity).to.include({ status: 'not-authentic', reason: `no trace-code key ${tokenKey.publicJwk.kid} in the issuer's key set` });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwks-'));
    const jwksFile = path.join(dir, 'jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify(published.body));
    expect(await verifyOffline(forged, jwksFile)).to.equal(1);
    expect(await verifyOffline(codes.signed.uri, jwksFile), 'the same saved set confirms a genuine code').to.equal(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
