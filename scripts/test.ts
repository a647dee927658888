import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { NetworkLayout, profileNamed, REPO_ROOT } from '../network/src/layout';
import { networkDown, networkUp } from '../network/src/network';
import { step } from '../network/src/progress';
import { TEST_NETWORK_OPTIONS } from '../test/integration/testNetwork';

/**
 * `npm test`: starts a network of its own (profile `test`: own ports and .state/test), runs the unit
 * and integration suites with mocha, stops the network, and ends with one line of mocha's own counts.
 */
function testFiles(dir: string): string[] {
  const full = path.join(REPO_ROOT, 'dist', 'test', dir);
  if (!fs.existsSync(full)) {
    return [];
  }
  return fs
    .readdirSync(full)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(full, file));
}

async function main(): Promise<number> {
  process.env.TRACELEDGER_PROFILE = 'test';
  // The test gateway sweeps due temperature coverage checks every two seconds instead of every minute.
  process.env.TRACELEDGER_COVERAGE_SWEEP_SECONDS ??= '2';
  // Small timeline pages, so a test can write past a page boundary in a few transactions.
  process.env.TRACELEDGER_TIMELINE_PAGE_EVENTS ??= '5';
  // Small pages of an enterprise's own lists (/me/...), so a test crosses a page with a batch of a few lots.
  process.env.TRACELEDGER_ENTERPRISE_PAGE_ITEMS ??= '5';
  // Export lists cross several pages with the few events a suite records.
  process.env.TRACELEDGER_EVENT_ROW_PAGE_ITEMS ??= '4';
  const layout = new NetworkLayout(profileNamed('test'));
  const grep = process.argv[2];

  step('test', 'starting the test network (own ports and .state/test)');
  try {
    await networkUp(layout, TEST_NETWORK_OPTIONS);
  } catch (error) {
    // Integration suites then fail with this reason; unit suites still run.
    process.env.TRACELEDGER_NETWORK_ERROR = error instanceof Error ? error.message : String(error);
    process.stderr.write(`test network failed to start: ${process.env.TRACELEDGER_NETWORK_ERROR}\n`);
  }

  const mocha = new Mocha({ reporter: 'spec', timeout: 60_000, grep });
  // Durability restarts the network, so it runs last.
  const integration = testFiles('integration');
  const ordered = [...integration.filter((f) => !f.endsWith('restart.test.js')), ...integration.filter((f) => f.endsWith('restart.test.js'))];
  for (const file of [...testFiles('unit'), ...testFiles('browser'), ...ordered]) {
    mocha.addFile(file);
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
  });

  step('test', 'stopping the test network');
  await networkDown(layout);

  const skipped = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
  process.stdout.write(`${stats.passes} passed, ${stats.failures} failed${skipped}\n`);
  return stats.failures > 0 || stats.passes === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm test failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
