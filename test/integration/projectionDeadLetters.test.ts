import type { Contract } from '@hyperledger/fabric-gateway';
import { expect } from 'chai';
import { withContract } from '../../network/src/ledgerClient';
import { createTestLot, documentOf } from './coldchainFixtures';
import { api, eventually, onboardEnterprise, traceEvent, type OnboardedEnterprise } from './gatewayClient';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';
import { registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';

/** Submits without waiting for the commit of the last one, so several transactions land in one block. */
async function submitTogether(owner: TestEnterprise, calls: [string, ...string[]][]): Promise<number[]> {
  return withContract(testLayout(), owner.identity, async (contract: Contract) => {
    const commits = await Promise.all(calls.map(([fn, ...args]) => contract.submitAsync(fn, { arguments: args })));
    const statuses = await Promise.all(commits.map((commit) => commit.getStatus()));
    for (const status of statuses) expect(status.successful, `transaction ${status.transactionId}`).to.equal(true);
    return statuses.map((status) => Number(status.blockNumber));
  });
}

describe('hostile writers: no transaction can stop the projection', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let writer: OnboardedEnterprise;

  before(async () => {
    requireNetwork();
    writer = await onboardEnterprise();
  });

  it('refuses free-form keys the read store cannot hold, on chain, naming the field', async () => {
    for (const key of ['a.b', '$where', '', 'x'.repeat(65), 'nul\u0000key']) {
      const answer = await api<{ detail: string }>('/trace/events', { token: writer.token, idempotencyKey: uniqueId('k'), body: traceEvent({ details: { [key]: 'x' } }) });
      expect(answer.status, JSON.stringify(key)).to.equal(400);
      expect(answer.body.detail).to.match(/^details\./);
    }
    const fine = await api('/trace/events', { token: writer.token, idempotencyKey: uniqueId('k'), body: traceEvent({ details: { temperature_c: -18, 'carrier-name': 'ok' } }) });
    expect(fine.status).to.equal(201);
  });

  describe('a transaction the projection cannot apply', () => {
    const marker = uniqueId('fault-marker');
    let gateway: InProcessGateway;
    let owner: TestEnterprise;

    before(async () => {
      owner = await registerTestEnterprise(layout, 'supply', ['importer']);
      // A gateway of its own, projecting into a database of its own, whose projection of any
      // transaction carrying the marker fails as a store refusal would.
      gateway = await startInProcessGateway((config) => {
        config.mongoUri = config.mongoUri.replace(/\/[^/]*$/, `/deadletters_${Date.now().toString(36)}`);
        config.projectionFaultMarker = marker;
      }, { project: true });
      const height = (await gateway.services.projector.status()).ledgerHeight ?? 0;
      await gateway.services.projector.waitFor(height, 240_000);
    });
    after(async () => {
      await gateway?.services.store.db?.dropDatabase();
      await gateway?.close();
    });

    it('is dead-lettered while a recall in the same block reaches the consumer page within 2 s', async () => {
      let blocks: number[] = [];
      let recalledLot = '';
      let touchedLot = '';
      // Two transactions sent at once are cut into one block (250 ms batch timeout); try again in the rare case they straddle two.
      for (let attempt = 0; attempt < 3; attempt++) {
        recalledLot = await createTestLot(layout, owner);
        touchedLot = await createTestLot(layout, owner);
        blocks = await submitTogether(owner, [
          ['coldchain:addDocument', touchedLot, JSON.stringify({ ...documentOf('customsDeclaration'), issuer: `Customs ${marker}` })],
          ['coldchain:setHold', recalledLot, JSON.stringify({ state: 'recalled', reason: 'Listeria found in sampling' })],
        ]);
        if (blocks[0] === blocks[1]) break;
      }
      expect(blocks[0], 'both transactions in one block').to.equal(blocks[1]);
      const committedAt = Date.now();

      const page = (lotId: string) => fetch(`${gateway.base}/${lotId}?lang=en`).then((r) => r.text());
      await eventually('the recall banner', async () => ((await page(recalledLot)).includes('data-banner="recalled"') ? true : undefined), 5_000);
      expect(Date.now() - committedAt, 'recall shown within 2 s of its commit').to.be.below(2_000);

      // The block's other transactions may come after the marked one's bounded retries.
      const letters = await eventually('the dead letter', async () => {
        const found = await gateway.services.projector.deadLetters.model.find({}).lean();
        return found.length > 0 ? found : undefined;
      }, 5_000);
      expect(letters).to.have.length(1);
      expect(letters[0].source.blockNumber).to.equal(blocks[0]);
      expect(letters[0].eventName).to.equal('ColdChainDocumentAdded');
      expect(letters[0].payload).to.include(marker);
      expect(letters[0].error).to.include('fault injected');
      expect(letters[0].touched).to.include(`lot:${touchedLot}`);

      const touchedPage = await page(touchedLot);
      expect(touchedPage).to.include('data-banner="outOfDate"');
      expect(await page(recalledLot)).to.not.include('data-banner="outOfDate"');
      const touchedJson = (await (await fetch(`${gateway.base}/${touchedLot}`, { headers: { accept: 'application/json' } })).json()) as { banners: string[] };
      expect(touchedJson.banners).to.include('outOfDate');

      // The chain after the dead letter projects as usual.
      const later = await createTestLot(layout, owner);
      await eventually('a later lot', async () => ((await fetch(`${gateway.base}/${later}`)).status === 200 ? true : undefined), 10_000);

      const health = await fetch(`${gateway.base}/health`);
      const body = (await health.json()) as { status: string; projection: { deadLetters: number; lag: number } };
      expect(health.status, 'the gateway still serves').to.equal(200);
      expect(body.status).to.equal('degraded');
      expect(body.projection.deadLetters).to.equal(1);
      expect(body.projection.lag).to.be.a('number');
      expect((await fetch(`${gateway.base}/ready`)).status).to.equal(503);
      expect(await (await fetch(`${gateway.base}/metrics`)).text()).to.match(/^traceledger_projection_dead_letters 1$/m);
    });

    it('keeps dead letters across a restart of the projector, and the main gateway stays ready', async () => {
      await gateway.services.projector.deadLetters.load();
      expect(gateway.services.projector.deadLetters.count).to.equal(1);
      await eventually('the test network gateway ready', async () => ((await api('/ready')).status === 200 ? true : undefined), 20_000);
    });
  });
});
