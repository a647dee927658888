import { expect } from 'chai';
import { lotIdOf, type ColdChainLot, type LotHold } from '../../model/src';
import { enrollRegulator, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, getLot, GTIN, newLotNumber, Places, record, scenarioClock, submit } from './coldchainFixtures';
import { eventually } from './gatewayClient';

/** What the resolver answers a consumer's phone asking for JSON: the banners and the lot as projected. */
interface ResolverAnswer {
  banners: string[];
  lot: { hold?: LotHold };
}

describe('cold-chain holds reaching lots made from the held lot', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let coldStore: TestEnterprise;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer', 'wholesaler']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
  });

  const resolve = async (lotId: string): Promise<ResolverAnswer | undefined> => {
    const answer = await fetch(`http://127.0.0.1:${layout.gatewayPort}/${lotId}`, { headers: { accept: 'application/json' } });
    return answer.status === 200 ? ((await answer.json()) as ResolverAnswer) : undefined;
  };

  const splitOff = async (lotId: string, eventTime: string, quantities: number[]): Promise<string[]> => {
    const children = quantities.map((quantity) => ({ lotNumber: newLotNumber(), quantity }));
    await submit(layout, importer, 'coldchain:splitLot', JSON.stringify({ eventId: uniqueId('split'), lotId, eventTime, location: Places.ningboPort, children }));
    return children.map((child) => lotIdOf(GTIN, child.lotNumber));
  };

  const merge = async (lotIds: string[], eventTime: string): Promise<string> => {
    const lotNumber = newLotNumber();
    await submit(layout, importer, 'coldchain:mergeLots', JSON.stringify({ eventId: uniqueId('merge'), lotIds, child: { gtin: GTIN, lotNumber }, eventTime, location: Places.ningboPort }));
    return lotIdOf(GTIN, lotNumber);
  };

  const holdOf = (lots: readonly ColdChainLot[], lotId: string): [string | undefined, string | undefined] => {
    const lot = lots.find((l) => l.id === lotId);
    return [lot?.hold?.state, lot?.hold?.inheritedFrom];
  };

  it('recalls the lots split and merged from a recalled lot, naming it, on the consumer page within 2 s, and frees them when it is lifted there', async () => {
    const at = scenarioClock();
    const origin = await createTestLot(layout, importer, { complete: true });
    const other = await createTestLot(layout, importer, { complete: true });
    const [split, toMerge] = await splitOff(origin, at(0), [600, 400]);
    const merged = await merge([toMerge, other], at(1));
    await eventually('the derived lots on the consumer page', async () => ((await resolve(split)) && (await resolve(merged)) ? true : undefined));
    expect((await resolve(merged))?.banners).not.to.include('recalled');

    const reason = 'Listeria in a retained sample';
    // submit answers once the transaction is committed: from then on, the consumer has 2 s.
    const recalled = await submit(layout, importer, 'coldchain:setHold', origin, JSON.stringify({ state: 'recalled', reason }));
    const started = Date.now();
    const pages = await eventually('the recall on the derived lots\' consumer pages', async () => {
      const answers = [await resolve(split), await resolve(merged)];
      return answers.every((answer) => answer?.banners.includes('recalled')) ? answers : undefined;
    }, 2_000);
    expect(Date.now() - started).to.be.at.most(2_000);
    expect(pages.map((page) => page?.lot.hold?.inheritedFrom)).to.deep.equal([origin, origin]);

    expect(recalled.lots[0].id).to.equal(origin);
    expect(recalled.lots.map((lot) => lot.id)).to.have.members([origin, split, toMerge, merged]);
    expect([split, toMerge, merged].map((lotId) => holdOf(recalled.lots, lotId))).to.deep.equal([['recalled', origin], ['recalled', origin], ['recalled', origin]]);
    expect((await getLot(layout, importer, other)).hold).to.equal(undefined);

    const ship = await refusalOf(record(layout, importer, custodyEvent('ship', split, at(2), Places.ningboPort, { to: coldStore.registration.id, quantity: 600 })));
    expect(ship).to.deep.equal({
      kind: 'CONFLICT',
      detail: `lot ${split} is recalled (${reason}) with lot ${origin} it was made from, and cannot be shipped until the hold is lifted at lot ${origin}`,
    });
    const shipMerged = await refusalOf(record(layout, importer, custodyEvent('ship', merged, at(2), Places.ningboPort, { to: coldStore.registration.id, quantity: 1400 })));
    expect([shipMerged.kind, shipMerged.detail]).to.deep.equal(['CONFLICT', `lot ${merged} is recalled (${reason}) with lot ${origin} it was made from, and cannot be shipped until the hold is lifted at lot ${origin}`]);

    const liftAtChild = await refusalOf(submit(layout, importer, 'coldchain:liftHold', split, JSON.stringify({ reason: 'not ours' })));
    expect(liftAtChild).to.deep.equal({ kind: 'CONFLICT', detail: `lot ${split} is recalled with lot ${origin} it was made from; the hold is lifted at lot ${origin}` });

    const lifted = await submit(layout, importer, 'coldchain:liftHold', origin, JSON.stringify({ reason: 'retest negative' }));
    expect(lifted.lots.map((lot) => lot.id)).to.have.members([origin, split, toMerge, merged]);
    expect(lifted.lots.map((lot) => lot.hold)).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(lifted.lots.find((lot) => lot.id === merged)?.liftedHold).to.include({ state: 'recalled', inheritedFrom: origin, liftReason: `lifted at lot ${origin}: retest negative` });
    const shipped = await record(layout, importer, custodyEvent('ship', split, at(3), Places.ningboPort, { to: coldStore.registration.id, quantity: 600 }));
    expect(shipped.lots[0]).to.include({ id: split, status: 'inTransit' });
    await eventually('the recall gone from the merged lot\'s consumer page', async () => ((await resolve(merged))?.banners.includes('recalled') === false ? true : undefined));
  });

  it('keeps a lot made from two held lots held until both are lifted, naming the one still held', async () => {
    const at = scenarioClock();
    const first = await createTestLot(layout, importer, { complete: true });
    const second = await createTestLot(layout, importer, { complete: true });
    const [piece] = await splitOff(first, at(0), [400]);
    const merged = await merge([piece, second], at(1));

    const quarantined = await submit(layout, importer, 'coldchain:setHold', second, JSON.stringify({ state: 'quarantined', reason: 'documents under review' }));
    expect(holdOf(quarantined.lots, merged)).to.deep.equal(['quarantined', second]);
    // The merged lot is held already; the recall stops there (what was made from it holds too).
    const recalled = await submit(layout, importer, 'coldchain:setHold', first, JSON.stringify({ state: 'recalled', reason: 'foreign body found' }));
    expect(recalled.lots.map((lot) => lot.id)).to.have.members([first, piece]);
    expect(holdOf(recalled.lots, piece)).to.deep.equal(['recalled', first]);

    const quarantineLifted = await submit(layout, importer, 'coldchain:liftHold', second, JSON.stringify({ reason: 'documents complete' }));
    expect(holdOf(quarantineLifted.lots, merged)).to.deep.equal(['recalled', first]);
    const recallLifted = await submit(layout, importer, 'coldchain:liftHold', first, JSON.stringify({ reason: 'retest negative' }));
    expect([piece, merged].map((lotId) => holdOf(recallLifted.lots, lotId))).to.deep.equal([[undefined, undefined], [undefined, undefined]]);
    expect((await getLot(layout, importer, merged)).hold).to.equal(undefined);
  });

  it("lets a regulator make an inherited hold a lot's own, which then outlasts the lift at the origin", async () => {
    const at = scenarioClock();
    const regulator = await enrollRegulator(layout);
    const origin = await createTestLot(layout, importer, { complete: true });
    const [child] = await splitOff(origin, at(0), [300]);
    await submit(layout, regulator, 'coldchain:setHold', origin, JSON.stringify({ state: 'recalled', reason: 'official sampling' }));
    expect((await getLot(layout, importer, child)).hold).to.include({ state: 'recalled', inheritedFrom: origin });

    const ownerTry = await refusalOf(submit(layout, importer, 'coldchain:setHold', child, JSON.stringify({ state: 'quarantined', reason: 'own check' })));
    expect(ownerTry.kind).to.equal('CONFLICT');
    expect(ownerTry.detail).to.match(new RegExp(`^lot ${child} is already recalled since .*, with lot ${origin} it was made from$`));
    const own = await submit(layout, regulator, 'coldchain:setHold', child, JSON.stringify({ state: 'recalled', reason: 'traced to a second source' }));
    expect(own.lots[0].hold).to.include({ state: 'recalled', reason: 'traced to a second source' });
    expect(own.lots[0].hold?.inheritedFrom).to.equal(undefined);

    await submit(layout, regulator, 'coldchain:liftHold', origin, JSON.stringify({ reason: 'samples passed' }));
    expect((await getLot(layout, importer, child)).hold).to.include({ reason: 'traced to a second source' });
    const freed = await submit(layout, regulator, 'coldchain:liftHold', child, JSON.stringify({ reason: 'second source cleared' }));
    expect(freed.lots[0].hold).to.equal(undefined);
  });
});
