import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RuntimeAnchor, RuntimeSummaryProof } from '../../model/src';
import { verifyPack, type TrustAnchor } from '../../gateway/src/auditPacks';
import { REPO_ROOT } from '../../network/src/layout';
import { acceptanceOf, liftPrefixThroughGateway, newDevice, newLiftIds, shanghaiDay } from './elevatorFixtures';
import { api, eventually, onboardEnterprise, testAdminToken } from './gatewayClient';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';

const run = promisify(execFile);

describe('audit packs of a lift', function () {
  this.timeout(300_000);

  it('holds the lift\'s records and its runtime anchors, so a runtime summary proof checks against the pack', async () => {
    requireNetwork();
    const admin = await testAdminToken();
    const owner = await onboardEnterprise('custodial', ['elevatorOwner']);
    const firm = await onboardEnterprise('custodial', ['maintenanceFirm']);
    const regulatorToken = (await api<{ token: string }>('/admin/regulators', { token: admin, body: { enrollmentId: uniqueId('reg') } })).body.token;
    const post = (token: string, route: string, body: unknown) => api(route, { token, idempotencyKey: uniqueId('pack-lift'), body });
    const ids = newLiftIds(await liftPrefixThroughGateway(owner.id));
    const registeredOn = shanghaiDay(-5);
    expect((await post(owner.token, '/elevators', acceptanceOf(ids, firm.id, { acceptedOn: registeredOn, device: newDevice() }))).status).to.equal(201);
    const registered = await post(regulatorToken, '/elevators/registrations', { deviceCode: ids.deviceCode, registrationNumber: ids.registrationNumber, registeredOn, rescueCode: ids.rescueCode });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const start = Date.now() - 3 * 3_600_000;
    const summaries = [0, 1, 2].map((m) => ({ windowStart: new Date(start + m * 60_000).toISOString(), windowEnd: new Date(start + (m + 1) * 60_000).toISOString(), runs: m + 2, doorCycles: 2 * (m + 2), faults: 0, trappedEvents: 0 }));
    expect((await post(owner.token, `/elevators/${ids.deviceCode}/runtime-summaries`, { summaries })).status).to.equal(201);
    const proof = (await api<RuntimeSummaryProof & { anchor: RuntimeAnchor }>(`/elevators/${ids.deviceCode}/runtime-summaries/${encodeURIComponent(summaries[1].windowStart)}/proof`, { token: owner.token })).body;

    const anchor = (await api<TrustAnchor>('/audit-packs/trust-anchor')).body;
    // The runtime anchor reaches the pack through the projection's records of the lift.
    const pack = await eventually('a pack of the lift holding its runtime anchor', async () => {
      const response = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}/regulator/audit-packs/elevator/${encodeURIComponent(ids.deviceCode)}?mode=full`, { headers: { authorization: `Bearer ${admin}` } });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${response.status}: ${bytes.toString('utf8')}`);
      const verdict = await verifyPack(bytes, anchor);
      if (!verdict.ok) throw new Error(verdict.reasons.join('\n'));
      return verdict.transactions.some((tx) => tx.txId === proof.anchor.txId) ? bytes : undefined;
    }, 30_000);

    const dir = fs.mkdtempSync(path.join(testLayout().stateDir, 'pack-'));
    fs.writeFileSync(path.join(dir, 'pack.zip'), pack);
    fs.writeFileSync(path.join(dir, 'proof.json'), JSON.stringify(proof));
    const verifier = path.join(REPO_ROOT, 'dist', 'scripts', 'verifyRuntime.js');
    const checked = await run(process.execPath, [verifier, path.join(dir, 'proof.json'), '--pack', path.join(dir, 'pack.zip'), '--trust', anchor.genesisBlockHash as string]);
    expect(checked.stdout).to.match(new RegExp(`^OK the summary of elevator ${ids.deviceCode} `));
    fs.writeFileSync(path.join(dir, 'lying.json'), JSON.stringify({ ...proof, anchor: { ...proof.anchor, txId: 'e'.repeat(64) } }));
    const refused = await run(process.execPath, [verifier, path.join(dir, 'lying.json'), '--pack', path.join(dir, 'pack.zip'), '--trust', anchor.genesisBlockHash as string]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(refused.code).to.equal(1);
    expect(refused.stdout).to.include(`pack: transaction ${'e'.repeat(64)} is not in the pack or wrote no tl.el.runtime key`);
  });
});
