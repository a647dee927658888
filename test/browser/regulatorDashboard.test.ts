import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { DashboardFigures } from '../../gateway/src/dashboard/dashboardFigures';
import { seedDashboardScene, type DashboardScene } from '../integration/dashboardFixtures';
import { api, onboardEnterprise } from '../integration/gatewayClient';
import { requireNetwork, testLayout } from '../integration/testNetwork';
import { keepArtifact, launchChromium } from './chromium';

describe('the regulator dashboard and the disclosure page in Chromium', function () {
  this.timeout(300_000);
  let browser: Browser;
  let scene: DashboardScene;
  let base: string;
  /** Every address a page asked for: the pages must reach no host but the gateway. */
  const requested: string[] = [];

  const newPage = async (locale: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale });
    page.on('request', (request) => requested.push(request.url()));
    return page;
  };
  const rowIds = async (page: Page, selector: string): Promise<string[]> => (await page.locator(selector).evaluateAll((rows) => rows.map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.recordId ?? (row as unknown as { dataset: Record<string, string> }).dataset.nodeId))).sort();
  const drilled = async (page: Page, figure: string): Promise<void> => {
    await page.waitForSelector(`#records[data-figure="${figure}"][data-loaded="true"]`);
  };

  before(async function () {
    requireNetwork();
    scene = await seedDashboardScene();
    base = `http://127.0.0.1:${testLayout().gatewayPort}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  it('refuses an enterprise token at sign-in, then shows a regulator the API\'s figures in Chinese and lists the records behind a clicked figure', async () => {
    const page = await newPage('zh-CN');
    await page.goto(`${base}/regulator/pages/dashboard?lang=zh&region=${scene.district}&period=${scene.clueMonth}`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('zh-CN');
    const enterprise = await onboardEnterprise('custodial', ['retailer'], scene.district);
    await page.fill('#token', enterprise.token);
    await page.click('#sign-in button[type=submit]');
    await page.waitForFunction(() => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById('error').textContent !== '');
    expect(await page.locator('#sign-in').isVisible(), 'still asked to sign in').to.equal(true);
    await keepArtifact(page, 'dashboard-refused-zh.png');

    await page.fill('#token', scene.regulator);
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('#dashboard[data-loaded="true"]');
    const figures = (await api<DashboardFigures>(`/regulator/dashboard?region=${scene.district}&period=${scene.clueMonth}`, { token: scene.regulator })).body;
    const kpi = (name: string) => page.locator(`[data-kpi="${name}"]`).getAttribute('data-value');
    expect(await kpi('raised')).to.equal(String(figures.clues.raised));
    expect(await kpi('closed')).to.equal(String(figures.clues.closed));
    expect(await kpi('overdue')).to.equal(String(figures.clues.overdue));
    expect(await kpi('closureRate')).to.equal(String(figures.clues.closureRate));
    expect(await kpi('lifts')).to.equal(String(figures.elevators.lifts));
    expect(await page.locator('#sampling h2').innerText()).to.equal('抽检合格率');
    await keepArtifact(page, 'dashboard-zh.png');

    await page.click('[data-kpi="closed"]');
    await drilled(page, 'closed');
    expect(await rowIds(page, '#records-rows tr')).to.deep.equal(scene.closed.map((clue) => `${clue.subjectId}|${clue.clueId}`).sort());

    // A click on the month's "raised" bar of the clue chart (drawn as SVG) lists the month's clues.
    // The drill-down scrolled the records into view: bring the chart back before aiming at it.
    await page.locator('#clues-chart').scrollIntoViewIfNeeded();
    const point = await page.evaluate((index) => {
      type Layout = { x: number; y: number; width: number; height: number };
      const g = globalThis as unknown as { echarts: { getInstanceByDom(el: unknown): { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): Layout } } } } }; document: { getElementById(id: string): unknown } };
      const bar = g.echarts.getInstanceByDom(g.document.getElementById('clues-chart')).getModel().getSeriesByIndex(0).getData().getItemLayout(index);
      return [bar.x + bar.width / 2, bar.y + bar.height / 2];
    }, figures.trend.length - 1);
    const box = await page.locator('#clues-chart').boundingBox();
    await page.mouse.click((box?.x ?? 0) + point[0], (box?.y ?? 0) + point[1]);
    await drilled(page, 'raised');
    expect(await page.locator('#records-rows tr').count()).to.equal(figures.clues.raised);
    await keepArtifact(page, 'dashboard-drill-down-zh.png');
    await page.close();
  });

  it('shows the pass rate of the sampling month and its samples in English, and draws a recall\'s trace graph with its impact list', async () => {
    const page = await newPage('en');
    await page.goto(`${base}/regulator/pages/dashboard?lang=en`);
    await page.fill('#token', scene.regulator);
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('#dashboard[data-loaded="true"]');
    await page.fill('#period', scene.sampleMonth);
    await page.click('#filters button[type=submit]');
    await page.waitForSelector(`#dashboard[data-loaded="true"] [data-kpi="passRate"][data-value="0.5"]`);
    expect(await page.locator('#sampling h2').innerText()).to.equal('Sampling pass rate');
    await page.click('[data-kpi="passRate"]');
    await drilled(page, 'samples');
    expect(await rowIds(page, '#records-rows tr')).to.deep.equal(scene.samples.map((sample) => sample.sampleId).sort());
    await keepArtifact(page, 'dashboard-samples-en.png');

    await page.click(`[data-recall-id="${scene.recall.recallId}"]`);
    await page.waitForSelector('body[data-loaded="true"]');
    const view = (await api<{ holders: { items: { itemId: string }[] }[] }>(`/recalls/${scene.recall.recallId}`, { token: scene.regulator })).body;
    const impact = view.holders.flatMap((holder) => holder.items.map((item) => item.itemId));
    const impacted = await page.locator('#trace-nodes tr[data-impacted="true"][data-kind="lot"]').evaluateAll((rows) => rows.map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.nodeId));
    expect(impacted).to.include.members(impact);
    expect(await page.locator('#trace-chart svg').count()).to.equal(1);
    await keepArtifact(page, 'trace-graph-en.png');
    await page.close();
  });

  it('shows a region\'s disclosure to anyone, with its samples and published case and no complaint\'s words', async () => {
    const page = await newPage('zh-CN');
    await page.goto(`${base}/disclosure/${scene.district}?period=${scene.sampleMonth}&lang=zh`);
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await rowIds(page, '#samples-rows tr')).to.deep.equal(scene.samples.map((sample) => sample.sampleId).sort());
    expect(await rowIds(page, '#cases-rows tr')).to.deep.equal([scene.published.case?.caseNumber]);
    expect(await page.locator('body').innerText()).not.to.include('private words');
    expect(await page.locator('#pass-rate-chart svg').count()).to.equal(1);
    await keepArtifact(page, 'disclosure-zh.png');
    await page.close();
    expect(requested.filter((url) => !url.startsWith(base)), 'every asset from the gateway itself').to.deep.equal([]);
  });
});
