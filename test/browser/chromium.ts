import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '../../network/src/layout';

/** Debian's Chromium: the browser tests download no browser of their own. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where browser tests leave their screenshots for a person to look at. */
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: npm test installs Debian's chromium package; install it with apt-get install chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
}

/** Saves a screenshot under {@link SCREENSHOTS}. */
export async function keepScreenshot(page: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> }, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

/** Where the dashboard's browser tests keep their screenshots as test artefacts (git-ignored). */
export const TEST_ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

/** Saves a screenshot under {@link TEST_ARTIFACTS}. */
export async function keepArtifact(page: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> }, name: string): Promise<void> {
  fs.mkdirSync(TEST_ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(TEST_ARTIFACTS, name), fullPage: true });
}
