import { expect } from 'chai';
import { onboardEnterprise } from './gatewayClient';
import { requireNetwork, testLayout, uniquePallet } from './testNetwork';

describe('identifier kinds the resolver recognises but does not serve yet', function () {
  this.timeout(60_000);
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  const notServed = () => [
    { path: `/${uniquePallet()}`, kind: 'logisticUnit', zh: 'GS1 物流单元编码 SSCC（00，即箱或托盘）', en: 'GS1 logistic unit code, SSCC (00: a case or a pallet)' },
  ];

  before(() => requireNetwork());

  it('answers a pallet with a 404 page that names the kind, in Chinese and in English', async () => {
    for (const { path, kind, zh, en } of notServed()) {
      const chinese = await fetch(`${base()}${path}?lang=zh`);
      expect(chinese.status, path).to.equal(404);
      expect(chinese.headers.get('content-type'), path).to.match(/^text\/html/);
      const page = await chinese.text();
      expect(page, path).to.include('<html lang="zh-CN">').and.include(`data-identifier-kind="${kind}"`).and.include(`已识别为${zh}`).and.include('本账本暂不提供此类编码的追溯信息');

      const english = await fetch(`${base()}${path}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(english.status, path).to.equal(404);
      expect(await english.text(), path).to.include('<html lang="en">').and.include(`Recognised as a ${en}`).and.include('This ledger does not serve this kind of identifier yet.');
    }
  });

  it('answers programs with problem details carrying the same message and the kind', async () => {
    for (const { path, kind, zh, en } of notServed()) {
      const english = await fetch(`${base()}${path}?lang=en`, { headers: { accept: 'application/json' } });
      expect(english.status, path).to.equal(404);
      expect(english.headers.get('content-type'), path).to.match(/^application\/problem\+json/);
      const problem = (await english.json()) as { title: string; status: number; detail: string; identifierKind: string };
      expect(problem, path).to.include({ title: 'Not Found', status: 404, identifierKind: kind });
      expect(problem.detail, path).to.include(`Recognised as a ${en}: `).and.include('This ledger does not serve this kind of identifier yet.');

      const chinese = (await (await fetch(`${base()}${path}`, { headers: { accept: 'application/json', 'accept-language': 'zh-CN' } })).json()) as { detail: string; identifierKind: string };
      expect(chinese.identifierKind, path).to.equal(kind);
      expect(chinese.detail, path).to.include(`已识别为${zh}：`);
    }
  });

  it('answers the same way behind the usual middleware, for a caller with a token', async () => {
    const enterprise = await onboardEnterprise('custodial', ['importer']);
    for (const { path, kind } of notServed()) {
      const answer = await fetch(`${base()}${path}?lang=en`, { headers: { accept: 'application/json', authorization: `Bearer ${enterprise.token}` } });
      expect(answer.status, path).to.equal(404);
      expect(((await answer.json()) as { identifierKind: string }).identifierKind, path).to.equal(kind);
    }
  });

  it('refuses a pallet code with a wrong check digit as malformed, not as unknown', async () => {
    const pallet = uniquePallet();
    const wrong = `${pallet.slice(0, -1)}${(Number(pallet.slice(-1)) + 1) % 10}`;
    const answer = await fetch(`${base()}/${wrong}`, { headers: { accept: 'application/json' } });
    expect(answer.status).to.equal(400);
    expect(((await answer.json()) as { detail: string }).detail).to.match(/^SSCC \d{18} has check digit \d, but the check digit of \d{17} is \d$/);
  });

  it('answers a code of no kind it knows with a 404 saying so, in Chinese and in English', async () => {
    const english = await fetch(`${base()}/99/not-a-code?lang=en`);
    expect(english.status).to.equal(404);
    expect(await english.text()).to.include('Unrecognised code').and.include('/99/not-a-code is not a GS1 Digital Link or trace code this resolver knows.');

    const chinese = await fetch(`${base()}/414/0614141000036?lang=zh`);
    expect(chinese.status).to.equal(404);
    expect(await chinese.text()).to.include('无法识别的编码').and.include('/414/0614141000036 不是本解析服务认识的 GS1 数字链接或追溯码。');

    const json = await fetch(`${base()}/99/not-a-code?lang=en`, { headers: { accept: 'application/json' } });
    expect(json.status).to.equal(404);
    const problem = (await json.json()) as Record<string, unknown>;
    expect(problem).to.include({ title: 'Not Found', detail: '/99/not-a-code is not a GS1 Digital Link or trace code this resolver knows.' });
    expect(problem).not.to.have.property('identifierKind');
  });
});
