import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../network/src/layout';
import { onboardEnterprise, testAdminToken } from './gatewayClient';
import { requireNetwork, testLayout } from './testNetwork';

/** The shell block of the README's walk-through, between its markers, exactly as a reader copies it. */
function walkthroughScript(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const block = /<!-- walkthrough:start -->\s*```sh\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme);
  if (!block) throw new Error('README.md has no walk-through block between <!-- walkthrough:start --> and <!-- walkthrough:end -->');
  return block[1];
}

describe("the README's walk-through", function () {
  this.timeout(180_000);

  before(requireNetwork);

  it('runs as written against the test network, from onboarding to a scan page with a sold unit', async () => {
    // What `npm start` prints, made for this network: an admin token and a cold store that also imports.
    const coldStore = await onboardEnterprise('custodial', ['coldStore', 'importer']);
    const env = {
      ...process.env,
      B: `http://127.0.0.1:${testLayout().gatewayPort}`,
      ADMIN_TOKEN: await testAdminToken(),
      DEMO_COLDSTORE_TOKEN: coldStore.token,
      RUN: String(Math.floor(Date.now() / 1000)),
    };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', ['-euo', 'pipefail', '-c', walkthroughScript()], { env, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out, stderr: err }),
      );
    });
    expect(code, `the walk-through failed:\n${stderr}\n${stdout.slice(-2000)}`).to.equal(0);
    expect(stdout).to.include(`"lotId":"01/09521234543213/10/WALK-${env.RUN}-A"`);
    expect(stdout).to.match(/"signed":\{"uri":"http[^"]+\/01\/09521234543213\/10\/WALK-\d+\?s=/);
    expect(stdout).to.match(/"detail":"eventId: .*eventTime: /);
    expect(stdout).to.include('"category":"quality"');
    expect(stdout).to.include('Frozen lamb shoulder');
    expect(stdout).to.include('data-banner="sold"');
    expect(stdout).to.include(`scan page: ${env.B}/01/09521234543213/10/WALK-${env.RUN}?lang=en`);
  });
});
