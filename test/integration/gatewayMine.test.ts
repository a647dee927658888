import { expect } from 'chai';
import { lotIdOf, type RiskAlert, type TemperatureLogger, type UnitRun } from '../../model/src';
import { ENTERPRISE_LIST_PAGE_ITEMS } from '../../gateway/src/projection/coldchain';
import type { MyLot } from '../../gateway/src/routes/me';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, eventually, onboardEnterprise, testAdminToken, type ApiAnswer, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, lotRegistration, Places, scenarioClock, uniqueSerialPrefix } from './coldchainFixtures';

/** A link with rel="next", as the paged routes write it. */
const nextOf = (answer: ApiAnswer<unknown>): string | undefined => /^<([^>]+)>; rel="next"$/.exec(answer.headers.get('link') ?? '')?.[1];

describe('an enterprise finds its own things', function () {
  this.timeout(300_000);
  const at = scenarioClock();

  const post = (who: OnboardedEnterprise, route: string, body: unknown) => api<Record<string, unknown>>(route, { token: who.token, idempotencyKey: uniqueId('k'), body });
  const get = <T>(who: OnboardedEnterprise | string, route: string) => api<T>(route, { token: typeof who === 'string' ? who : who.token });

  /** Every item of a paged list, following Link from the first page, with each page's answer. */
  async function allPages<T>(who: OnboardedEnterprise | string, route: string): Promise<{ items: T[]; pages: ApiAnswer<T[]>[] }> {
    const pages: ApiAnswer<T[]>[] = [];
    for (let next: string | undefined = route; next !== undefined; next = nextOf(pages[pages.length - 1])) {
      const answer = await get<T[]>(who, next);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      pages.push(answer);
    }
    return { items: pages.flatMap((page) => page.body), pages };
  }

  before(() => {
    requireNetwork();
  });

  it('lists my lots by state, a page at a time, and the lot shipped to me as in transit', async () => {
    // The test network keeps ENTERPRISE_LIST_PAGE_ITEMS small (scripts/test.ts); any size works while one batch (≤ 1,000 lots) crosses a page.
    expect(ENTERPRISE_LIST_PAGE_ITEMS, 'lots a page of an enterprise list holds').to.be.within(2, 998);
    const importer = await onboardEnterprise('custodial', ['importer']);
    const receiver = await onboardEnterprise('custodial', ['coldStore']);
    const lots = Array.from({ length: ENTERPRISE_LIST_PAGE_ITEMS + 2 }, () => lotRegistration());
    const ids = lots.map((lot) => lotIdOf(lot.gtin as string, lot.lotNumber as string));
    // One transaction creates them all: every lot of it must still join the list.
    expect((await post(importer, '/coldchain/lots/batches', { lots })).status).to.equal(201);
    const shipped = ids[0];
    expect((await post(importer, '/coldchain/custody', custodyEvent('ship', shipped, at(0), Places.ningboPort, { to: receiver.id, quantity: 1000 }))).status).to.equal(201);

    const inTransit = await eventually('the shipment among my lots in transit', async () => {
      const { items } = await allPages<MyLot>(importer, '/me/lots?state=inTransit');
      return items.length > 0 ? items : undefined;
    }, 20_000);
    expect(inTransit.map((l) => [l.lotId, l.state, l.relations, l.consigneeId])).to.deep.equal([[shipped, 'inTransit', ['owner', 'custodian'], receiver.id]]);

    const first = await get<MyLot[]>(importer, '/me/lots');
    expect(first.headers.get('x-page')).to.equal('0');
    expect(first.headers.get('x-pages')).to.equal('2');
    expect(first.headers.get('link')).to.equal('</me/lots?page=1>; rel="next"');
    expect(first.body).to.have.length(ENTERPRISE_LIST_PAGE_ITEMS);
    const second = await get<MyLot[]>(importer, '/me/lots?page=1');
    expect(second.headers.get('x-page')).to.equal('1');
    expect(second.headers.get('link')).to.equal(null);
    const listed = [...first.body, ...second.body].map((l) => l.lotId);
    expect(listed).to.have.length(ids.length);
    expect(listed).to.have.members(ids);

    const inStock = await allPages<MyLot>(importer, '/me/lots?state=inStock');
    expect(inStock.pages[0].headers.get('link'), 'the next page keeps the filter').to.equal('</me/lots?state=inStock&page=1>; rel="next"');
    expect(inStock.items.map((l) => l.lotId)).to.have.members(ids.slice(1));
    expect(inStock.items.every((l) => l.state === 'inStock' && l.ownerId === importer.id)).to.equal(true);
    expect((await allPages<MyLot>(importer, '/me/lots?state=depleted')).items).to.deep.equal([]);

    const incoming = await allPages<MyLot>(receiver, '/me/lots?state=inTransit');
    expect(incoming.items.map((l) => [l.lotId, l.relations])).to.deep.equal([[shipped, ['consignee']]]);
    expect((await allPages<MyLot>(receiver, '/me/lots?state=inStock')).items).to.deep.equal([]);
    const badState = await get<{ detail: string }>(importer, '/me/lots?state=lost');
    expect(badState.status).to.equal(400);
    expect((await get(await testAdminToken(), '/me/lots')).status, 'an admin token has no lots of its own').to.equal(403);
  });

  it('lists the loggers I registered and the unit runs I commissioned, and nobody else\'s', async () => {
    const owner = await onboardEnterprise('custodial', ['importer']);
    const other = await onboardEnterprise('custodial', ['importer']);
    const loggerId = `urn:epc:id:giai:4000001.${uniqueId('me').replace(/-/g, '.').slice(0, 24)}`;
    expect((await post(owner, '/coldchain/loggers', { loggerId, description: 'reefer 7, rear door' })).status).to.equal(201);
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await post(owner, '/coldchain/lots', registration)).status).to.equal(201);
    const serialPrefix = uniqueSerialPrefix();
    expect((await post(owner, `/coldchain/lots/${encodeURIComponent(lotId)}/units`, { serialPrefix, from: 1, count: 20, eventTime: at(0) })).status).to.equal(201);

    const runs = await eventually('my unit run', async () => {
      const answer = await get<UnitRun[]>(owner, '/me/unit-runs');
      return answer.body.length > 0 ? answer : undefined;
    }, 20_000);
    expect(runs.body.map((r) => [r.lotId, r.serialPrefix, r.from, r.count, r.commissionedBy])).to.deep.equal([[lotId, serialPrefix, 1, 20, owner.id]]);
    expect([runs.headers.get('x-page'), runs.headers.get('x-pages'), runs.headers.get('link')]).to.deep.equal(['0', '1', null]);
    // The logger was registered in an earlier block, so it is projected too.
    const loggers = await get<TemperatureLogger[]>(owner, '/me/loggers');
    expect(loggers.body.map((l) => [l.loggerId, l.ownerId, l.description])).to.deep.equal([[loggerId, owner.id, 'reefer 7, rear door']]);

    const none = await get<unknown[]>(other, '/me/loggers');
    expect([none.status, none.body, none.headers.get('x-pages')]).to.deep.equal([200, [], '0']);
    expect((await get<unknown[]>(other, '/me/unit-runs')).body).to.deep.equal([]);
  });

  it('lists an alert for the lot\'s owner and custodian, lets the custodian acknowledge it with a comment, and refuses a stranger naming who may', async () => {
    const owner = await onboardEnterprise('custodial', ['importer']);
    const holder = await onboardEnterprise('custodial', ['coldStore']);
    const stranger = await onboardEnterprise('custodial', ['coldStore']);
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await post(owner, '/coldchain/lots', registration)).status).to.equal(201);
    expect((await post(owner, '/coldchain/custody', custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: holder.id, quantity: 1000 }))).status).to.equal(201);
    // Less received than shipped: the ledger raises a quantity alert on the lot.
    const receipt = custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 950 });
    expect((await post(holder, '/coldchain/custody', receipt)).status).to.equal(201);
    const alertId = `quantityMismatch:${receipt.eventId as string}`;

    const raised = await eventually('the alert among the owner\'s alerts', async () => (await allPages<RiskAlert>(owner, '/me/alerts')).items.find((a) => a.alertId === alertId), 20_000);
    expect(raised).to.include({ lotId, kind: 'quantityMismatch', status: 'open' });
    expect((await allPages<RiskAlert>(holder, '/me/alerts')).items.map((a) => a.alertId)).to.include(alertId);
    expect((await allPages<RiskAlert>(stranger, '/me/alerts')).items).to.deep.equal([]);

    const path = `/coldchain/lots/${encodeURIComponent(lotId)}/alerts/${encodeURIComponent(alertId)}/acknowledgements`;
    const refused = await post(stranger, path, { comment: 'not ours to answer' });
    expect(refused.status).to.equal(403);
    expect(refused.body.detail).to.equal(`only the owner ${owner.id} or the custodian ${holder.id} of lot ${lotId} may acknowledge its alerts; enterprise ${stranger.id} is neither`);

    const comment = 'Recounted on arrival: 50 kg short; carrier claim filed';
    const acknowledged = await post(holder, path, { comment });
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).to.equal(201);
    const [written] = (acknowledged.body.result as { alerts: RiskAlert[] }).alerts;
    expect(written).to.deep.include({ ...raised, status: 'acknowledged', ackBy: holder.id, comment, ackTxId: acknowledged.body.txId });

    const listed = await eventually('the acknowledgement among the owner\'s alerts', async () =>
      (await allPages<RiskAlert>(owner, '/me/alerts?status=acknowledged')).items.find((a) => a.alertId === alertId), 20_000);
    expect(listed).to.deep.equal(written);
    expect((await allPages<RiskAlert>(owner, '/me/alerts?status=open')).items.map((a) => a.alertId)).not.to.include(alertId);
    // The journey replaces the raised alert by its acknowledgement (written before the alert documents of the block).
    const journey = await api<{ alerts: RiskAlert[] }>(`/coldchain/lots/${encodeURIComponent(lotId)}/journey`, { token: owner.token });
    expect(journey.body.alerts.filter((a) => a.alertId === alertId)).to.deep.equal([written]);

    const again = await post(owner, path, { comment: 'seen it' });
    expect(again.status).to.equal(409);
    expect(again.body.detail).to.equal(`alert ${alertId} of lot ${lotId} was already acknowledged by ${holder.id} at ${written.ackAt as string}`);
    const unknown = await post(owner, `/coldchain/lots/${encodeURIComponent(lotId)}/alerts/${encodeURIComponent('excursion:2026-01-01T00:00:00.000Z')}/acknowledgements`, { comment: 'what alert?' });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.equal(`lot ${lotId} has no alert excursion:2026-01-01T00:00:00.000Z`);
  });

  it('pages the enterprise register by credit code, filtering each page as read', async () => {
    const admin = await testAdminToken();
    const coldStore = await onboardEnterprise('custodial', ['coldStore']);
    // No other code shares a valid code's first 17 characters: starting after them, the page opens with it.
    const after = coldStore.id.slice(0, 17);
    const page = await eventually('the new enterprise in the register', async () => {
      const answer = await get<{ id: string }[]>(admin, `/enterprises?limit=1&after=${after}`);
      return answer.status === 200 && answer.body.length > 0 ? answer : undefined;
    });
    expect(page.body.map((e) => e.id)).to.deep.equal([coldStore.id]);
    expect(page.headers.get('link')).to.equal(`</enterprises?limit=1&after=${coldStore.id}>; rel="next"`);
    const next = await get<{ id: string }[]>(admin, nextOf(page) as string);
    expect(next.body.length).to.be.at.most(1);
    expect(next.body.every((e) => e.id > coldStore.id)).to.equal(true);

    const importers = await get<{ id: string }[]>(admin, `/enterprises?kind=importer&limit=1&after=${after}`);
    expect(importers.body, 'a cold store is filtered out of its page').to.deep.equal([]);
    expect(importers.headers.get('link')).to.equal(`</enterprises?limit=1&after=${coldStore.id}&kind=importer>; rel="next"`);
    const bad = await get<{ detail: string }>(admin, '/enterprises?limit=0');
    expect(bad.status).to.equal(400);
  });
});
