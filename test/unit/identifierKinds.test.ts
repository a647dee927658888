import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DigitalLinkError,
  drugTraceCodeParts,
  identifierPath,
  identifierText,
  IdentifierKinds,
  isClueSubject,
  parseDigitalLink,
  readIdentifierPath,
  readIdentifierText,
  subjectIdentifier,
  type TraceIdentifier,
} from '../../model/src';
import { AddressRateLimit } from '../../gateway/src/http/addressRateLimit';
import { resolverFastPath } from '../../gateway/src/routes/resolver';
import { resolverServices } from './stubServices';

/** One identifier of each kind, with its resolver path and its printed form. */
const examples: ReadonlyArray<{ id: TraceIdentifier; path: string; text: string }> = [
  { id: { kind: 'lot', gtin: '09521234543213', lot: 'LOT42' }, path: '/01/09521234543213/10/LOT42', text: '(01)09521234543213(10)LOT42' },
  { id: { kind: 'serial', gtin: '09521234543213', serial: 'SN000042' }, path: '/01/09521234543213/21/SN000042', text: '(01)09521234543213(21)SN000042' },
  { id: { kind: 'asset', giai: '4000001ELV-33' }, path: '/8004/4000001ELV-33', text: '(8004)4000001ELV-33' },
  { id: { kind: 'logisticUnit', sscc: '106141411234567897' }, path: '/00/106141411234567897', text: '(00)106141411234567897' },
  { id: { kind: 'drugTraceCode', code: '81234560000000421234' }, path: '/drugcodes/81234560000000421234', text: '81234560000000421234' },
];

