import { expect } from 'chai';
import { MspIds, publicLot, type ColdChainLot, type CustodyRecord } from '../../model/src';
import { enrollRegulator, submitAndReadEvent, peerQuery, refusalOf, registerTestEnterprise, requireNetwork, testLayout, type TestEnterprise } from './testNetwork';
import {
  brandOf,
  createTestLot,
  custodyEvent,
  documentOf,
  evaluate,
  expectAlertKinds,
  getLot,
  lotRegistration,
  Places,
  record,
  scenarioClock,
  submit,
} from './coldchainFixtures';

describe('cold-chain custody', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let coldStore: TestEnterprise;
  let wholesaler: TestEnterprise;
  let retailer: TestEnterprise;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    wholesaler = await registerTestEnterprise(layout, 'supply', ['wholesaler']);
    retailer = await registerTestEnterprise(layout, 'supply', ['retailer']);
  });

  it('follows an imported lot from port to cold store to wholesaler to retailer, balancing quantities and raising no alert', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer, { complete: true });
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    await record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000, assurance: 'scanned' }));
    await record(layout, coldStore, custodyEvent('store', lotId, at(3.5), Places.hangzhouColdStore));
    await record(layout, coldStore, custodyEvent('ship', lotId, at(24), Places.hangzhouColdStore, { to: wholesaler.registration.id, quantity: 1000 }));
    await record(layout, wholesaler, custodyEvent('receive', lotId, at(26), Places.shaoxingWholesale, { decision: 'accept', quantity: 1000 }));
    await record(layout, wholesaler, custodyEvent('releaseForSale', lotId, at(27), Places.shaoxingWholesale));
    await record(layout, wholesaler, custodyEvent('ship', lotId, at(28), Places.shaoxingWholesale, { to: retailer.registration.id, quantity: 1000 }));
    await record(layout, retailer, custodyEvent('receive', lotId, at(29), Places.keqiaoSupermarket, { decision: 'accept', quantity: 1000 }));
    const sale = await record(layout, retailer, custodyEvent('sell', lotId, at(30), Places.keqiaoSupermarket, { quantity: 40 }));

    const [lot] = sale.lots;
    expect(lot).to.include({ custodianId: retailer.registration.id, ownerId: importer.registration.id, status: 'inStock', documentStatus: 'complete' });
    expect([lot.initialQuantity, lot.quantityOnHand, lot.quantitySold, lot.quantityLost]).to.deep.equal([1000, 960, 40, 0]);
    // Every peer holds the same state. Each answers its org's admin: RegulatorOrg's is the platform admin,
    // who reads whole; the others' are no party to the lot and read the public view. A party reads it whole.
    for (const peer of layout.peers) {
      expect(await peerQuery(layout, peer, 'coldchain:getLot', lotId)).to.deep.equal(peer.org.mspId === MspIds.regulator ? lot : publicLot(lot));
    }
    expect(await evaluate(layout, wholesaler, 'coldchain:getLot', lotId)).to.deep.equal(lot);
    const log = await evaluate<CustodyRecord[]>(layout, importer, 'coldchain:getCustodyEvents', lotId);
    expect(log.map((e) => `${e.action}:${e.enterpriseId === importer.registration.id ? 'importer' : e.enterpriseId === coldStore.registration.id ? 'coldStore' : e.enterpriseId === wholesaler.registration.id ? 'wholesaler' : 'retailer'}`)).to.deep.equal([
      'create:importer',
      'ship:importer',
      'receive:coldStore',
      'store:coldStore',
      'ship:coldStore',
      'receive:wholesaler',
      'releaseForSale:wholesaler',
      'ship:wholesaler',
      'receive:retailer',
      'sell:retailer',
    ]);
    expect(log.filter((e) => e.action === 'ship').map((e) => e.assurance)).to.deep.equal(['partnerConfirmed', 'partnerConfirmed', 'partnerConfirmed']);
    expect(log.find((e) => e.action === 'receive')?.assurance).to.equal('scanned');
    await expectAlertKinds(layout, importer, lotId, []);

    const history = await evaluate<{ lot: ColdChainLot }[]>(layout, importer, 'coldchain:getLotHistory', lotId);
    expect(history.map((v) => v.lot.custodianId)[0]).to.equal(importer.registration.id);
    expect(history[history.length - 1].lot).to.deep.equal(lot);
  });

  it('lets only a registered importer create an imported lot, and only a producer a domestic one', async () => {
    const refusal = await refusalOf(submit(layout, coldStore, 'coldchain:createLot', JSON.stringify(lotRegistration())));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `imported lots are created by a registered importer; enterprise ${coldStore.registration.id} is coldStore` });
    const domestic = await refusalOf(submit(layout, importer, 'coldchain:createLot', JSON.stringify(lotRegistration({ lotType: 'domestic' }))));
    expect(domestic.detail).to.equal(`domestic lots are created by a registered producer; enterprise ${importer.registration.id} is importer`);
  });

  it('refuses a lot whose GTIN check digit is wrong, naming the field and the expected digit', async () => {
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:createLot', JSON.stringify(lotRegistration({ gtin: '09521234543214' }))));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: 'gtin: GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3' });
  });

  it('refuses a second lot with the same GTIN and lot number', async () => {
    const registration = lotRegistration();
    await submit(layout, importer, 'coldchain:createLot', JSON.stringify(registration));
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:createLot', JSON.stringify(registration)));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `lot 01/${registration.gtin}/10/${registration.lotNumber} already exists` });
  });

  it('refuses custody events and logger attachments dated before the lot was produced, and takes late recording', async () => {
    const lotId = await createTestLot(layout, importer);
    // Fixture lots are produced on 2026-09-01: the day before it started anywhere on earth is refused.
    const early = '2026-08-31T09:59:59Z';
    const refusal = await refusalOf(record(layout, importer, custodyEvent('store', lotId, early, Places.hangzhouColdStore)));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: `eventTime ${early} lies before lot ${lotId} was produced (2026-09-01); use the time it really happened` });
    const loggerId = `urn:epc:id:giai:4000001.${Date.now().toString(36)}`;
    await submit(layout, importer, 'coldchain:registerLogger', JSON.stringify({ loggerId }));
    const attach = await refusalOf(submit(layout, importer, 'coldchain:attachLogger', JSON.stringify({ loggerId, lotId, eventTime: early })));
    expect(attach.detail).to.equal(`eventTime ${early} lies before lot ${lotId} was produced (2026-09-01); use the time it really happened`);
    // The first moment of 1 September at UTC+14, weeks before the transaction: accepted.
    const stored = await record(layout, importer, custodyEvent('store', lotId, '2026-09-01T00:00:00+14:00', Places.hangzhouColdStore));
    expect(stored.custodyEvents).to.have.length(1);
  });

  it('does not let another enterprise ship a lot it does not hold', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    const refusal = await refusalOf(record(layout, wholesaler, custodyEvent('ship', lotId, at(0), Places.shaoxingWholesale, { to: retailer.registration.id, quantity: 1000 })));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `enterprise ${wholesaler.registration.id} is not the custodian of lot ${lotId} (the custodian is ${importer.registration.id}); only the custodian may ship it`,
    });
  });

  it('lets only the named receiver receive a shipment', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    const refusal = await refusalOf(record(layout, wholesaler, custodyEvent('receive', lotId, at(3), Places.shaoxingWholesale, { decision: 'accept', quantity: 1000 })));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `lot ${lotId} was shipped to ${coldStore.registration.id}; enterprise ${wholesaler.registration.id} may not receive it` });
  });

  it('refuses to receive more than was shipped', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    const refusal = await refusalOf(record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1001 })));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: `cannot receive 1001 kg of lot ${lotId}: only 1000 kg were shipped` });
    expect((await getLot(layout, importer, lotId)).status).to.equal('inTransit');
  });

  it('returns a refused shipment to the shipper with its full quantity', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    const update = await record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'refuse', reason: 'cartons thawed on arrival' }));
    expect(update.lots[0]).to.include({ custodianId: importer.registration.id, status: 'inStock', quantityOnHand: 1000, quantityLost: 0 });
  });

  it('refuses a shipment of only part of a lot: split it first', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    const refusal = await refusalOf(record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 400 })));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: `a shipment moves the whole lot: lot ${lotId} has 1000 kg on hand, not 400; split it to ship part` });
  });

  it('blocks release for sale while required documents are missing, and allows it once they are added', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    await submit(layout, importer, 'coldchain:addDocument', lotId, JSON.stringify(documentOf('customsDeclaration')));
    await submit(layout, importer, 'coldchain:addDocument', lotId, JSON.stringify(documentOf('testReport')));
    const refusal = await refusalOf(record(layout, importer, custodyEvent('releaseForSale', lotId, at(0), Places.ningboPort)));
    expect(refusal).to.deep.equal({
      kind: 'CONFLICT',
      detail: `lot ${lotId} is incomplete and cannot be released for sale: missing inspectionQuarantineCertificate, disinfectionCertificate`,
    });
    await submit(layout, importer, 'coldchain:addDocument', lotId, JSON.stringify(documentOf('inspectionQuarantineCertificate')));
    const added = await submit(layout, importer, 'coldchain:addDocument', lotId, JSON.stringify(documentOf('disinfectionCertificate')));
    expect(added.lots[0]).to.include({ documentStatus: 'complete' });
    const released = await record(layout, importer, custodyEvent('releaseForSale', lotId, at(1), Places.ningboPort));
    expect(released.lots[0].releasedForSale?.by).to.equal(importer.registration.id);
  });

  it('refuses to sell a lot that was not released for sale', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer, { complete: true });
    const refusal = await refusalOf(record(layout, importer, custodyEvent('sell', lotId, at(0), Places.ningboPort, { quantity: 1 })));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `lot ${lotId} has not been released for sale` });
  });

  it('asks only for the documents of its type from a domestic lot', async () => {
    const producer = await registerTestEnterprise(layout, 'supply', ['producer']);
    const { gtin } = await brandOf(layout, producer);
    const lotId = await createTestLot(layout, producer, { lotType: 'domestic', overrides: { gtin, originCountry: 'CN', category: 'chilledMeat' } });
    const created = await getLot(layout, producer, lotId);
    expect(created.missingDocuments).to.deep.equal(['testReport', 'originCertificate']);
    expect(created.storageRange).to.deep.equal({ minTenthsC: 0, maxTenthsC: 40 });
  });

  it('stops a recalled lot from moving, splitting or shipping until its owner lifts the recall', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer, { complete: true });
    const recalled = await submit(layout, importer, 'coldchain:setHold', lotId, JSON.stringify({ state: 'recalled', reason: 'positive nucleic-acid test' }));
    expect(recalled.lots[0].hold).to.include({ state: 'recalled', setBy: importer.registration.id });
    const refusal = await refusalOf(record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 })));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `lot ${lotId} is recalled (positive nucleic-acid test) and cannot be shipped` });
    const split = await refusalOf(
      submit(layout, importer, 'coldchain:splitLot', JSON.stringify({ eventId: 'split-held', lotId, eventTime: at(0), location: Places.ningboPort, children: [{ lotNumber: 'HELD-A', quantity: 1 }] })),
    );
    expect(split.detail).to.equal(`lot ${lotId} is recalled (positive nucleic-acid test) and cannot be split`);
    await submit(layout, importer, 'coldchain:liftHold', lotId, JSON.stringify({ reason: 'retest negative' }));
    const shipped = await record(layout, importer, custodyEvent('ship', lotId, at(1), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    expect(shipped.lots[0]).to.include({ status: 'inTransit' });
    expect(shipped.lots[0].liftedHold).to.include({ state: 'recalled', liftReason: 'retest negative' });
  });

  it('refuses a recall by an enterprise that does not own the lot', async () => {
    const lotId = await createTestLot(layout, importer);
    const refusal = await refusalOf(submit(layout, wholesaler, 'coldchain:setHold', lotId, JSON.stringify({ state: 'quarantined', reason: 'suspicion' })));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `only the owner ${importer.registration.id} of lot ${lotId} or a regulator may mark it quarantined; caller is ${wholesaler.registration.id}`,
    });
  });

  it("replaces an owner's own hold by a regulator's recall in one transaction, which the owner cannot lift", async () => {
    const regulator = await enrollRegulator(layout);
    const lotId = await createTestLot(layout, importer);
    await submit(layout, importer, 'coldchain:setHold', lotId, JSON.stringify({ state: 'quarantined', reason: 'own check' }));
    const recalled = await submit(layout, regulator, 'coldchain:setHold', lotId, JSON.stringify({ state: 'recalled', reason: 'Listeria in official sampling' }));
    expect(recalled.lots[0].hold).to.include({ state: 'recalled', setBy: `regulator:${regulator.enrollmentId}` });
    expect(recalled.lots[0].liftedHold).to.include({ state: 'quarantined', setBy: importer.registration.id, liftedBy: `regulator:${regulator.enrollmentId}`, liftReason: "replaced by a regulator's recalled: Listeria in official sampling" });
    const lift = await refusalOf(submit(layout, importer, 'coldchain:liftHold', lotId, JSON.stringify({ reason: 'fine now' })));
    expect(lift.detail).to.equal(`lot ${lotId} was recalled by a regulator; only a regulator may lift it`);
    const again = await refusalOf(submit(layout, regulator, 'coldchain:setHold', lotId, JSON.stringify({ state: 'quarantined', reason: 'second' })));
    expect(again.kind).to.equal('CONFLICT');
  });

  it('refuses an event time later than the transaction time plus the allowed clock skew', async () => {
    const lotId = await createTestLot(layout, importer);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const refusal = await refusalOf(record(layout, importer, custodyEvent('store', lotId, future, Places.ningboPort)));
    expect(refusal.kind).to.equal('INVALID');
    expect(refusal.detail).to.match(/^eventTime .* lies in the future of the transaction time/);
  });

  it('refuses an event id already recorded for the lot', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    const event = custodyEvent('store', lotId, at(0), Places.ningboPort);
    await record(layout, importer, event);
    const refusal = await refusalOf(record(layout, importer, event));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `event ${event.eventId as string} is already recorded for lot ${lotId}` });
  });

  it('lets a regulator quarantine any lot, and keeps the owner from lifting a regulator\'s hold', async () => {
    const regulator = await enrollRegulator(layout);
    const lotId = await createTestLot(layout, importer);
    const held = await submit(layout, regulator, 'coldchain:setHold', lotId, JSON.stringify({ state: 'quarantined', reason: 'sampling ordered' }));
    expect(held.lots[0].hold).to.include({ state: 'quarantined', setBy: `regulator:${regulator.enrollmentId}` });
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:liftHold', lotId, JSON.stringify({ reason: 'we disagree' })));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `lot ${lotId} was quarantined by a regulator; only a regulator may lift it` });
    const lifted = await submit(layout, regulator, 'coldchain:liftHold', lotId, JSON.stringify({ reason: 'samples passed' }));
    expect(lifted.lots[0].hold).to.equal(undefined);
  });

  describe('custody batches', () => {
    it('applies many events of several lots in one transaction, each lot written once with every event in its log', async () => {
      const at = scenarioClock();
      const lots = [await createTestLot(layout, importer), await createTestLot(layout, importer), await createTestLot(layout, importer)];
      const shipped = await submit(layout, importer, 'coldchain:recordCustodyBatch', JSON.stringify({
        events: lots.map((lotId) => custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 })),
      }));
      expect(shipped.lots.map((l) => l.status)).to.deep.equal(['inTransit', 'inTransit', 'inTransit']);
      const received = await submit(layout, coldStore, 'coldchain:recordCustodyBatch', JSON.stringify({
        events: [
          ...lots.map((lotId) => custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 })),
          custodyEvent('store', lots[0], at(4), Places.hangzhouColdStore),
        ],
      }));
      expect(received.lots.map((l) => l.custodianId)).to.deep.equal(lots.map(() => coldStore.registration.id));
      // Three receipts, one store, and the three shipments they confirmed.
      expect(received.custodyEvents.map((e) => e.action).sort()).to.deep.equal(['receive', 'receive', 'receive', 'ship', 'ship', 'ship', 'store']);
      const log = await evaluate<CustodyRecord[]>(layout, coldStore, 'coldchain:getCustodyEvents', lots[0]);
      expect(log.map((e) => [e.sequence, e.action])).to.deep.equal([[1, 'create'], [2, 'ship'], [3, 'receive'], [4, 'store']]);
    });

    it('emits one ColdChainCustodyRecorded event carrying every record the batch wrote', async () => {
      const at = scenarioClock();
      const lots = [await createTestLot(layout, importer), await createTestLot(layout, importer)];
      const batch = { events: lots.map((lotId) => custodyEvent('store', lotId, at(0), Places.ningboPort)) };
      const { eventName, payload, result } = await submitAndReadEvent(layout, importer.identity, 'coldchain:recordCustodyBatch', JSON.stringify(batch));
      expect(eventName).to.equal('ColdChainCustodyRecorded');
      expect(payload).to.deep.equal(result);
      const update = payload as { lots: ColdChainLot[]; custodyEvents: CustodyRecord[] };
      expect(update.lots.map((l) => l.id)).to.deep.equal(lots);
      expect(update.custodyEvents.map((e) => e.eventId)).to.deep.equal(batch.events.map((e) => e.eventId));
    });

    it('refuses the whole batch when one event breaks a rule, naming its position and id', async () => {
      const at = scenarioClock();
      const lotId = await createTestLot(layout, importer);
      const other = await createTestLot(layout, importer);
      await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
      await record(layout, importer, custodyEvent('ship', other, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
      const overReceipt = custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1200 });
      const refusal = await refusalOf(submit(layout, coldStore, 'coldchain:recordCustodyBatch', JSON.stringify({
        events: [custodyEvent('receive', other, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }), overReceipt],
      })));
      expect(refusal).to.deep.equal({ kind: 'INVALID', detail: `events[1] (${overReceipt.eventId as string}): cannot receive 1200 kg of lot ${lotId}: only 1000 kg were shipped` });
      expect((await getLot(layout, importer, other)).status).to.equal('inTransit');
    });

    it('refuses in a batch what it refuses singly: a lot the caller does not hold', async () => {
      const at = scenarioClock();
      const lotId = await createTestLot(layout, importer);
      const event = custodyEvent('store', lotId, at(0), Places.hangzhouColdStore);
      const refusal = await refusalOf(submit(layout, coldStore, 'coldchain:recordCustodyBatch', JSON.stringify({ events: [event] })));
      expect(refusal).to.deep.equal({
        kind: 'FORBIDDEN',
        detail: `events[0] (${event.eventId as string}): enterprise ${coldStore.registration.id} is not the custodian of lot ${lotId} (the custodian is ${importer.registration.id}); only the custodian may store it`,
      });
    });
  });
});
