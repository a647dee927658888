import { expect } from 'chai';
import { AlertKinds, DrugAlertKinds, lotIdOf } from '../../model/src';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, lotRegistration, Places, scenarioClock } from './coldchainFixtures';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';

describe('domain hooks for the regulator', function () {
  this.timeout(180_000);
  let importer: OnboardedEnterprise;
  let coldStore: OnboardedEnterprise;
  let gateway: InProcessGateway;
  const at = scenarioClock();

  const post = (who: OnboardedEnterprise, route: string, body: unknown) => api(route, { token: who.token, idempotencyKey: uniqueId('k'), body });

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    coldStore = await onboardEnterprise('custodial', ['coldStore']);
    gateway = await startInProcessGateway();
  });

  after(async () => {
    await gateway?.close();
  });

  it('declares the cold chain with every alert kind its chaincode raises and a scheduled coverage check', () => {
    const coldChain = gateway.services.domains.find((domain) => domain.domain === 'coldchain');
    expect(coldChain?.alertKinds).to.have.members([...AlertKinds]);
    expect(coldChain?.scheduledChecks.map((check) => check.name)).to.deep.equal(['coldchain temperature coverage']);
  });

  it('declares drugs with the duplicate-sale alert, no scheduled check, and no scope for a batch with no codes', async () => {
    const drug = gateway.services.domains.find((domain) => domain.domain === 'drug');
    expect(drug?.alertKinds).to.have.members([...DrugAlertKinds]);
    expect(drug?.scheduledChecks).to.deep.equal([]);
    expect(await drug?.recallScope('6999999/NO-SUCH-BATCH')).to.equal(undefined);
  });

  it('resolves a recall of a lot to every lot made from it, nearest first, and every enterprise that held one', async () => {
    const registration = lotRegistration();
    const gtin = registration.gtin as string;
    const parentId = lotIdOf(gtin, registration.lotNumber as string);
    expect((await post(importer, '/coldchain/lots', registration)).status).to.equal(201);
    const [a, b, c] = [uniqueId('A').slice(-20), uniqueId('B').slice(-20), uniqueId('C').slice(-20)];
    const [childA, childB, grandchild] = [lotIdOf(gtin, a), lotIdOf(gtin, b), lotIdOf(gtin, c)];
    expect((await post(importer, '/coldchain/lots/split', {
      eventId: uniqueId('split'), lotId: parentId, eventTime: at(1), location: Places.ningboPort,
      children: [{ lotNumber: a, quantity: 600 }, { lotNumber: b, quantity: 400 }],
    })).status).to.equal(201);
    expect((await post(importer, '/coldchain/lots/split', {
      eventId: uniqueId('split'), lotId: childA, eventTime: at(2), location: Places.ningboPort,
      children: [{ lotNumber: c, quantity: 100 }],
    })).status).to.equal(201);
    expect((await post(importer, '/coldchain/custody', custodyEvent('ship', grandchild, at(3), Places.ningboPort, { to: coldStore.id, quantity: 100 }))).status).to.equal(201);
    expect((await post(coldStore, '/coldchain/custody', custodyEvent('receive', grandchild, at(5), Places.hangzhouColdStore, { decision: 'accept', quantity: 100 }))).status).to.equal(201);

    const coldChain = gateway.services.domains.find((domain) => domain.domain === 'coldchain');
    const scope = await eventually('the recall scope through the projection', async () => {
      gateway.services.projector.cache.invalidateAll();
      const found = await coldChain?.recallScope(parentId);
      return found?.holders.includes(coldStore.id) ? found : undefined;
    });
    expect(scope.itemId).to.equal(parentId);
    expect(scope.downstream.slice(0, 2)).to.have.members([childA, childB]);
    expect(scope.downstream[2]).to.equal(grandchild);
    expect(scope.holders).to.have.members([importer.id, coldStore.id]);
    expect(scope.truncated).to.equal(false);
    expect(await coldChain?.recallScope(lotIdOf(gtin, uniqueId('none').slice(-20)))).to.equal(undefined);
  });
});
