import { expect } from 'chai';
import { addDays, shanghaiDateOf } from '../../model/src';
import type { Browser } from 'playwright-core';
import { acceptanceOf, liftPrefixThroughGateway, newLiftIds, shanghaiDay, STATIC_CODE, visitOf } from '../integration/elevatorFixtures';
import { api, eventually, onboardEnterprise, testAdminToken } from '../integration/gatewayClient';
import { requireNetwork, testLayout, uniqueId } from '../integration/testNetwork';
import { keepScreenshot, launchChromium } from './chromium';

describe('a lift\'s car page in Chromium', function () {
  this.timeout(180_000);
  /** A region of this suite alone, with one worker on site as its policy. */
  const REGION = '330128';
  let browser: Browser;
  let ids: ReturnType<typeof newLiftIds>;
  let carUrl: string;
  let nextDue: string;

  before(async function () {
    requireNetwork();
    const owner = await onboardEnterprise('custodial', ['elevatorOwner']);
    const firm = await onboardEnterprise('custodial', ['maintenanceFirm']);
    const inspection = await onboardEnterprise('custodial', ['inspectionBody']);
    const regulator = (await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } })).body.token;
    const post = async (token: string, route: string, body: unknown): Promise<Record<string, unknown>> => {
      const answer = await api(route, { token, idempotencyKey: uniqueId('k'), body });
      expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).to.equal(201);
      return answer.body;
    };
    await post(regulator, '/elevators/region-policies', { region: REGION, workersOnSite: 1 });
    await post(firm.token, '/elevators/workers', { enrollmentId: firm.enrollmentId, name: 'Zhou Min', certificateNumber: `TSZ${Date.now()}`, certificateValidUntil: '2030-01-31' });
    ids = newLiftIds(await liftPrefixThroughGateway(owner.id));
    await post(owner.token, '/elevators', acceptanceOf(ids, firm.id, { acceptedOn: shanghaiDay(-5), region: REGION }));
    await post(regulator, '/elevators/registrations', { deviceCode: ids.deviceCode, registrationNumber: ids.registrationNumber, registeredOn: shanghaiDay(-5), rescueCode: ids.rescueCode });
    const visit = visitOf(ids.registrationNumber, [firm.enrollmentId]);
    nextDue = addDays(shanghaiDateOf(visit.arrivedAt), 15);
    await post(firm.token, '/elevators/maintenance', { ...visit, staticCode: STATIC_CODE });
    await post(inspection.token, '/elevators/inspections', { registrationNumber: ids.registrationNumber, reportNumber: `JD-B-${ids.rescueCode}`, kind: 'periodic', inspectedOn: shanghaiDay(0), result: 'pass' });
    carUrl = `http://127.0.0.1:${testLayout().gatewayPort}/8004/${ids.giai}`;
    await eventually('the inspection on the car page', async () => ((await (await fetch(carUrl)).text()).includes('data-fit="true"') ? true : undefined));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  it('shows fit, 96333 with the rescue code and the unproven visit in Chinese, switches to English, and files a report of a stuck lift', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', extraHTTPHeaders: { 'accept-language': 'zh-CN' } });
    await page.goto(carUrl);
    expect(await page.locator('html').getAttribute('lang')).to.equal('zh-CN');
    expect(await page.locator('[data-fit]').innerText()).to.include('准用');
    expect(await page.locator('[data-rescue-code]').innerText()).to.equal(ids.rescueCode);
    expect(await page.locator('#rescue').innerText()).to.include('96333');
    // A static code the using unit did not acknowledge proves nothing: the passenger sees so.
    expect(await page.locator('[data-proven]').getAttribute('data-proven')).to.equal('false');
    expect(await page.locator('[data-next-due]').getAttribute('data-next-due')).to.equal(nextDue);
    await keepScreenshot(page, 'elevator-car-page-zh.png', true);

    await page.click('#lang-switch');
    await page.waitForSelector('html[lang="en"]');
    expect(await page.locator('[data-fit]').innerText()).to.include('Fit for use');
    expect(await page.locator('[data-proven]').innerText()).to.include('NOT proven');
    await keepScreenshot(page, 'elevator-car-page-en.png', true);

    await page.selectOption('select[name="category"]', 'stuck');
    await page.fill('textarea[name="text"]', 'Stopped between floors 5 and 6 for ten minutes');
    await Promise.all([page.waitForURL('**/complaints'), page.click('#complaint button[type="submit"]')]);
    expect(await page.locator('#clue-id').innerText()).to.match(/^[0-9a-f]{64}$/);
    const back = new URL((await page.locator('#back').getAttribute('href')) ?? '', page.url());
    expect(back.pathname).to.equal(`/8004/${ids.giai}`);
  });
});
