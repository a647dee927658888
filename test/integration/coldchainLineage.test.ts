import { expect } from 'chai';
import { lotIdOf, type ColdChainLot, type LineageLink, type LotLineage, type LotTrace } from '../../model/src';
import { asAdmin, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, evaluate, GTIN, getLot, newLotNumber, Places, scenarioClock, submit } from './coldchainFixtures';
import { api, eventually, testAdminToken } from './gatewayClient';

/** Each link as `[parentId, childId, quantity, childQuantity]`, sorted, for comparing whole sets of links. */
const figures = (links: readonly LineageLink[]): [string, string, number, number | undefined][] =>
  links.map((l): [string, string, number, number | undefined] => [l.parentId, l.childId, l.quantity, l.childQuantity]).sort((a, b) => `${a[0]}>${a[1]}`.localeCompare(`${b[0]}>${b[1]}`));

describe('cold-chain lineage', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let processor: TestEnterprise;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer', 'wholesaler']);
    processor = await registerTestEnterprise(layout, 'supply', ['processor']);
  });

  const split = (lotId: string, eventTime: string, children: { lotNumber: string; quantity: number }[]): Record<string, unknown> => ({
    eventId: uniqueId('split'),
    lotId,
    eventTime,
    location: Places.ningboPort,
    children,
  });

  it('splits a lot into children that carry its documents, conserving quantity, with lineage visible both ways', async () => {
    const at = scenarioClock();
    const parentId = await createTestLot(layout, importer, { complete: true });
    const [a, b] = [newLotNumber(), newLotNumber()];
    const update = await submit(layout, importer, 'coldchain:splitLot', JSON.stringify(split(parentId, at(0), [{ lotNumber: a, quantity: 600 }, { lotNumber: b, quantity: 300 }])));
    const parent = update.lots.find((l) => l.id === parentId) as ColdChainLot;
    expect([parent.quantityOnHand, parent.quantityToChildren, parent.status]).to.deep.equal([100, 900, 'inStock']);
    const childIds = [lotIdOf(GTIN, a), lotIdOf(GTIN, b)];
    const children = childIds.map((id) => update.lots.find((l) => l.id === id) as ColdChainLot);
    expect(children.map((c) => c.initialQuantity)).to.deep.equal([600, 300]);
    expect(children.map((c) => c.documentStatus)).to.deep.equal(['complete', 'complete']);
    expect(children[0].parents).to.deep.equal([parentId]);

    const forward = await evaluate<LotLineage>(layout, importer, 'coldchain:getLineage', parentId);
    expect(forward.children.map((l) => l.childId).sort()).to.deep.equal([...childIds].sort());
    const back = await evaluate<LotLineage>(layout, importer, 'coldchain:getLineage', childIds[0]);
    expect(back.parents.map((l) => [l.parentId, l.kind, l.quantity])).to.deep.equal([[parentId, 'split', 600]]);
  });

  it("writes each split link with the child's own quantity (500 into 300 and 200), on the ledger and in trace/forward", async () => {
    const at = scenarioClock();
    const parentId = await createTestLot(layout, importer, { overrides: { quantity: 500 } });
    const [a, b] = [newLotNumber(), newLotNumber()];
    await submit(layout, importer, 'coldchain:splitLot', JSON.stringify(split(parentId, at(0), [{ lotNumber: a, quantity: 300 }, { lotNumber: b, quantity: 200 }])));
    const [childA, childB] = [lotIdOf(GTIN, a), lotIdOf(GTIN, b)];
    const expected = figures([
      { parentId, childId: childA, quantity: 300, childQuantity: 300 },
      { parentId, childId: childB, quantity: 200, childQuantity: 200 },
    ] as LineageLink[]);

    const lineage = await evaluate<LotLineage>(layout, importer, 'coldchain:getLineage', parentId);
    expect(figures(lineage.children)).to.deep.equal(expected);
    for (const link of lineage.children) {
      expect(link.quantity).to.equal((await getLot(layout, importer, link.childId)).initialQuantity);
    }
    const backFromB = await evaluate<LotLineage>(layout, importer, 'coldchain:getLineage', childB);
    expect(figures(backFromB.parents)).to.deep.equal(expected.filter(([, childId]) => childId === childB));
    expect(figures((await evaluate<LotTrace>(layout, importer, 'coldchain:traceLot', parentId)).links)).to.deep.equal(expected);

    const projected = await eventually('the split in trace/forward', async () => {
      // Link quantities are not public: read as a regulator (the admin's token).
      const answer = await api<{ links: LineageLink[] }>(`/coldchain/lots/${encodeURIComponent(parentId)}/trace/forward?hops=1`, { token: await testAdminToken() });
      return answer.status === 200 && answer.body.links.length === 2 ? answer.body.links : undefined;
    });
    expect(figures(projected)).to.deep.equal(expected);
  });

  it('refuses to correct a link that is already right (nothing to correct), one the caller may not correct, and one that does not exist', async () => {
    const at = scenarioClock();
    const parentId = await createTestLot(layout, importer, { overrides: { quantity: 500 } });
    const piece = newLotNumber();
    await submit(layout, importer, 'coldchain:splitLot', JSON.stringify(split(parentId, at(0), [{ lotNumber: piece, quantity: 300 }])));
    const childId = lotIdOf(GTIN, piece);

    expect(await refusalOf(submit(layout, importer, 'coldchain:correctLineage', parentId, childId))).to.deep.equal({
      kind: 'CONFLICT',
      detail: `nothing to correct: the split link from lot ${parentId} to lot ${childId} already says 300 kg`,
    });
    expect(await refusalOf(asAdmin(layout, (contract) => contract.submitTransaction('coldchain:correctLineage', parentId, childId)))).to.include({ kind: 'CONFLICT' });
    expect(await refusalOf(submit(layout, processor, 'coldchain:correctLineage', parentId, childId))).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `only the platform admin or the owner of lot ${parentId} or of lot ${childId} may correct the link between them; caller is ${processor.registration.id}`,
    });
    expect(await refusalOf(submit(layout, importer, 'coldchain:correctLineage', childId, parentId))).to.deep.equal({
      kind: 'NOT_FOUND',
      detail: `no lineage link leads from lot ${childId} to lot ${parentId}`,
    });
    const throughGateway = await api<{ detail: string }>('/coldchain/lineage/corrections', {
      token: await testAdminToken(),
      idempotencyKey: uniqueId('correct'),
      body: { parentId, childId },
    });
    expect([throughGateway.status, throughGateway.body.detail]).to.deep.equal([409, `nothing to correct: the split link from lot ${parentId} to lot ${childId} already says 300 kg`]);
    const lineage = await evaluate<LotLineage>(layout, importer, 'coldchain:getLineage', childId);
    expect(lineage.parents.map((l) => [l.quantity, l.correctionTxId])).to.deep.equal([[300, undefined]]);
  });

  it('refuses a split whose children hold more than the lot has on hand', async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:splitLot', JSON.stringify(split(lotId, at(0), [{ lotNumber: newLotNumber(), quantity: 700 }, { lotNumber: newLotNumber(), quantity: 301 }]))));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: `lot ${lotId} has 1000 kg on hand, less than the 1001 kg to split` });
  });

  it('merges lots into one holding their sum, and traces across split and merge in both directions', async () => {
    const at = scenarioClock();
    const first = await createTestLot(layout, importer, { complete: true });
    const second = await createTestLot(layout, importer, { complete: true, overrides: { storageRange: { minTenthsC: -300, maxTenthsC: -200 } } });
    const piece = newLotNumber();
    await submit(layout, importer, 'coldchain:splitLot', JSON.stringify(split(first, at(0), [{ lotNumber: piece, quantity: 250 }])));
    const pieceId = lotIdOf(GTIN, piece);
    const mergedNumber = newLotNumber();
    const merged = await submit(layout, importer, 'coldchain:mergeLots', JSON.stringify({
      eventId: uniqueId('merge'),
      lotIds: [pieceId, second],
      child: { gtin: GTIN, lotNumber: mergedNumber },
      eventTime: at(1),
      location: Places.ningboPort,
    }));
    const mergedId = lotIdOf(GTIN, mergedNumber);
    const mergedLot = merged.lots.find((l) => l.id === mergedId) as ColdChainLot;
    expect(mergedLot).to.include({ initialQuantity: 1250, ownerId: importer.registration.id, originCountry: 'NZ' });
    expect(mergedLot.storageRange).to.deep.equal({ minTenthsC: -300, maxTenthsC: -200 });
    expect((await getLot(layout, importer, second)).status).to.equal('depleted');
    // Merge links carry what each parent gave up (all it had on hand); together they make the child.
    const mergeLinks = (await evaluate<LotLineage>(layout, importer, 'coldchain:getLineage', mergedId)).parents;
    expect(figures(mergeLinks)).to.deep.equal(figures([
      { parentId: pieceId, childId: mergedId, quantity: 250, childQuantity: 1250 },
      { parentId: second, childId: mergedId, quantity: 1000, childQuantity: 1250 },
    ] as LineageLink[]));
    expect(mergeLinks.reduce((sum, l) => sum + l.quantity, 0)).to.equal(mergedLot.initialQuantity);

    const fromMerged = await evaluate<LotTrace>(layout, importer, 'coldchain:traceLot', mergedId);
    expect([...fromMerged.ancestors].sort()).to.deep.equal([first, pieceId, second].sort());
    expect(fromMerged.descendants).to.deep.equal([]);
    const fromFirst = await evaluate<LotTrace>(layout, importer, 'coldchain:traceLot', first);
    expect(fromFirst.descendants).to.deep.equal([pieceId, mergedId]);
  });

  it('lets a processor transform carcasses into cuts, keeping the inputs as parents, and refuses it to others', async () => {
    const at = scenarioClock();
    const carcasses = await createTestLot(layout, importer, { complete: true, overrides: { product: 'Frozen lamb carcasses' } });
    await submit(layout, importer, 'coldchain:recordCustody', JSON.stringify({
      eventId: uniqueId('ship'), action: 'ship', lotId: carcasses, eventTime: at(0), location: Places.ningboPort, to: processor.registration.id, quantity: 1000,
    }));
    await submit(layout, processor, 'coldchain:recordCustody', JSON.stringify({
      eventId: uniqueId('receive'), action: 'receive', decision: 'accept', quantity: 1000, lotId: carcasses, eventTime: at(3), location: Places.hangzhouColdStore,
    }));
    const [cuts, trim] = [newLotNumber(), newLotNumber()];
    const output = { gtin: GTIN, lotNumber: cuts, product: 'Lamb leg cuts', category: 'frozen', quantity: 2400, unit: 'piece', productionDate: '2026-11-01', expiryDate: '2027-11-01' };
    const trimOutput = { ...output, lotNumber: trim, product: 'Lamb trim', quantity: 150, unit: 'kg' };
    const transform = { eventId: uniqueId('transform'), inputs: [{ lotId: carcasses, quantity: 800 }], outputs: [output, trimOutput], eventTime: at(5), location: Places.hangzhouColdStore };
    const update = await submit(layout, processor, 'coldchain:transformLots', JSON.stringify(transform));
    const cutsLot = update.lots.find((l) => l.id === lotIdOf(GTIN, cuts)) as ColdChainLot;
    expect(cutsLot).to.include({ ownerId: processor.registration.id, lotType: 'imported', documentStatus: 'complete', unit: 'piece' });
    const lineage = await evaluate<LotLineage>(layout, processor, 'coldchain:getLineage', cutsLot.id);
    expect(lineage.parents.map((l) => [l.parentId, l.kind, l.quantity])).to.deep.equal([[carcasses, 'transform', 800]]);
    // Every output's link carries the input's whole consumed quantity (kg) and the output's own quantity (its unit).
    const fromCarcasses = await evaluate<LotLineage>(layout, processor, 'coldchain:getLineage', carcasses);
    expect(figures(fromCarcasses.children)).to.deep.equal(figures([
      { parentId: carcasses, childId: cutsLot.id, quantity: 800, childQuantity: 2400 },
      { parentId: carcasses, childId: lotIdOf(GTIN, trim), quantity: 800, childQuantity: 150 },
    ] as LineageLink[]));

    const refusal = await refusalOf(submit(layout, importer, 'coldchain:transformLots', JSON.stringify({ ...transform, eventId: uniqueId('transform'), outputs: [{ ...output, lotNumber: newLotNumber() }] })));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `only a processor or producer may transform lots; enterprise ${importer.registration.id} is importer, wholesaler` });
  });
});