describe('identifier kinds', () => {
  it('has one entry per kind, each with its own route', () => {
    expect(IdentifierKinds.map((kind) => kind.kind)).to.deep.equal(['lot', 'serial', 'asset', 'logisticUnit', 'drugTraceCode']);
    expect(new Set(IdentifierKinds.map((kind) => kind.route)).size).to.equal(IdentifierKinds.length);
  });

  for (const { id, path, text } of examples) {
    it(`recognises ${id.kind} identifiers from their path, a URI under a prefix and their printed form, and writes both back`, () => {
      expect(readIdentifierPath(path)).to.deep.equal(id);
      expect(readIdentifierPath(`https://id.example.cn/dl${path}?s=abc&k=code-1`)).to.deep.equal(id);
      expect(readIdentifierText(text)).to.deep.equal(id);
      expect(readIdentifierText(path)).to.deep.equal(id);
      expect(identifierPath(id)).to.equal(path);
      expect(identifierText(id)).to.equal(text);
      expect(readIdentifierPath(identifierPath(id))).to.deep.equal(id);
      expect(readIdentifierText(identifierText(id))).to.deep.equal(id);
    });
  }

  it('reads a logger registered by its GIAI URN as the asset its Digital Link names', () => {
    expect(readIdentifierText('urn:epc:id:giai:4000001.111')).to.deep.equal({ kind: 'asset', giai: '4000001111' });
  });

  it('reads a drug trace code printed in groups, and splits it into product code, serial and check digits', () => {
    expect(readIdentifierText('81234 56000 00004 21234')).to.deep.equal({ kind: 'drugTraceCode', code: '81234560000000421234' });
    expect(drugTraceCodeParts('81234560000000421234')).to.deep.equal({ product: '8123456', serial: '000000042', check: '1234' });
  });

  it('percent-encodes values in the path and reads them back', () => {
    const id: TraceIdentifier = { kind: 'lot', gtin: '09521234543213', lot: 'A/B(1)' };
    expect(identifierPath(id)).to.equal('/01/09521234543213/10/A%2FB%281%29');
    expect(readIdentifierPath(identifierPath(id))).to.deep.equal(id);
  });

  it('reads a unit\'s Digital Link with the label\'s batch and expiry, in the path or the query, as the same unit', () => {
    const unit = { kind: 'serial', gtin: '09521234543213', serial: '000000042' };
    expect(readIdentifierPath('/01/09521234543213/10/B2026/21/000000042')).to.deep.equal({ ...unit, lot: 'B2026' });
    expect(readIdentifierPath('https://id.example.cn/01/09521234543213/21/000000042?10=B2026&17=280831&lang=en')).to.deep.equal({ ...unit, lot: 'B2026', expiry: '280831' });
    expect(identifierPath(readIdentifierPath('/01/09521234543213/10/B2026/21/000000042?17=280800') as TraceIdentifier)).to.equal('/01/09521234543213/21/000000042');
    // A lot alone is still a lot.
    expect(readIdentifierPath('/01/09521234543213/10/B2026?17=280831')).to.deep.equal({ kind: 'lot', gtin: '09521234543213', lot: 'B2026' });
  });

  it('refuses a label\'s expiry of the wrong shape, a batch that differs between path and query, and segments after the serial', () => {
    expect(() => readIdentifierPath('/01/09521234543213/21/42?17=2808')).to.throw(DigitalLinkError, 'AI 17 (expiry) must be 6 digits YYMMDD, got "2808"');
    expect(() => readIdentifierPath('/01/09521234543213/21/42?17=281332')).to.throw(DigitalLinkError, 'AI 17 (expiry) must be 6 digits YYMMDD');
    expect(() => readIdentifierPath('/01/09521234543213/10/B1/21/42?10=B2')).to.throw(DigitalLinkError, 'AI 10 is "B1" in the path but "B2" in the query');
    expect(() => readIdentifierPath('/01/09521234543213/10/B1/21/42/x')).to.throw(DigitalLinkError, 'unexpected path segments after the identifier: /x');
  });

  it('refuses wrong GS1 check digits, from a path and from a printed form alike', () => {
    expect(() => readIdentifierPath('/01/09521234543214/10/LOT42')).to.throw(DigitalLinkError, 'AI 01 must be a GTIN-14 with a valid check digit');
    expect(() => readIdentifierText('(01)09521234543214(21)SN1')).to.throw(DigitalLinkError, 'AI 01 must be a GTIN-14 with a valid check digit');
    expect(() => readIdentifierPath('/00/106141411234567898')).to.throw(DigitalLinkError, 'SSCC 106141411234567898 has check digit 8, but the check digit of 10614141123456789 is 7');
    expect(() => readIdentifierText('(00)106141411234567898')).to.throw(DigitalLinkError, 'has check digit 8');
  });

  it('refuses values of the wrong shape for their kind', () => {
    expect(() => readIdentifierPath('/00/12345')).to.throw(DigitalLinkError, 'AI 00 must be an SSCC of 18 digits');
    expect(() => readIdentifierPath('/00/106141411234567897/10/X')).to.throw(DigitalLinkError, 'AI 00 takes no qualifier');
    expect(() => readIdentifierPath('/8004/ELV-33')).to.throw(DigitalLinkError, 'must start with the GS1 company prefix digits');
    expect(() => readIdentifierPath('/drugcodes/8123456000000042123')).to.throw(DigitalLinkError, 'a drug trace code must be 20 digits');
    expect(() => readIdentifierPath('/drugcodes/81234560000000421234/x')).to.throw(DigitalLinkError, 'unexpected path segments after the drug trace code: /x');
    expect(() => readIdentifierPath('/01/09521234543213/22/X')).to.throw(DigitalLinkError, 'AI 01 must be followed by /10/{lot} or /21/{serial}');
  });

  it('recognises nothing in a path or text of no kind', () => {
    expect(readIdentifierPath('/99/whatever')).to.equal(undefined);
    expect(readIdentifierPath('/414/0614141000036')).to.equal(undefined);
    expect(readIdentifierText('hello')).to.equal(undefined);
    expect(readIdentifierText('(414)0614141000036')).to.equal(undefined);
    expect(readIdentifierText('1234567890123456789')).to.equal(undefined);
  });

  it('keeps Digital Link parsing to the codes this ledger prints, as before', () => {
    expect(parseDigitalLink('/8004/4000001ELV-33')).to.deep.equal({ kind: 'asset', giai: '4000001ELV-33' });
    expect(() => parseDigitalLink('/00/106141411234567897')).to.throw(DigitalLinkError, 'no GS1 primary key (AI 01 or 8004) in the path');
  });

  it('lets each kind say which risk clues may name it', () => {
    expect(isClueSubject('01/09521234543213/10/LOT42', 'complaint')).to.equal(true);
    expect(isClueSubject('01/09521234543213/10/LOT42', 'hourlyScans')).to.equal(false);
    expect(isClueSubject('01/09521234543213/21/SN000042', 'scansAfterSale')).to.equal(true);
    expect(isClueSubject('8004/4000001111', 'hourlyScans')).to.equal(true);
    expect(isClueSubject('8004/4000001111', 'scansAfterSale')).to.equal(false);
    expect(isClueSubject('00/106141411234567897', 'complaint')).to.equal(false);
    expect(isClueSubject('01/09521234543214/10/LOT42', 'complaint'), 'wrong check digit').to.equal(false);
    expect(isClueSubject('01/09521234543213/10/LOT42?x', 'complaint'), 'a query').to.equal(false);
    expect(isClueSubject('dl/01/09521234543213/10/LOT42', 'complaint'), 'a prefix').to.equal(false);
    expect(subjectIdentifier('00/106141411234567897')).to.deep.equal({ kind: 'logisticUnit', sscc: '106141411234567897' });
  });
});

