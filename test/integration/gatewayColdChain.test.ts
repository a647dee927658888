import { expect } from 'chai';
import { lotIdOf, RequiredDocuments } from '../../model/src';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, documentOf, lotRegistration, Places, scenarioClock } from './coldchainFixtures';

describe('cold chain through the gateway', function () {
  this.timeout(180_000);
  let importer: OnboardedEnterprise;
  let coldStore: OnboardedEnterprise;
  const at = scenarioClock();

  const post = (who: OnboardedEnterprise | string, route: string, body: unknown) =>
    api<Record<string, unknown>>(route, { token: typeof who === 'string' ? who : who.token, idempotencyKey: uniqueId('k'), body });

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    coldStore = await onboardEnterprise('custodial', ['coldStore']);
  });

  it('creates a lot, documents it, moves it, and shows its journey from the projection', async () => {
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    const path = `/coldchain/lots/${encodeURIComponent(lotId)}`;
    expect((await post(importer, '/coldchain/lots', registration)).status).to.equal(201);
    for (const kind of RequiredDocuments.imported) {
      expect((await post(importer, `${path}/documents`, documentOf(kind))).status).to.equal(201);
    }
    const shipped = await post(importer, '/coldchain/custody', custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.id, quantity: 1000 }));
    expect(shipped.status).to.equal(201);
    const received = await post(coldStore, '/coldchain/custody', custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    expect(received.status).to.equal(201);

    const onLedger = await api<{ custodianId: string }>(path);
    expect(onLedger.status).to.equal(200);
    expect(onLedger.body.custodianId).to.equal(coldStore.id);
    const journey = await eventually('the journey in the projection', async () => {
      const answer = await api<{ lot: { custodianId: string }; custody: { action: string }[] }>(`${path}/journey`);
      return answer.status === 200 && answer.body.lot.custodianId === coldStore.id ? answer.body : undefined;
    });
    expect(journey.custody.map((e) => e.action)).to.include.members(['ship', 'receive']);
  });

  it('answers the custodian check of chaincode as 403 and a bad lot id as 400', async () => {
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    await post(importer, '/coldchain/lots', registration);
    const stolen = await post(coldStore, '/coldchain/custody', custodyEvent('ship', lotId, at(0), Places.hangzhouColdStore, { to: importer.id, quantity: 1000 }));
    expect(stolen.status).to.equal(403);
    expect(stolen.body.detail).to.match(new RegExp(`is not the custodian of lot ${lotId.replace(/\//g, '\\/')}`));
    const bad = await api(`/coldchain/lots/${encodeURIComponent('01/09521234543214/10/X')}`);
    expect(bad.status).to.equal(400);
    expect(bad.body.detail).to.equal('lotId: GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3');
  });

  it('lets a regulator put a lot on recall hold, after which it cannot move', async () => {
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    await post(importer, '/coldchain/lots', registration);
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    const hold = await post(regulator.body.token, `/coldchain/lots/${encodeURIComponent(lotId)}/hold`, { state: 'recalled', reason: 'Listeria found in sampling' });
    expect(hold.status).to.equal(201);
    const moved = await post(importer, '/coldchain/custody', custodyEvent('ship', lotId, at(1), Places.ningboPort, { to: coldStore.id, quantity: 1000 }));
    expect(moved.status).to.be.oneOf([403, 409]);
    expect(moved.body.detail).to.match(/recalled/);
  });

  it('creates a batch of lots in one transaction, and refuses the whole batch for one bad lot', async () => {
    const lots = [lotRegistration(), lotRegistration()];
    const created = await post(importer, '/coldchain/lots/batches', { lots });
    expect(created.status).to.equal(201);
    const refused = await post(importer, '/coldchain/lots/batches', { lots: [lotRegistration(), lots[0]] });
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.match(/^lots\[1\]: lot .* already exists/);
  });

  it('traces forward across a split to every lot and holder, and back to the parent', async () => {
    const registration = lotRegistration();
    const parentId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    await post(importer, '/coldchain/lots', registration);
    const [a, b] = [uniqueId('A').slice(-20), uniqueId('B').slice(-20)];
    const split = await post(importer, '/coldchain/lots/split', {
      eventId: uniqueId('split'), lotId: parentId, eventTime: at(1), location: Places.ningboPort,
      children: [{ lotNumber: a, quantity: 600 }, { lotNumber: b, quantity: 400 }],
    });
    expect(split.status).to.equal(201);
    const childA = lotIdOf(registration.gtin as string, a);
    await post(importer, '/coldchain/custody', custodyEvent('ship', childA, at(2), Places.ningboPort, { to: coldStore.id, quantity: 600 }));
    await post(coldStore, '/coldchain/custody', custodyEvent('receive', childA, at(4), Places.hangzhouColdStore, { decision: 'accept', quantity: 600 }));
    type Trace = { lots: { lotId: string; depth: number }[]; holders: string[]; links: { childId: string; quantity: number }[] };
    const forward = await eventually('the trace forward in the projection', async () => {
      // Quantities of links are for the lot's parties (the public sees kind and day).
      const answer = await api<Trace>(`/coldchain/lots/${encodeURIComponent(parentId)}/trace/forward?hops=5`, { token: importer.token });
      return answer.status === 200 && answer.body.holders.includes(coldStore.id) ? answer.body : undefined;
    });
    expect(forward.lots.map((l) => [l.lotId, l.depth])).to.have.deep.members([[parentId, 0], [childA, 1], [lotIdOf(registration.gtin as string, b), 1]]);
    expect(forward.holders).to.have.members([importer.id, coldStore.id]);
    expect(forward.links).to.have.length(2);
    // Each split link says what that child took, not the parent's total.
    expect(forward.links.map((l) => [l.childId, l.quantity])).to.have.deep.members([[childA, 600], [lotIdOf(registration.gtin as string, b), 400]]);
    const back = await api<Trace>(`/coldchain/lots/${encodeURIComponent(childA)}/trace/back?hops=1`);
    expect(back.body.lots.map((l) => l.lotId)).to.have.members([childA, parentId]);
    const notAtAll = await api<Trace>(`/coldchain/lots/${encodeURIComponent(parentId)}/trace/forward?hops=0`);
    expect(notAtAll.body.lots.map((l) => l.lotId)).to.deep.equal([parentId]);
  });
});
