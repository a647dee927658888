import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { lotIdOf, RequiredDocuments } from '../../model/src';
import { requireNetwork, uniqueId } from '../integration/testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken } from '../integration/gatewayClient';
import { custodyEvent, documentOf, lotRegistration, Places, scenarioClock } from '../integration/coldchainFixtures';
import { keepScreenshot, launchChromium } from './chromium';

describe('consumer scan page in Chromium', function () {
  this.timeout(180_000);
  let browser: Browser;
  let scanUrl: string;
  let lotId: string;

  before(async function () {
    requireNetwork();
    const at = scenarioClock();
    const importer = await onboardEnterprise('custodial', ['importer']);
    const coldStore = await onboardEnterprise('custodial', ['coldStore']);
    const registration = lotRegistration({ product: 'Frozen beef brisket' });
    lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    const post = (token: string, route: string, body: unknown) => api(route, { token, idempotencyKey: uniqueId('k'), body });
    expect((await post(importer.token, '/coldchain/lots', registration)).status).to.equal(201);
    for (const kind of RequiredDocuments.imported) {
      await post(importer.token, `/coldchain/lots/${encodeURIComponent(lotId)}/documents`, documentOf(kind));
    }
    await post(importer.token, '/coldchain/custody', custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.id, quantity: 1000 }));
    await post(coldStore.token, '/coldchain/custody', custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    const codes = await api<{ signed: { uri: string } }>('/codes/lots', { token: importer.token, body: { gtin: registration.gtin, lotNumber: registration.lotNumber } });
    scanUrl = codes.body.signed.uri;
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    await post(regulator.body.token, `/coldchain/lots/${encodeURIComponent(lotId)}/hold`, { state: 'recalled', reason: 'Salmonella found in sampling' });
    await eventually('the recall in the projection', async () => ((await (await fetch(scanUrl, { headers: { accept: 'application/json' } })).json()) as { banners?: string[] }).banners?.includes('recalled') ? true : undefined);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the journey and the recall banner, switches language, files a complaint, and is saved as a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
    await page.goto(scanUrl);
    expect(await page.locator('html').getAttribute('lang')).to.equal('zh-CN');
    expect(await page.locator('[data-banner="recalled"]').innerText()).to.include('召回');
    expect(await page.locator('[data-authenticity]').getAttribute('data-authenticity')).to.equal('authentic');
    expect(await page.locator('#journey li').evaluateAll((items) => items.map((li) => li.getAttribute('data-action')))).to.include.members(['ship', 'receive']);

    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="en"]');
    expect(await page.locator('[data-banner="recalled"]').innerText()).to.include('RECALLED');
    // The language switch keeps the code's signature: still confirmed genuine.
    expect(await page.locator('[data-authenticity]').getAttribute('data-authenticity')).to.equal('authentic');
    await keepScreenshot(page, 'consumer-page-recalled.png', true);
    expect(await page.locator('#kept-forever').innerText()).to.include('kept permanently on the ledger');

    await page.selectOption('select[name="category"]', 'illness');
    await page.fill('textarea[name="text"]', 'Felt sick after eating this brisket');
    await page.fill('input[name="contact"]', '138-0000-0000');
    await Promise.all([page.waitForURL('**/complaints'), page.click('#complaint button[type="submit"]')]);
    const clueId = await page.locator('#clue-id').innerText();
    expect(clueId).to.match(/^[0-9a-f]{64}$/);
    expect(await page.locator('#clue-ref').innerText()).to.equal(clueId.slice(0, 8));
    const back = new URL((await page.locator('#back').getAttribute('href')) ?? '', page.url());
    await keepScreenshot(page, 'complaint-received.png', true);

    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    const complaint = await eventually('the clue for regulators', async () => {
      const answer = await api<{ clueId: string; category: string; text: string; contact?: string }[]>(`/clues?subjectId=${encodeURIComponent(lotId)}`, { token: regulator.body.token });
      // The lot's own alerts (a temperature gap of the fixture's journey) are clues on it too.
      return answer.body.find((clue) => clue.clueId === clueId);
    });
    expect(complaint).to.include({ clueId, category: 'illness', text: 'Felt sick after eating this brisket', contact: '138-0000-0000' });

    await Promise.all([page.waitForURL('**/contact/purge'), page.click('#purge button[type="submit"]')]);
    expect(await page.locator('#purged').innerText()).to.include('Your contact details are deleted');
    const after = await api<{ clueId: string; contact?: string }[]>(`/clues?subjectId=${encodeURIComponent(lotId)}`, { token: regulator.body.token });
    const purged = after.body.find((clue) => clue.clueId === clueId);
    expect(purged, 'the complaint is still listed').to.not.equal(undefined);
    expect(purged?.contact).to.equal(undefined);

    // The way back from the thank-you page is the page as scanned: same item, language and signature.
    await page.goto(back.href);
    expect(new URL(page.url()).pathname).to.equal(`/${lotId}`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    expect(await page.locator('[data-authenticity]').getAttribute('data-authenticity')).to.equal('authentic');
    await page.close();
  });
});
