import { expect } from 'chai';
import { requireNetwork, testLayout } from './testNetwork';

describe('gateway health route', function () {
  this.timeout(30_000);
  const layout = testLayout();
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  before(requireNetwork);

  it('reports the ledger height read from the peer and a reachable read store', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).to.equal(200);
    const body = (await response.json()) as { status: string; ledger: { ok: boolean; height: number }; store: { ok: boolean } };
    expect(body.status).to.equal('ok');
    expect(body.ledger.ok).to.equal(true);
    // Genesis block, chaincode approvals and commit, probe transaction: the channel is past block 5.
    expect(body.ledger.height).to.be.greaterThan(5);
    expect(body.store.ok).to.equal(true);
  });

  it('answers an unknown route with 404', async () => {
    const response = await fetch(`${base}/no-such-route`);
    expect(response.status).to.equal(404);
  });
});
