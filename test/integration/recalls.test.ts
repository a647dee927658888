import { expect } from 'chai';
import {
  DEFAULT_RECALL_LEVELS,
  lotIdOf,
  MAX_RECALL_ITEMS,
  shanghaiDateOf,
  type ColdChainLot,
  type LineageLink,
  type LotHold,
  type Recall,
  type RecallHolder,
  type RecallLedgerUpdate,
  type RecallView,
} from '../../model/src';
import { asAdmin, enrollRegulator, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, evaluate, getLot, GTIN, newLotNumber, Places, record, scenarioClock, submit } from './coldchainFixtures';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { batchRegistration, codeOf, codesOf, commissionList, newIdCodes, productRegistration, registerTestProduct, submitDrug } from './drugFixtures';
import type { EnrolledIdentity } from '../../network/src/ca';

interface ResolverAnswer {
  banners: string[];
  lot: { hold?: LotHold };
}

type Opened = RecallLedgerUpdate & { lots: ColdChainLot[] };

describe('recalls reaching every lot made from the recalled lots', function () {
  this.timeout(600_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let processor: TestEnterprise;
  let coldStore: TestEnterprise;
  let stranger: TestEnterprise;
  let regulator: EnrolledIdentity;
  let adminToken: string;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer', 'wholesaler']);
    processor = await registerTestEnterprise(layout, 'supply', ['processor']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    stranger = await registerTestEnterprise(layout, 'supply', ['retailer']);
    regulator = await enrollRegulator(layout);
    adminToken = await testAdminToken();
  });

  const open = async (who: TestEnterprise | EnrolledIdentity, opening: Record<string, unknown>): Promise<Opened> =>
    (await submit(layout, who, 'recalls:openRecall', JSON.stringify({ opening }))) as unknown as Opened;
  const foodRecall = (lotIds: string[], level = 1): Record<string, unknown> => ({ reason: 'Listeria in a retained sample', domain: 'food', level, scope: { kind: 'lots', lotIds } });
  const resolve = async (lotId: string): Promise<ResolverAnswer | undefined> => {
    const answer = await fetch(`http://127.0.0.1:${layout.gatewayPort}/${lotId}`, { headers: { accept: 'application/json' } });
    return answer.status === 200 ? ((await answer.json()) as ResolverAnswer) : undefined;
  };
  const ship = async (from: TestEnterprise, to: TestEnterprise, lotId: string, quantity: number, at: string, received: string): Promise<void> => {
    await record(layout, from, custodyEvent('ship', lotId, at, Places.ningboPort, { to: to.registration.id, quantity }));
    await record(layout, to, custodyEvent('receive', lotId, received, Places.hangzhouColdStore, { decision: 'accept', quantity }));
  };

  /** The impact list as a test finds it by hand: every lot reachable through children, each with stock counted for its custodian. */
  const walkByHand = async (origin: string): Promise<Record<string, Record<string, number>>> => {
    // A regulator reads every lot whole (an enterprise sees others' lots as the public: no quantities).
    const reader = { identity: regulator } as unknown as TestEnterprise;
    const seen = new Set([origin]);
    for (let level = [origin]; level.length > 0; ) {
      const next: string[] = [];
      for (const lotId of level) {
        const { children } = await evaluate<{ children: LineageLink[] }>(layout, reader, 'coldchain:getLineage', lotId);
        for (const link of children) if (!seen.has(link.childId)) (seen.add(link.childId), next.push(link.childId));
      }
      level = next;
    }
    const holders: Record<string, Record<string, number>> = {};
    for (const lotId of seen) {
      const lot = await getLot(layout, reader, lotId);
      if (lot.quantityOnHand > 0) (holders[lot.custodianId] ??= {})[lotId] = lot.quantityOnHand;
    }
    return holders;
  };
  const asListed = (holders: readonly RecallHolder[]): Record<string, Record<string, number>> =>
    Object.fromEntries(holders.map((h) => [h.enterpriseId, Object.fromEntries(h.items.map((item) => [item.itemId, item.quantity]))]));

  it('lists every holder of the lot and of what was split, merged and transformed from it, holds them all, and completes once every holder reported', async () => {
    const at = scenarioClock();
    const origin = await createTestLot(layout, importer, { complete: true });
    const other = await createTestLot(layout, importer, { complete: true });
    const [s1, s2] = [lotIdOf(GTIN, newLotNumber()), lotIdOf(GTIN, newLotNumber())];
    await submit(layout, importer, 'coldchain:splitLot', JSON.stringify({
      eventId: uniqueId('split'), lotId: origin, eventTime: at(0), location: Places.ningboPort,
      children: [{ lotNumber: s1.split('/')[3], quantity: 300 }, { lotNumber: s2.split('/')[3], quantity: 200 }],
    }));
    await ship(importer, coldStore, s1, 300, at(1), at(3));
    const merged = lotIdOf(GTIN, newLotNumber());
    await submit(layout, importer, 'coldchain:mergeLots', JSON.stringify({ eventId: uniqueId('merge'), lotIds: [s2, other], child: { gtin: GTIN, lotNumber: merged.split('/')[3] }, eventTime: at(4), location: Places.ningboPort }));
    await ship(importer, processor, origin, 500, at(5), at(7));
    const cuts = lotIdOf(GTIN, newLotNumber());
    await submit(layout, processor, 'coldchain:transformLots', JSON.stringify({
      eventId: uniqueId('transform'), inputs: [{ lotId: origin, quantity: 400 }], eventTime: at(8), location: Places.hangzhouColdStore,
      outputs: [{ gtin: GTIN, lotNumber: cuts.split('/')[3], product: 'Lamb leg cuts', category: 'frozen', quantity: 1600, unit: 'piece', productionDate: '2026-11-01', expiryDate: '2027-11-01' }],
    }));

    const byHand = await walkByHand(origin);
    expect(byHand).to.deep.equal({
      [processor.registration.id]: { [origin]: 100, [cuts]: 1600 },
      [coldStore.registration.id]: { [s1]: 300 },
      [importer.registration.id]: { [merged]: 1200 },
    });

    const notOwner = await refusalOf(open(coldStore, foodRecall([s1])));
    expect(notOwner.kind).to.equal('FORBIDDEN');
    expect(notOwner.detail).to.include(`(${importer.registration.id})`);

    const opened = await open(importer, foodRecall([origin]));
    const [recall] = opened.recalls;
    expect(asListed(opened.recallHolders)).to.deep.equal(byHand);
    expect(recall).to.include({ responsibleId: importer.registration.id, state: 'open', itemCount: 4 });
    expect(recall.holderIds).to.deep.equal(Object.keys(byHand).sort());
    expect(opened.recallHolders.find((h) => h.enterpriseId === coldStore.registration.id)?.directConsignee, 'holds a lot the importer owns').to.equal(true);
    expect(opened.recallHolders.find((h) => h.enterpriseId === processor.registration.id)?.directConsignee, 'holds its own cuts too').to.equal(true);
    expect(opened.lots.map((lot) => lot.id)).to.have.members([origin, s1, s2, merged, cuts]);
    expect(Date.parse(recall.acknowledgeBy) - Date.parse(recall.openedAt)).to.equal((DEFAULT_RECALL_LEVELS.find((p) => p.domain === 'food' && p.level === 1)?.acknowledgeWithinHours ?? 0) * 3_600_000);

    // Derived lots' consumer pages name the recall.
    const pages = await eventually('the recall on the derived lots\' consumer pages', async () => {
      const answers = [await resolve(merged), await resolve(cuts)];
      return answers.every((answer) => answer?.banners.includes('recalled')) ? answers : undefined;
    });
    for (const page of pages) expect(page?.lot.hold?.reason).to.equal(`recall ${recall.recallId}: Listeria in a retained sample`);
    const shipCuts = await refusalOf(record(layout, processor, custodyEvent('ship', cuts, at(9), Places.hangzhouColdStore, { to: coldStore.registration.id, quantity: 10 })));
    expect(shipCuts.kind).to.equal('CONFLICT');

    const publicView = await eventually('the recall projected', async () => {
      const answer = await api<RecallView>(`/recalls/${recall.recallId}`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(publicView).to.deep.equal({
      audience: 'public',
      recall: { recallId: recall.recallId, reason: 'Listeria in a retained sample', domain: 'food', level: 1, scopeItems: [origin], state: 'open', openedAt: recall.openedAt },
    });

    const notListed = await refusalOf(submit(layout, stranger, 'recalls:acknowledge', recall.recallId));
    expect(notListed).to.deep.equal({ kind: 'FORBIDDEN', detail: `enterprise ${stranger.registration.id} is not in the impact list of recall ${recall.recallId}; only affected holders answer it` });
    const tooEarly = await refusalOf(submit(layout, stranger, 'recalls:markOverdue', recall.recallId));
    expect(tooEarly.kind).to.equal('CONFLICT');
    expect(tooEarly.detail).to.include('nobody is overdue yet');

    const overReport = await refusalOf(submit(layout, coldStore, 'recalls:report', recall.recallId, JSON.stringify({ items: [{ itemId: s1, withdrawn: 250, returned: 0, destroyed: 51 }] })));
    expect(overReport.kind).to.equal('CONFLICT');
    expect(overReport.detail).to.include(`come to 301 kg, more than the 300 kg ${coldStore.registration.id} held`);

    const acknowledged = (await submit(layout, coldStore, 'recalls:acknowledge', recall.recallId)) as unknown as RecallLedgerUpdate;
    expect(acknowledged.recallHolders[0]).to.include({ enterpriseId: coldStore.registration.id }).and.not.to.have.property('late');
    await submit(layout, coldStore, 'recalls:report', recall.recallId, JSON.stringify({ items: [{ itemId: s1, withdrawn: 0, returned: 300, destroyed: 0 }] }));
    await submit(layout, importer, 'recalls:report', recall.recallId, JSON.stringify({ items: [{ itemId: merged, withdrawn: 0, returned: 0, destroyed: 1200 }] }));
    const midway = await evaluate<RecallView>(layout, importer, 'recalls:getRecall', recall.recallId);
    expect(midway.recall.state).to.equal('open');
    // The responsible enterprise sees its direct consignees whole; the stranger only the public view.
    expect(midway.audience === 'party' && midway.holders.map((h) => 'items' in h)).to.deep.equal([true, true, true]);
    expect((await evaluate<RecallView>(layout, stranger, 'recalls:getRecall', recall.recallId)).audience).to.equal('public');
    const ofColdStore = await evaluate<RecallView>(layout, coldStore, 'recalls:getRecall', recall.recallId);
    expect(ofColdStore.audience === 'party' && ofColdStore.holders.map((h) => h.enterpriseId)).to.deep.equal([coldStore.registration.id]);

    await submit(layout, processor, 'recalls:report', recall.recallId, JSON.stringify({ items: [{ itemId: origin, withdrawn: 100, returned: 0, destroyed: 0 }, { itemId: cuts, withdrawn: 0, returned: 0, destroyed: 1600 }] }));
    expect((await evaluate<RecallView>(layout, importer, 'recalls:getRecall', recall.recallId)).recall.state).to.equal('completed');
    const secondReport = await refusalOf(submit(layout, processor, 'recalls:report', recall.recallId, JSON.stringify({ items: [{ itemId: cuts, withdrawn: 1, returned: 0, destroyed: 0 }] })));
    expect(secondReport.kind).to.equal('CONFLICT');

    const completed = await eventually('the completed recall in the regulator\'s list', async () => {
      const answer = await api<{ items: (Recall & { reported: number })[] }>('/regulator/recalls?state=completed', { token: adminToken });
      return answer.body.items?.find((item) => item.recallId === recall.recallId);
    });
    expect(completed).to.include({ state: 'completed', reported: 3 });
    const regulatorView = await api<RecallView>(`/recalls/${recall.recallId}`, { token: adminToken });
    expect(regulatorView.body.audience === 'regulator' && regulatorView.body.holders).to.have.length(3);
    expect((await refusalOf(submit(layout, regulator, 'recalls:closeRecall', recall.recallId, JSON.stringify({ reason: 'done' })))).kind).to.equal('CONFLICT');
  });

  it('lets a regulator open a recall and close it with a reason; only a regulator closes', async () => {
    const lot = await createTestLot(layout, importer, { complete: true });
    const opened = await open(regulator, foodRecall([lot], 2));
    const [recall] = opened.recalls;
    expect(recall.openedBy).to.include({ actorId: `regulator:${regulator.enrollmentId}`, regulator: true });
    expect(recall.responsibleId).to.equal(importer.registration.id);
    expect(opened.lots[0].hold).to.include({ state: 'recalled', setBy: `regulator:${regulator.enrollmentId}` });
    expect((await refusalOf(submit(layout, importer, 'recalls:closeRecall', recall.recallId, JSON.stringify({ reason: 'we think it is fine' })))).kind).to.equal('FORBIDDEN');
    const closed = (await submit(layout, regulator, 'recalls:closeRecall', recall.recallId, JSON.stringify({ reason: 'Retest negative; recall withdrawn' }))) as unknown as RecallLedgerUpdate;
    expect(closed.recalls[0]).to.include({ state: 'closed', closeReason: 'Retest negative; recall withdrawn', closedBy: `regulator:${regulator.enrollmentId}` });
    expect((await refusalOf(submit(layout, importer, 'recalls:acknowledge', recall.recallId))).kind).to.equal('CONFLICT');
    const listed = await eventually('the closed recall in the regulator\'s list', async () => {
      const answer = await api<{ items: Recall[] }>('/regulator/recalls?state=closed', { token: adminToken });
      return answer.body.items?.find((item) => item.recallId === recall.recallId);
    });
    expect(listed).to.include({ state: 'closed', closeReason: 'Retest negative; recall withdrawn' });
  });

  it('refuses a scope that matches nothing, holds no stock, or reaches more items than the bound', async () => {
    const missing = lotIdOf(GTIN, newLotNumber());
    const nothing = await refusalOf(open(importer, foodRecall([missing])));
    expect(nothing).to.deep.equal({ kind: 'NOT_FOUND', detail: `lot ${missing} does not exist` });
    const noBatch = await refusalOf(open(importer, { reason: 'r', domain: 'drug', level: 1, scope: { kind: 'product', productId: '6999999' } }));
    expect(noBatch.kind).to.equal('NOT_FOUND');
    const emptyRange = await api('/recalls', {
      token: adminToken, idempotencyKey: uniqueId('k'),
      body: { reason: 'r', domain: 'food', level: 1, scope: { kind: 'lotRange', gtin: GTIN, fromLotNumber: 'ZZZZZZZZZZZZZZZZZZZ0', toLotNumber: 'ZZZZZZZZZZZZZZZZZZZ1' } },
    });
    expect(emptyRange.status).to.equal(404);

    const at = scenarioClock();
    const big = await createTestLot(layout, importer, { complete: true });
    for (let split = 0; split < 3; split++) {
      const children = Array.from({ length: 70 }, () => ({ lotNumber: newLotNumber(), quantity: 1 }));
      await submit(layout, importer, 'coldchain:splitLot', JSON.stringify({ eventId: uniqueId('split'), lotId: big, eventTime: at(split), location: Places.ningboPort, children }));
    }
    const tooMuch = await refusalOf(open(importer, foodRecall([big])));
    expect(tooMuch.kind).to.equal('CONFLICT');
    expect(tooMuch.detail).to.include(`more than ${MAX_RECALL_ITEMS} items`);
    const overHttp = await api<{ detail: string }>('/recalls', { token: adminToken, idempotencyKey: uniqueId('k'), body: foodRecall([big]) });
    expect(overHttp.status).to.equal(409);
    expect(overHttp.body.detail).to.include(`more than ${MAX_RECALL_ITEMS} items`);
  });

  it('recalls a drug product: each batch with commissioned units counts for its marketing-authorisation holder, who alone (or a regulator) may open it', async () => {
    const holder = await registerTestEnterprise(layout, 'supply', ['drugMaker']);
    const { productId, idCodes } = await registerTestProduct(layout, holder);
    const [made, planned] = [batchRegistration(productId), batchRegistration(productId)];
    await submitDrug(layout, holder, 'registerBatch', JSON.stringify(made));
    await submitDrug(layout, holder, 'registerBatch', JSON.stringify(planned));
    await commissionList(layout, holder, productId, made.batchNumber as string, 'unit', codesOf(idCodes.unit, 1, 40), scenarioClock()(0));
    const opening = { reason: 'Dissolution out of specification', domain: 'drug', level: 2, scope: { kind: 'product', productId } };
    expect((await refusalOf(open(importer, opening))).kind).to.equal('FORBIDDEN');
    const opened = await open(holder, opening);
    expect(opened.recalls[0]).to.include({ responsibleId: holder.registration.id, domain: 'drug' });
    expect(opened.recalls[0].scopeItems).to.have.members([`${productId}/${made.batchNumber as string}`, `${productId}/${planned.batchNumber as string}`]);
    expect(asListed(opened.recallHolders)).to.deep.equal({ [holder.registration.id]: { [`${productId}/${made.batchNumber as string}`]: 40 } });
  });

  describe('a drug batch recall', () => {
    const at = scenarioClock();
    const idCodes = newIdCodes();
    const productId = idCodes.unit;
    const batchNumber = uniqueId('RB').replace(/[^A-Za-z0-9.-]/g, '').slice(-20);
    const batchId = `${productId}/${batchNumber}`;
    const unit = (n: number) => codeOf(idCodes.unit, n);
    const box = (n: number) => codeOf(idCodes.box, n);
    const kase = (n: number) => codeOf(idCodes.case, n);
    let maker: OnboardedEnterprise;
    let wholesaler: OnboardedEnterprise;
    let pharmacy: OnboardedEnterprise;
    let elsewhere: OnboardedEnterprise;
    const post = (token: string, route: string, body: unknown) => api<Record<string, unknown>>(route, { token, idempotencyKey: uniqueId('k'), body });
    const created = async (token: string, route: string, body: unknown): Promise<Record<string, unknown>> => {
      const answer = await post(token, route, body);
      expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).to.equal(201);
      return answer.body;
    };
    const move = (extra: Record<string, unknown>, hours: number) => ({ eventId: uniqueId('ev'), eventTime: at(hours), ...extra });
    const shipAndReceive = async (from: OnboardedEnterprise, to: OnboardedEnterprise, codes: string[], hours: number): Promise<void> => {
      await created(from.token, '/drug/shipments', move({ to: to.id, codes }, hours));
      await created(to.token, '/drug/receipts', move({ codes, decision: 'accept' }, hours + 0.5));
    };

    before(async () => {
      maker = await onboardEnterprise('custodial', ['drugMaker']);
      wholesaler = await onboardEnterprise('custodial', ['wholesaler']);
      pharmacy = await onboardEnterprise('custodial', ['pharmacy']);
      elsewhere = await onboardEnterprise('custodial', ['pharmacy']);
      for (const idCode of Object.values(idCodes)) await created(adminToken, '/admin/drug/identification-codes', { idCode, holderId: maker.id });
      await created(maker.token, '/drug/products', productRegistration(idCodes));
      await created(maker.token, '/drug/batches', { productId, batchNumber, productionDate: '2026-09-01', expiryDate: '2028-08-31', quantities: { unit: 100, box: 10, case: 5 } });
      // 50 units: 40 in four boxes of ten, two boxes a case; 10 stay loose with the maker.
      await created(maker.token, '/drug/commissionings', { productId, batchNumber, level: 'unit', codes: codesOf(idCodes.unit, 1, 50), eventTime: at(0) });
      await created(maker.token, '/drug/commissionings', { productId, batchNumber, level: 'box', codes: codesOf(idCodes.box, 1, 4), eventTime: at(0) });
      await created(maker.token, '/drug/commissionings', { productId, batchNumber, level: 'case', codes: codesOf(idCodes.case, 1, 2), eventTime: at(0) });
      await created(maker.token, '/drug/pack-uploads', { packs: [1, 2, 3, 4].map((b) => move({ parent: box(b), children: [{ idCode: idCodes.unit, from: b * 10 - 9, to: b * 10 }] }, 0.1)) });
      await created(maker.token, '/drug/pack-uploads', { packs: [move({ parent: kase(1), children: [box(1), box(2)] }, 0.2), move({ parent: kase(2), children: [box(3), box(4)] }, 0.2)] });
      // Both cases to the wholesaler; it opens one and sends a box on to the pharmacy, which sells three units.
      await shipAndReceive(maker, wholesaler, [kase(1), kase(2)], 1);
      await created(wholesaler.token, '/drug/unpacks', move({ parent: kase(1) }, 2));
      await shipAndReceive(wholesaler, pharmacy, [box(1)], 3);
      const sold = await post(pharmacy.token, '/drug/dispenses', { eventId: uniqueId('till'), kind: 'sale', location: { address: 'Pharmacy, 9 Jiefang Rd', region: '330602' }, units: [1, 2, 3].map((n) => ({ code: unit(n), eventTime: at(4) })) });
      expect(sold.status, JSON.stringify(sold.body)).to.equal(201);
    });

    it('lists every holder with the units it holds, holds the batch so every code verifies as recalled, and checks who answers and how much', async () => {
      // By hand: the maker keeps 50 − 40 shipped; the wholesaler 40 − 10 passed on; the pharmacy its 10 (3 sold, which it reports).
      const byHand = { [maker.id]: { [batchId]: 10 }, [wholesaler.id]: { [batchId]: 30 }, [pharmacy.id]: { [batchId]: 10 } };
      const opening = { reason: 'Impurity above the limit', domain: 'drug', level: 1, scope: { kind: 'batches', batches: [{ productId, batchNumber }] } };
      expect((await post(wholesaler.token, '/recalls', opening)).status, 'only the holder or a regulator opens it').to.equal(403);
      const answer = await created(maker.token, '/recalls', opening);
      const openedAt = Date.now();
      const opened = answer.result as Opened & { drug?: { batches: { id: string; hold?: { state: string; reason: string } }[] } };
      const [recall] = opened.recalls;
      expect(asListed(opened.recallHolders)).to.deep.equal(byHand);
      expect(opened.recallHolders.every((h) => h.items.every((item) => item.kind === 'batch' && item.unit === 'unit'))).to.equal(true);
      const direct = Object.fromEntries(opened.recallHolders.map((h) => [h.enterpriseId, h.directConsignee]));
      expect(direct).to.deep.equal({ [maker.id]: true, [wholesaler.id]: true, [pharmacy.id]: false });
      expect(opened.drug?.batches.map((b) => [b.id, b.hold?.state, b.hold?.reason])).to.deep.equal([[batchId, 'recalled', `recall ${recall.recallId}: Impurity above the limit`]]);

      // A code of the batch in the wholesaler's stock, scanned after the opening: recalled within 2 s, through the API and the resolver.
      const verdict = await eventually('the recall on the batch\'s codes', async () => {
        const scanned = await api<{ verdict: string }>(`/drug/codes/${unit(15)}`);
        return scanned.body.verdict === 'recalled' ? Date.now() - openedAt : undefined;
      }, 2_000);
      expect(verdict).to.be.below(2_000);
      const page = (await (await fetch(`http://127.0.0.1:${layout.gatewayPort}/drugcodes/${unit(45)}`, { headers: { accept: 'application/json' } })).json()) as { verdict: string };
      expect(page.verdict).to.equal('recalled');
      expect(await (await fetch(`http://127.0.0.1:${layout.gatewayPort}/drugcodes/${unit(25)}?lang=en`)).text()).to.include('This drug is RECALLED');
      // Held stock does not move.
      expect((await post(wholesaler.token, '/drug/shipments', move({ to: pharmacy.id, codes: [box(2)] }, 5))).status).to.equal(409);

      // Only listed holders answer; a holder reports at most what it held.
      expect((await post(elsewhere.token, `/recalls/${recall.recallId}/acknowledgement`, {})).status).to.equal(403);
      const overReport = await post(pharmacy.token, `/recalls/${recall.recallId}/report`, { items: [{ itemId: batchId, withdrawn: 7, returned: 0, destroyed: 4 }] });
      expect(overReport.status, JSON.stringify(overReport.body)).to.equal(409);
      await created(pharmacy.token, `/recalls/${recall.recallId}/report`, { items: [{ itemId: batchId, withdrawn: 7, returned: 0, destroyed: 0 }], note: '3 sold before the notice' });

      // The maker sees its direct consignee's quantities, and of the pharmacy further down only its progress.
      const holders = await eventually('the report projected', async () => {
        const view = await api<RecallView>(`/recalls/${recall.recallId}`, { token: maker.token });
        return view.body.audience === 'party' && view.body.holders.some((h) => h.enterpriseId === pharmacy.id && h.reportedAt) ? view.body.holders : undefined;
      });
      expect(holders.find((h) => h.enterpriseId === wholesaler.id)).to.have.property('items');
      expect(holders.find((h) => h.enterpriseId === pharmacy.id)).to.not.have.property('items');
    });
  });

  describe('deadlines', () => {
    const policy = DEFAULT_RECALL_LEVELS.find((p) => p.domain === 'food' && p.level === 3);
    after(async () => {
      // Back to the default the other suites expect.
      await asAdmin(layout, (contract) => contract.submitTransaction('reference:putEntry', 'recallLevel', JSON.stringify(policy)));
    });

    it('counts working days from the opening\'s Shanghai day, skipping the holidays of the calendar on chain', async () => {
      await asAdmin(layout, (contract) => contract.submitTransaction('reference:putEntry', 'recallLevel', JSON.stringify({ domain: 'food', level: 3, acknowledgeWithinHours: 72, finishWithinWorkingDays: 2 })));
      // The next three weekdays after today (Shanghai) become holidays.
      const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const weekday = (date: string): boolean => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      const today = shanghaiDateOf(Date.now() + 60_000);
      const holidays: string[] = [];
      let day = today;
      while (holidays.length < 3) if (weekday((day = dayAfter(day)))) holidays.push(day);
      const working: string[] = [];
      while (working.length < 2) if (weekday((day = dayAfter(day)))) working.push(day);
      for (const year of [...new Set(holidays.map((d) => Number(d.slice(0, 4))))]) {
        const calendar = { year, holidays: holidays.filter((d) => d.startsWith(String(year))), workdays: [] };
        await asAdmin(layout, (contract) => contract.submitTransaction('reference:putEntry', 'workingCalendar', JSON.stringify(calendar)));
      }
      const lot = await createTestLot(layout, importer, { complete: true });
      const [recall] = (await open(importer, foodRecall([lot], 3))).recalls;
      expect(shanghaiDateOf(recall.openedAt)).to.equal(today);
      expect(recall.finishBy).to.equal(working[1]);
      expect(Date.parse(recall.acknowledgeBy) - Date.parse(recall.openedAt)).to.equal(72 * 3_600_000);
    });
  });
});
