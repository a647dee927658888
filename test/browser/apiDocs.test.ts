import { expect } from 'chai';
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { requireNetwork } from '../integration/testNetwork';
import { startInProcessGateway, type InProcessGateway } from '../integration/inProcessGateway';
import { keepScreenshot, launchChromium } from './chromium';

/**
 * The first non-internal IPv4 address of this machine. A browser treats loopback as a secure
 * context and forgives it what it does not forgive a LAN address, which is where a plain-HTTP
 * deployment's docs are opened from; without one, the test falls back to 127.0.0.1 and says so.
 */
function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;
}

const lan = lanAddress();
const host = lan ?? '127.0.0.1';
const where = lan ? `a LAN address (${lan})` : '127.0.0.1 (this machine has no LAN address: the loopback fallback cannot catch upgrade-insecure-requests)';

describe('API docs over plain HTTP in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let gateway: InProcessGateway;

  before(async function () {
    requireNetwork();
    browser = await launchChromium();
    // The test network's configuration: plain HTTP, no https:// resolver base, no publicHttps.
    gateway = await startInProcessGateway(undefined, { host });
  });

  after(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it(`renders Swagger UI's operations at ${where}, with no HSTS and no upgrade-insecure-requests`, async () => {
    expect(gateway.services.publicHttps).to.equal(false);
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    const response = await page.goto(`http://${host}:${gateway.port}/docs`);
    expect(response?.status()).to.equal(200);
    const headers = await response?.allHeaders();
    expect(headers).to.not.have.property('strict-transport-security');
    expect(headers?.['content-security-policy']).to.not.include('upgrade-insecure-requests');
    // Swagger UI draws one .opblock per operation once its bundle has run and fetched /openapi.json.
    await page.waitForSelector('.opblock', { timeout: 30_000 });
    // Past about 130 operations Swagger UI 5 draws the later tags' sections as they are scrolled into view.
    for (let scrolls = 0; scrolls < 20 && (await page.locator('.opblock').count()) <= 10; scrolls++) {
      await page.mouse.wheel(0, 5_000);
      await page.waitForTimeout(250);
    }
    expect(await page.locator('.opblock').count()).to.be.greaterThan(10);
    expect(failed, 'requests the page could not make').to.deep.equal([]);
    await keepScreenshot(page, 'api-docs-plain-http.png');
    await page.close();
  });
});
