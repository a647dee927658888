import { expect } from 'chai';
import { lotIdOf } from '../../model/src';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, type OnboardedEnterprise } from './gatewayClient';
import { lotRegistration, Places, scenarioClock } from './coldchainFixtures';

/** The day of `2026-11-29T08:30:00+08:00` as a person in Shanghai writes it: 2026年11月29日 (the public page shows no time of day). */
function dayAsWrittenInShanghai(eventTime: string): string {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}\+08:00$/.exec(eventTime) ?? [];
  return `${year}年${Number(month)}月${Number(day)}日`;
}

describe('consumer page of a derived lot, and the report it files', function () {
  this.timeout(120_000);
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  const at = scenarioClock();
  let importer: OnboardedEnterprise;
  let parentId: string;
  let parentLot: string;
  let childId: string;

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration({ product: 'Frozen lamb carcass' });
    parentLot = registration.lotNumber as string;
    parentId = lotIdOf(registration.gtin as string, parentLot);
    expect((await api('/coldchain/lots', { token: importer.token, idempotencyKey: uniqueId('k'), body: registration })).status).to.equal(201);
    const childLot = uniqueId('C').slice(-20);
    childId = lotIdOf(registration.gtin as string, childLot);
    const split = await api('/coldchain/lots/split', {
      token: importer.token,
      idempotencyKey: uniqueId('k'),
      body: { eventId: uniqueId('split'), lotId: parentId, eventTime: at(1), location: Places.ningboPort, children: [{ lotNumber: childLot, quantity: 600 }] },
    });
    expect(split.status).to.equal(201);
    await eventually('the child lot in the projection', async () => ((await fetch(`${base()}/${childId}`, { headers: { accept: 'application/json' } })).status === 200 ? true : undefined));
  });

  it('shows where the inputs came from: the parent linked, its origin by name, its custody by day', async () => {
    const page = await (await fetch(`${base()}/${childId}?lang=zh`)).text();
    const inputs = page.slice(page.indexOf('id="inputs"'), page.indexOf('id="journey"'));
    expect(inputs).to.include(`data-input="${parentId}"`).and.include(`<a href="/${parentId}?lang=zh">Frozen lamb carcass · 批次 ${parentLot}</a>`);
    expect(inputs).to.include('<span data-country="NZ">新西兰</span>');
    expect(inputs).to.include('data-action="create"').and.include('data-action="split"');
    expect(inputs).to.include(`${dayAsWrittenInShanghai(at(1))}</time>`);
    expect(page).to.include('data-temperature="none">无温度记录<');

    const json = (await (await fetch(`${base()}/${childId}`, { headers: { accept: 'application/json' } })).json()) as { inputs: { lotId: string; kind: string }[]; temperatureRecorded: boolean };
    expect(json.inputs.map((input) => [input.lotId, input.kind])).to.deep.equal([[parentId, 'split']]);
    expect(json.temperatureRecorded).to.equal(false);
  });

  it('thanks for a report with a short reference and a way back to the page as scanned', async () => {
    const codes = await api<{ signed: { uri: string } }>('/codes/lots', { token: importer.token, body: { gtin: childId.split('/')[1], lotNumber: childId.split('/')[3] } });
    expect(codes.status).to.equal(201);
    const scanned = new URL(codes.body.signed.uri).searchParams;
    const form = new URLSearchParams({
      subjectId: childId, category: 'quality', text: 'The pack was thawed and refrozen', idempotencyKey: uniqueId('form'), lang: 'en',
      s: scanned.get('s') ?? '', k: scanned.get('k') ?? '',
    });
    const answer = await fetch(`${base()}/complaints`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(answer.status).to.equal(201);
    const page = await answer.text();
    const clueId = /<code id="clue-id">([0-9a-f]{64})<\/code>/.exec(page)?.[1] ?? '';
    expect(clueId).to.have.length(64);
    expect(page).to.include(`<strong class="ref" id="clue-ref">${clueId.slice(0, 8)}</strong>`);
    const back = /<a id="back" href="([^"]+)">/.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(back).to.equal(`/${childId}?s=${scanned.get('s')}&k=${scanned.get('k')}&lang=en`);
    const again = await (await fetch(`${base()}${back}`)).text();
    expect(again).to.include('data-authenticity="authentic"').and.include('lang="en"');
  });
});
