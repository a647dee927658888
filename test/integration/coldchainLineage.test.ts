import { expect } from 'chai';
import { lotIdOf, type ColdChainLot, type LotLineage, type LotTrace } from '../../model/src';
import { refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, evaluate, GTIN, getLot, newLotNumber, Places, scenarioClock, submit } from './coldchainFixtures';

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
    expect(back.parents.map((l) => [l.parentId, l.kind, l.quantity])).to.deep.equal([[parentId, 'split', 900]]);
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
    const cuts = newLotNumber();
    const output = { gtin: GTIN, lotNumber: cuts, product: 'Lamb leg cuts', category: 'frozen', quantity: 2400, unit: 'piece', productionDate: '2026-11-01', expiryDate: '2027-11-01' };
    const transform = { eventId: uniqueId('transform'), inputs: [{ lotId: carcasses, quantity: 800 }], outputs: [output], eventTime: at(5), location: Places.hangzhouColdStore };
    const update = await submit(layout, processor, 'coldchain:transformLots', JSON.stringify(transform));
    const cutsLot = update.lots.find((l) => l.id === lotIdOf(GTIN, cuts)) as ColdChainLot;
    expect(cutsLot).to.include({ ownerId: processor.registration.id, lotType: 'imported', documentStatus: 'complete', unit: 'piece' });
    const lineage = await evaluate<LotLineage>(layout, processor, 'coldchain:getLineage', cutsLot.id);
    expect(lineage.parents.map((l) => [l.parentId, l.kind, l.quantity])).to.deep.equal([[carcasses, 'transform', 800]]);

    const refusal = await refusalOf(submit(layout, importer, 'coldchain:transformLots', JSON.stringify({ ...transform, eventId: uniqueId('transform'), outputs: [{ ...output, lotNumber: newLotNumber() }] })));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `only a processor or producer may transform lots; enterprise ${importer.registration.id} is importer, wholesaler` });
  });
});