describe('the resolver for identifiers it does not serve', () => {
  // Scans without a token are answered here, ahead of Express, from the resolver's services alone.
  const scan = resolverFastPath(resolverServices(), new AddressRateLimit(10_000));
  const server = http.createServer((request, response) => {
    if (!scan(request, response)) response.writeHead(404).end();
  });
  let base: string;

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const notServed: ReadonlyArray<{ path: string; kind: string; zh: string; en: string }> = [
    { path: '/00/106141411234567897', kind: 'logisticUnit', zh: 'GS1 物流单元编码 SSCC（00，即箱或托盘）', en: 'GS1 logistic unit code, SSCC (00: a case or a pallet)' },
  ];

  for (const { path, kind, zh, en } of notServed) {
    it(`answers ${path} with a 404 page naming the kind, in Chinese and in English`, async () => {
      const chinese = await fetch(`${base}${path}?lang=zh`);
      expect(chinese.status).to.equal(404);
      const page = await chinese.text();
      expect(page).to.include('<html lang="zh-CN">').and.include(`data-identifier-kind="${kind}"`).and.include('暂不提供此类编码的查询').and.include(`已识别为${zh}`);
      const english = await fetch(`${base}${path}`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(english.status).to.equal(404);
      expect(await english.text()).to.include('<html lang="en">').and.include('This kind of code is not served here yet').and.include(`Recognised as a ${en}`);
    });

    it(`answers ${path} to programs with problem details naming the kind`, async () => {
      const answer = await fetch(`${base}${path}?lang=en`, { headers: { accept: 'application/json' } });
      expect(answer.status).to.equal(404);
      expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
      const problem = (await answer.json()) as Record<string, unknown>;
      expect(problem).to.include({ title: 'Not Found', status: 404, identifierKind: kind });
      expect(problem.detail).to.match(new RegExp(`^Recognised as a ${en.replace(/[()+]/g, '\\$&')}: .+\\. This ledger does not serve this kind of identifier yet\\.$`));
    });
  }

  it('answers a drug trace code no list holds with the verdict unknown, in Chinese, in English and as JSON', async () => {
    const chinese = await fetch(`${base}/drugcodes/81234560000000421234?lang=zh`);
    expect(chinese.status).to.equal(200);
    expect(await chinese.text()).to.include('<html lang="zh-CN">').and.include('data-verdict="unknown"').and.include('未知追溯码');
    const english = await fetch(`${base}/drugcodes/81234560000000421234?lang=en`);
    expect(await english.text()).to.include('Unknown code: this ledger never issued it').and.include('8123 4560 0000 0042 1234');
    const json = await fetch(`${base}/drugcodes/81234560000000421234`, { headers: { accept: 'application/json' } });
    expect(await json.json()).to.deep.equal({ code: '81234560000000421234', verdict: 'unknown' });
  });

  it('answers a code of no kind with a 404 saying the resolver does not know it', async () => {
    const page = await fetch(`${base}/414/0614141000036?lang=en`);
    expect(page.status).to.equal(404);
    expect(await page.text()).to.include('Unrecognised code').and.include('/414/0614141000036 is not a GS1 Digital Link or trace code this resolver knows.');
    const zh = await fetch(`${base}/99/whatever`);
    expect(await zh.text()).to.include('无法识别的编码');
    const json = await fetch(`${base}/99/whatever?lang=en`, { headers: { accept: 'application/json' } });
    expect(json.status).to.equal(404);
    expect(await json.json()).to.include({ title: 'Not Found', detail: '/99/whatever is not a GS1 Digital Link or trace code this resolver knows.' });
  });

  it('answers an asset code (GIAI) that names no lift with a 404: the elevator domain serves the kind, a logger is no lift', async () => {
    const answer = await fetch(`${base}/8004/4000001ELV-33?lang=en`, { headers: { accept: 'application/json' } });
    expect(answer.status).to.equal(404);
    expect(await answer.json()).to.include({ title: 'Not Found', detail: 'nothing is registered under /8004/4000001ELV-33' });
  });

  it('still answers a malformed identifier of a known kind with a 400', async () => {
    const answer = await fetch(`${base}/00/106141411234567898`, { headers: { accept: 'application/json' } });
    expect(answer.status).to.equal(400);
    expect(((await answer.json()) as { detail: string }).detail).to.include('has check digit 8');
  });
});
