import { expect } from 'chai';
import { registerTestEnterprise, requireNetwork, testLayout, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, documentOf, expectAlertKinds, getLot, Places, record, scenarioClock, submit } from './coldchainFixtures';

describe('cold-chain cross-checks', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let coldStore: TestEnterprise;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
  });

  async function shipToColdStore(at: (h: number) => string, lotId: string): Promise<void> {
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
  }

  it('raises a quantity alert when less is received than was shipped, and books the difference as lost', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await shipToColdStore(at, lotId);
    const receipt = custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 950 });
    await record(layout, coldStore, receipt);
    const [alert] = await expectAlertKinds(layout, importer, lotId, ['quantityMismatch']);
    expect(alert.detail).to.equal(`lot ${lotId}: received 950 kg but 1000 kg were shipped`);
    expect(alert.evidence).to.include({ shipped: 1000, received: 950, receiveEventId: receipt.eventId as string });
    expect(await getLot(layout, importer, lotId)).to.include({ quantityOnHand: 950, quantityLost: 50 });
  });

  it('raises a document alert for a document dated after the release for sale, and none for one dated before', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer, { complete: true });
    await record(layout, importer, custodyEvent('releaseForSale', lotId, at(0), Places.ningboPort));
    const releaseDate = at(0).slice(0, 10);
    const dayAfter = new Date(Date.parse(`${releaseDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await submit(layout, importer, 'coldchain:addDocument', lotId, JSON.stringify(documentOf('testReport', releaseDate)));
    await expectAlertKinds(layout, importer, lotId, []);
    const late = documentOf('testReport', dayAfter);
    await submit(layout, importer, 'coldchain:addDocument', lotId, JSON.stringify(late));
    const [alert] = await expectAlertKinds(layout, importer, lotId, ['documentAfterRelease']);
    expect(alert.detail).to.equal(`testReport ${late.number as string} of lot ${lotId} is dated ${dayAfter}, after the lot was released for sale on ${releaseDate}`);
  });

  it('raises a two-places alert when a receipt is dated before the shipment left another place', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await shipToColdStore(at, lotId);
    await record(layout, coldStore, custodyEvent('receive', lotId, at(-1), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    const [alert] = await expectAlertKinds(layout, importer, lotId, ['twoPlacesAtOnce']);
    expect(alert.evidence).to.include({ earlierPlace: Places.ningboPort.gln, laterPlace: Places.hangzhouColdStore.address });
  });

  it('raises a travel alert when a lot covers Ningbo to Harbin in an hour, faster than road travel allows', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await shipToColdStore(at, lotId);
    await record(layout, coldStore, custodyEvent('receive', lotId, at(1), Places.harbin, { decision: 'accept', quantity: 1000 }));
    const [alert] = await expectAlertKinds(layout, importer, lotId, ['impossibleTravel']);
    expect(alert.evidence).to.include({ km: 1810, kmh: 1810 });
    expect(alert.detail).to.match(/^lot .* moved 1810 km from 0614141000036 to Harbin cold store in 60 min \(1810 km\/h, more than 120 km\/h by road\)$/);
  });

  it('stays silent when the same trip takes a plausible three hours', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await shipToColdStore(at, lotId);
    await record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    await record(layout, coldStore, custodyEvent('store', lotId, at(3.2), Places.hangzhouColdStore));
    await expectAlertKinds(layout, importer, lotId, []);
  });
});
