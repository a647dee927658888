import { expect } from 'chai';
import { lotIdOf, RequiredDocuments } from '../../model/src';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken, traceEvent, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, documentOf, lotRegistration, Places, scenarioClock } from './coldchainFixtures';

type Json = Record<string, unknown>;

/** The fields a public lot carries (LotAudiences in the model): no quantities, documents, customs, sightings or exact times. */
const PUBLIC_LOT_FIELDS = ['assurance', 'category', 'createdDay', 'custodianId', 'documentStatus', 'expiryDate', 'gtin', 'id', 'lotNumber', 'lotType', 'originCountry', 'ownerId', 'parents', 'producer', 'product', 'productionDate', 'status', 'storageRange'];
const PRIVATE_LOT_FIELDS = ['quantityOnHand', 'initialQuantity', 'documents', 'customsDeclarationNumber', 'lastSighting', 'createdAt', 'eventIdDigests'];
const PUBLIC_EVENT_FIELDS = ['bizStep', 'day', 'enterpriseId', 'eventId', 'subjectId'];

describe('who reads what: the same lot read anonymously, by a rival, by a party and by a regulator', function () {
  this.timeout(180_000);
  const at = scenarioClock();
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  let importer: OnboardedEnterprise;
  let coldStore: OnboardedEnterprise;
  let rival: OnboardedEnterprise;
  let regulator: { token: string; enrollmentId: string };
  let lotId: string;
  let childId: string;
  let eventId: string;
  /** Each reader: its token (none for the public) and the audience it should get. */
  let readers: { name: string; token?: string; sees: 'public' | 'whole' }[];

  const post = (who: OnboardedEnterprise, route: string, body: unknown) => api<Json>(route, { token: who.token, idempotencyKey: uniqueId('k'), body });
  const lotPath = (id: string) => `/coldchain/lots/${encodeURIComponent(id)}`;

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    coldStore = await onboardEnterprise('custodial', ['coldStore']);
    rival = await onboardEnterprise('custodial', ['coldStore']);
    const enrollmentId = uniqueId('reg');
    const enrolled = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId } });
    expect(enrolled.status).to.equal(201);
    regulator = { token: enrolled.body.token, enrollmentId };
    readers = [
      { name: 'anyone', sees: 'public' },
      { name: 'a rival enterprise', token: rival.token, sees: 'public' },
      { name: 'a party (the cold store that received it)', token: coldStore.token, sees: 'whole' },
      { name: 'a regulator', token: regulator.token, sees: 'whole' },
    ];

    const registration = lotRegistration();
    lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await post(importer, '/coldchain/lots', registration)).status).to.equal(201);
    for (const kind of RequiredDocuments.imported) {
      expect((await post(importer, `${lotPath(lotId)}/documents`, documentOf(kind))).status).to.equal(201);
    }
    expect((await post(importer, '/coldchain/custody', custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.id, quantity: 1000 }))).status).to.equal(201);
    expect((await post(coldStore, '/coldchain/custody', custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }))).status).to.equal(201);
    const childLot = uniqueId('C').slice(-20);
    childId = lotIdOf(registration.gtin as string, childLot);
    const split = await post(coldStore, '/coldchain/lots/split', { eventId: uniqueId('split'), lotId, eventTime: at(4), location: Places.hangzhouColdStore, children: [{ lotNumber: childLot, quantity: 600 }] });
    expect(split.status).to.equal(201);
    const event = traceEvent({ details: { carrier: 'Ningbo Cold Logistics', pallets: 3 } });
    eventId = event.eventId as string;
    expect((await post(importer, '/trace/events', event)).status).to.equal(201);
    await eventually('the split in the projection', async () => {
      const answer = await api<{ links: unknown[] }>(`${lotPath(lotId)}/trace/forward?hops=1`);
      return answer.status === 200 && answer.body.links.length === 1 ? true : undefined;
    }, 30_000);
  });

  it('reads the lot from the ledger: the public and a rival get the public view, a party and a regulator the whole lot', async () => {
    const seen = new Map<string, Json>();
    for (const reader of readers) {
      const answer = await api<Json>(lotPath(lotId), { token: reader.token });
      expect(answer.status, reader.name).to.equal(200);
      seen.set(reader.name, answer.body);
      if (reader.sees === 'public') {
        expect(Object.keys(answer.body).sort(), reader.name).to.deep.equal(PUBLIC_LOT_FIELDS);
        expect(answer.body.custodianId, reader.name).to.equal(coldStore.id);
      } else {
        expect(answer.body, reader.name).to.include.keys(PRIVATE_LOT_FIELDS);
        expect(answer.body.quantityOnHand, reader.name).to.equal(400);
      }
    }
    expect(seen.get('a rival enterprise')).to.deep.equal(seen.get('anyone'));
    expect(seen.get('a regulator')).to.deep.equal(seen.get('a party (the cold store that received it)'));

    const history = await api<Json[]>(`${lotPath(lotId)}/history`);
    expect(Object.keys(history.body[0]).sort()).to.deep.equal(['day', 'lot']);
    expect(history.body[0].lot).to.not.have.any.keys(PRIVATE_LOT_FIELDS);
    const partyHistory = await api<Json[]>(`${lotPath(lotId)}/history`, { token: importer.token });
    expect(partyHistory.body[0]).to.include.keys('txId', 'timestamp');
  });

  it('reads the journey: the public sees enterprises, days and cities; a party and a regulator quantities, times, addresses and loggers', async () => {
    for (const reader of readers) {
      const answer = await api<{ lot: Json; custody: Json[]; loggers?: unknown[] }>(`${lotPath(lotId)}/journey`, { token: reader.token });
      expect(answer.status, reader.name).to.equal(200);
      const receipt = answer.body.custody.find((record) => record.action === 'receive') as Json;
      expect(receipt.enterpriseId, reader.name).to.equal(coldStore.id);
      if (reader.sees === 'public') {
        expect(answer.body, reader.name).to.not.have.any.keys('loggers', 'anchors');
        expect(answer.body.lot, reader.name).to.not.have.any.keys(PRIVATE_LOT_FIELDS);
        expect(receipt, reader.name).to.deep.equal({ action: 'receive', lotId, sequence: receipt.sequence, enterpriseId: coldStore.id, day: at(3).slice(0, 10), place: { cityRegion: '330100' }, assurance: receipt.assurance });
        for (const record of answer.body.custody) expect(record, reader.name).to.not.have.any.keys('quantity', 'eventTime', 'location', 'to', 'eventId', 'txId');
      } else {
        expect(answer.body, reader.name).to.include.keys('loggers', 'anchors');
        expect(receipt, reader.name).to.include({ quantity: 1000, eventTime: at(3) });
        expect((receipt.location as Json).address, reader.name).to.equal(Places.hangzhouColdStore.address);
        const shipment = answer.body.custody.find((record) => record.action === 'ship') as Json;
        expect(shipment.to, reader.name).to.equal(coldStore.id);
      }
    }
  });

  it('traces forward and back: links show quantities only to parties and regulators', async () => {
    for (const reader of readers) {
      const forward = await api<{ lots: Json[]; holders: string[]; links: Json[] }>(`${lotPath(lotId)}/trace/forward?hops=5`, { token: reader.token });
      expect(forward.status, reader.name).to.equal(200);
      expect(forward.body.lots.map((lot) => lot.lotId), reader.name).to.have.members([lotId, childId]);
      expect(forward.body.holders, reader.name).to.include.members([importer.id, coldStore.id]);
      const back = await api<{ links: Json[] }>(`${lotPath(childId)}/trace/back?hops=5`, { token: reader.token });
      for (const links of [forward.body.links, back.body.links]) {
        expect(links, reader.name).to.have.length(1);
        if (reader.sees === 'public') {
          expect(links[0], reader.name).to.deep.equal({ parentId: lotId, childId, kind: 'split', day: at(4).slice(0, 10) });
        } else {
          expect(links[0], reader.name).to.include({ parentId: lotId, childId, kind: 'split', quantity: 600, eventTime: at(4) });
        }
      }
    }
  });

  it('reads a trace event: its recorder and a regulator see it whole, anyone else who, what and which day', async () => {
    const recorder = { name: 'the recorder', token: importer.token, sees: 'whole' as const };
    for (const reader of [readers[0], readers[1], { ...readers[2], sees: 'public' as const }, recorder, readers[3]]) {
      const answer = await api<Json>(`/trace/events/${encodeURIComponent(eventId)}`, { token: reader.token });
      expect(answer.status, reader.name).to.equal(200);
      if (reader.sees === 'public') {
        expect(Object.keys(answer.body).sort(), reader.name).to.deep.equal(PUBLIC_EVENT_FIELDS);
        expect(answer.body.enterpriseId, reader.name).to.equal(importer.id);
      } else {
        expect(answer.body, reader.name).to.include.keys('eventTime', 'details', 'recordedAt', 'txId');
        expect(answer.body.details, reader.name).to.deep.equal({ carrier: 'Ningbo Cold Logistics', pallets: 3 });
      }
    }
  });

  it('answers the resolver\'s JSON with the public view, whoever asks', async () => {
    for (const reader of readers) {
      const answer = await eventually(`the resolver for ${reader.name}`, async () => {
        const response = await fetch(`${base()}/${lotId}`, { headers: { accept: 'application/json', ...(reader.token ? { authorization: `Bearer ${reader.token}` } : {}) } });
        const body = response.status === 200 ? ((await response.json()) as { lot: Json; journey: Json[]; alerts: Json[] }) : undefined;
        return body && body.journey.some((record) => record.action === 'split') ? body : undefined;
      }, 20_000);
      expect(Object.keys(answer.lot).sort(), reader.name).to.deep.equal(PUBLIC_LOT_FIELDS);
      for (const record of answer.journey) expect(record, reader.name).to.not.have.any.keys('quantity', 'eventTime', 'location', 'to', 'eventId', 'detail');
      const receipt = answer.journey.find((record) => record.action === 'receive') as Json;
      expect(receipt, reader.name).to.include({ enterpriseId: coldStore.id, day: at(3).slice(0, 10) });
    }
  });

  it('writes the regulator\'s reads to the audit log, which regulators and the admin can list and nobody else', async () => {
    const log = await api<Json[]>('/regulators/audit-log', { token: regulator.token });
    expect(log.status).to.equal(200);
    expect(log.headers.get('x-page')).to.equal('0');
    const mine = log.body.filter((entry) => entry.who === regulator.enrollmentId);
    const routes = mine.map((entry) => [entry.route, entry.subjectId]);
    expect(routes).to.deep.include.members([
      ['GET /coldchain/lots/:lotId', lotId],
      ['GET /coldchain/lots/:lotId/journey', lotId],
      ['GET /coldchain/lots/:lotId/trace/forward', lotId],
      ['GET /coldchain/lots/:lotId/trace/back', childId],
      ['GET /trace/events/:eventId', eventId],
    ]);
    for (const entry of mine) expect(entry).to.include.keys('at', 'role');
    // Nothing the public sees is logged: the regulator's resolver reads left no entry.
    expect(mine.map((entry) => entry.route)).to.not.include('GET /01/:gtin/10/:lot');
    expect(mine.filter((entry) => entry.route === 'GET /coldchain/lots/:lotId' && entry.subjectId === lotId)).to.have.length(1);
    expect((await api('/regulators/audit-log', { token: await testAdminToken() })).status).to.equal(200);
    expect((await api('/regulators/audit-log', { token: coldStore.token })).status).to.equal(403);
    expect((await api('/regulators/audit-log')).status).to.equal(401);
    // The party's and the rival's reads are not a regulator's: none of theirs is logged.
    expect(log.body.filter((entry) => entry.who === coldStore.enrollmentId || entry.who === rival.enrollmentId)).to.deep.equal([]);
  });
});
