import { expect } from 'chai';
import type { CodeVerification } from '../../chaincode/src/drug/codeReads';
import type { DrugPack } from '../../model/src';
import { scenarioClock } from './coldchainFixtures';
import { batchRegistration, type CodeList, codeOf, codesOf, commissionList, evaluateDrug, HANGZHOU, registerTestProduct, SHAOXING, submitDrug } from './drugFixtures';
import { refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, uniqueUscc, type TestEnterprise } from './testNetwork';

/**
 * The drug domain on the real network, as the tests list it: a holder's codes travel by case
 * to a wholesaler, by box to a pharmacy, and are dispensed once; everything hostile or impossible on
 * the way is refused by the chaincode itself.
 */
describe('drug codes: commissioning, packing, distribution and one-use dispensing', function () {
  this.timeout(600_000);
  const layout = testLayout();
  const at = scenarioClock();
  let holder: TestEnterprise;
  let wholesaler: TestEnterprise;
  let pharmacy: TestEnterprise;
  let otherPharmacy: TestEnterprise;
  let rival: TestEnterprise;
  let productId: string;
  let idCodes: Record<'unit' | 'box' | 'case', string>;
  let batchNumber: string;
  let units: CodeList;
  let boxes: CodeList;
  let cases: CodeList;
  const unit = (n: number) => codeOf(idCodes.unit, n);
  const box = (n: number) => codeOf(idCodes.box, n);
  const kase = (n: number) => codeOf(idCodes.case, n);
  const move = (extra: Record<string, unknown>, hours: number) => ({ eventId: uniqueId('ev'), eventTime: at(hours), ...extra });
  const pack = (who: TestEnterprise, parent: { code: string; proof: unknown }, children: unknown[], hours: number) => submitDrug(layout, who, 'pack', JSON.stringify(move({ parent, children }, hours)));
  const ship = (who: TestEnterprise, to: TestEnterprise | string, codes: { code: string; proof: unknown }[], hours: number) =>
    submitDrug(layout, who, 'ship', JSON.stringify(move({ to: typeof to === 'string' ? to : to.registration.id, codes }, hours)));
  const receive = (who: TestEnterprise, codes: { code: string; proof: unknown }[], hours: number) => submitDrug(layout, who, 'receive', JSON.stringify(move({ codes, decision: 'accept' }, hours)));
  const unpack = (who: TestEnterprise, parent: { code: string; proof: unknown }, hours: number) => submitDrug(layout, who, 'unpack', JSON.stringify(move({ parent }, hours)));
  const dispense = (who: TestEnterprise, codes: string[], hours: number, location: Record<string, string> = SHAOXING) =>
    submitDrug(layout, who, 'dispense', JSON.stringify({ eventId: uniqueId('till'), kind: 'sale', location, units: codes.map((code) => ({ ...units.proven(code), eventTime: at(hours) })) }));
  const verify = (who: TestEnterprise, code: string, list = units) => evaluateDrug<CodeVerification>(layout, who, 'verifyCode', code, JSON.stringify(list.proof(code)));

  before(async () => {
    requireNetwork();
    holder = await registerTestEnterprise(layout, 'supply', ['drugMaker']);
    wholesaler = await registerTestEnterprise(layout, 'supply', ['drugWholesaler']);
    pharmacy = await registerTestEnterprise(layout, 'supply', ['pharmacy']);
    otherPharmacy = await registerTestEnterprise(layout, 'supply', ['pharmacy']);
    rival = await registerTestEnterprise(layout, 'supply', ['drugMaker']);
    ({ productId, idCodes } = await registerTestProduct(layout, holder, { returnWindowDays: 1 }));
    const batch = batchRegistration(productId);
    batchNumber = batch.batchNumber as string;
    await submitDrug(layout, holder, 'registerBatch', JSON.stringify(batch));
    // 40 units, 4 boxes of 10, 2 cases of 2 boxes.
    units = await commissionList(layout, holder, productId, batchNumber, 'unit', codesOf(idCodes.unit, 1, 40), at(0));
    boxes = await commissionList(layout, holder, productId, batchNumber, 'box', codesOf(idCodes.box, 1, 4), at(0));
    cases = await commissionList(layout, holder, productId, batchNumber, 'case', codesOf(idCodes.case, 1, 2), at(0));
    for (let b = 1; b <= 4; b++) {
      // Boxes 1, 2 and 4 as serial ranges of the contiguous commissioning; box 3 as an explicit list with proofs.
      const children = b === 3 ? codesOf(idCodes.unit, 21, 30).map((code) => units.proven(code)) : [{ idCode: idCodes.unit, from: b * 10 - 9, to: b * 10 }];
      await pack(holder, boxes.proven(box(b)), children, 0.1);
    }
    await pack(holder, cases.proven(kase(1)), [boxes.proven(box(1)), boxes.proven(box(2))], 0.2);
    await pack(holder, cases.proven(kase(2)), [{ idCode: idCodes.box, from: 3, to: 4 }], 0.2);
  });

  it('counts what a case holds at every level', async () => {
    const seen = await evaluateDrug<DrugPack>(layout, holder, 'getPack', kase(1), JSON.stringify(cases.proof(kase(1))));
    expect(seen).to.include({ childCount: 2, status: 'packed' });
    expect(seen.contents).to.deep.equal({ box: 2, unit: 20 });
  });

  it('moves a case to a wholesaler, a box on to a pharmacy after unpacking, and dispenses a unit once', async () => {
    const shipped = await ship(holder, wholesaler, [cases.proven(kase(1))], 1);
    expect(shipped.movements[0]).to.deep.include({ action: 'ship', counts: { case: 1, box: 2, unit: 20 } });
    await receive(wholesaler, [cases.proven(kase(1))], 2);
    await unpack(wholesaler, cases.proven(kase(1)), 3);
    await ship(wholesaler, pharmacy, [boxes.proven(box(1))], 4);
    const received = await receive(pharmacy, [boxes.proven(box(1))], 5);
    expect(received.movements[0]).to.deep.include({ action: 'receive', counts: { box: 1, unit: 10 } });
    const sold = await dispense(pharmacy, [unit(1), unit(2)], 6);
    expect(sold.outcomes).to.deep.equal([{ code: unit(1), outcome: 'dispensed' }, { code: unit(2), outcome: 'dispensed' }]);
    // One bucket of serials holds both units and their box: the upload wrote one key for them.
    expect(sold.buckets).to.have.length(1);
    const verdict = await verify(rival, unit(1));
    expect(verdict).to.deep.include({ verdict: 'dispensed', used: { state: 'sold', day: at(6).slice(0, 10), cityRegion: '330600' } });
    const boxNow = await evaluateDrug<DrugPack>(layout, pharmacy, 'getPack', box(1), JSON.stringify(boxes.proof(box(1))));
    expect(boxNow.contents).to.deep.equal({ unit: 8 });
  });

  it('commits a duplicate-sale alert for a second sale of a code, keeps the first, and dispenses the rest of the upload', async () => {
    const again = await dispense(pharmacy, [unit(1), unit(3)], 7, HANGZHOU);
    expect(again.outcomes?.[0]).to.include({ code: unit(1), outcome: 'duplicate' });
    expect(again.outcomes?.[1]).to.deep.equal({ code: unit(3), outcome: 'dispensed' });
    expect(again.alerts).to.have.length(1);
    expect(again.alerts[0]).to.deep.include({ kind: 'duplicateSale', code: unit(1), region: '330106', alertId: again.outcomes?.[0].alertId });
    expect(again.alerts[0].evidence).to.include({ firstBy: pharmacy.registration.id, firstRegion: '330602', secondRegion: '330106' });
    // Another pharmacy that never held it: still a duplicate, never a refusal that would hide the copy.
    const elsewhere = await dispense(otherPharmacy, [unit(1)], 8, HANGZHOU);
    expect(elsewhere.outcomes?.[0].outcome).to.equal('duplicate');
    // The same record again is a retry: nothing new.
    const retry = await dispense(pharmacy, [unit(2)], 6);
    expect(retry.outcomes).to.deep.equal([{ code: unit(2), outcome: 'repeated' }]);
    expect((await verify(holder, unit(1))).used).to.deep.include({ day: at(6).slice(0, 10), cityRegion: '330600' });
  });

  it('knows a guessed code with wrong check digits as unknown, and refuses to dispense it', async () => {
    const guess = codeOf(idCodes.unit, 4, 1);
    expect(guess.slice(0, 16)).to.equal(unit(4).slice(0, 16));
    expect(await verify(rival, guess)).to.deep.equal({ code: guess, verdict: 'unknown' });
    const never = codeOf(idCodes.unit, 900);
    expect(await verify(rival, never)).to.deep.equal({ code: never, verdict: 'unknown' });
    const refusal = await refusalOf(dispense(pharmacy, [guess], 9));
    expect(refusal.kind).to.equal('INVALID');
    expect(refusal.detail).to.match(/^units\.0\.code: code \d{20} is unknown: it is not in the code list commissioned as/);
  });

  it('refuses to dispense a code that is not in the dispenser\'s stock', async () => {
    const refusal = await refusalOf(dispense(pharmacy, [unit(15)], 9));
    expect(refusal.kind).to.equal('FORBIDDEN');
    expect(refusal.detail).to.equal(`units.0.code: code ${unit(15)} is not in the stock of ${pharmacy.registration.id} (it is held by ${wholesaler.registration.id}); only its holder may sell it`);
  });

  it('keeps a quarantined case, or a case holding a held unit, from moving until the hold is lifted', async () => {
    const target = { kind: 'code', ...cases.proven(kase(2)) };
    await submitDrug(layout, holder, 'setHold', JSON.stringify({ target, state: 'quarantined', reason: 'temperature log missing' }));
    const refusal = await refusalOf(ship(holder, wholesaler, [cases.proven(kase(2))], 10));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `codes.0: code ${kase(2)} is quarantined (temperature log missing) through code ${kase(2)} and cannot be shipped` });
    // What is packed inside is held with it.
    expect((await verify(rival, unit(35))).verdict).to.equal('suspect');
    await submitDrug(layout, holder, 'liftHold', JSON.stringify({ target, reason: 'log found' }));
    expect((await verify(rival, unit(35))).verdict).to.equal('genuine');
    // A unit held deep inside keeps its case from moving too.
    const inner = { kind: 'code', ...units.proven(unit(35)) };
    await submitDrug(layout, holder, 'setHold', JSON.stringify({ target: inner, state: 'suspect', reason: 'seal broken' }));
    const innerRefusal = await refusalOf(ship(holder, wholesaler, [cases.proven(kase(2))], 10));
    expect(innerRefusal).to.deep.equal({ kind: 'CONFLICT', detail: `codes.0: code ${kase(2)} holds 1 held code(s) and cannot move until they are lifted or unpacked` });
    await submitDrug(layout, holder, 'liftHold', JSON.stringify({ target: inner, reason: 'seal fine' }));
  });

  it('keeps counts over unpacking and repacking', async () => {
    await unpack(holder, cases.proven(kase(2)), 11);
    const loose = await evaluateDrug<DrugPack>(layout, holder, 'getPack', kase(2), JSON.stringify(cases.proof(kase(2))));
    expect(loose.status).to.equal('unpacked');
    const repacked = await pack(holder, cases.proven(kase(2)), [boxes.proven(box(4)), boxes.proven(box(3))], 12);
    expect(repacked.packs[0]).to.deep.include({ status: 'packed', childCount: 2, contents: { box: 2, unit: 20 } });
  });

  it('refuses aggregation cycles and a child in two parents', async () => {
    const itself = await refusalOf(pack(holder, cases.proven(kase(2)), [cases.proven(kase(2))], 13));
    expect(itself).to.deep.equal({ kind: 'INVALID', detail: `children.0: it names the parent ${kase(2)} itself; packing a pack into itself would make a cycle` });
    const around = await refusalOf(pack(holder, boxes.proven(box(3)), [cases.proven(kase(2))], 13));
    expect(around).to.deep.equal({ kind: 'INVALID', detail: `children.0: code ${kase(2)} already holds the parent ${box(3)}; packing it into its own content would make a cycle` });
    const caseInBox = await refusalOf(pack(wholesaler, boxes.proven(box(2)), [cases.proven(kase(1))], 13));
    expect(caseInBox).to.deep.equal({ kind: 'INVALID', detail: 'children.0: a case cannot go into a box' });
    // A third case of the holder's, empty: a box or unit already packed elsewhere cannot go in.
    const spare = await commissionList(layout, holder, productId, batchNumber, 'case', [kase(3)], at(0));
    const twice = await refusalOf(pack(holder, spare.proven(kase(3)), [boxes.proven(box(3))], 13));
    expect(twice).to.deep.equal({ kind: 'CONFLICT', detail: `children.0: code ${box(3)} is already packed in ${kase(2)}; a child is in one parent at a time, so unpack that first` });
    const unitInTwo = await refusalOf(pack(holder, spare.proven(kase(3)), [{ idCode: idCodes.unit, from: 21, to: 21 }], 13));
    expect(unitInTwo).to.deep.equal({ kind: 'CONFLICT', detail: `children.0: ${idCodes.unit} serials 21..21 are already packed in ${box(3)}; a child is in one parent at a time, so unpack that first` });
  });

  it('refuses a code under another holder\'s identification code', async () => {
    const stolen = await refusalOf(submitDrug(layout, rival, 'registerBatch', JSON.stringify(batchRegistration(productId))));
    expect(stolen).to.deep.equal({ kind: 'FORBIDDEN', detail: `only the marketing-authorisation holder ${holder.registration.id} or a contract manufacturer it delegated may register batches of product ${productId}; ${rival.registration.id} is neither` });
    const minted = await refusalOf(commissionList(layout, rival, productId, batchNumber, 'unit', codesOf(idCodes.unit, 500, 509), at(0)));
    expect(minted.kind).to.equal('FORBIDDEN');
    const relabelled = await refusalOf(registerTestProductWithCodes(rival, idCodes));
    expect(relabelled.kind).to.equal('FORBIDDEN');
  });

  /** The rival registers a product over the holder's identification codes. */
  function registerTestProductWithCodes(who: TestEnterprise, codes: Record<'unit' | 'box' | 'case', string>): Promise<unknown> {
    return submitDrug(layout, who, 'registerProduct', JSON.stringify({
      approvalNumber: '国药准字H20269999', genericName: '仿制品', dosageForm: '片剂', strength: '5mg', packageSpec: '10片/盒', storageCondition: '阴凉处',
      levels: [{ level: 'unit', idCode: codes.unit }],
    }));
  }

  it('takes a return to the seller within the window and refuses one outside it', async () => {
    const late = await refusalOf(submitDrug(layout, pharmacy, 'returnCode', JSON.stringify({ eventId: uniqueId('ret'), ...units.proven(unit(2)), reason: 'wrong strength', eventTime: at(40) })));
    expect(late).to.deep.equal({ kind: 'CONFLICT', detail: `eventTime: the return at ${at(40)} lies outside the 1-day return window of product ${productId} (sold at ${at(6)})` });
    const otherSeller = await refusalOf(submitDrug(layout, otherPharmacy, 'returnCode', JSON.stringify({ eventId: uniqueId('ret'), ...units.proven(unit(3)), reason: 'x', eventTime: at(8) })));
    expect(otherSeller.kind).to.equal('FORBIDDEN');
    await submitDrug(layout, pharmacy, 'returnCode', JSON.stringify({ eventId: uniqueId('ret'), ...units.proven(unit(3)), reason: 'unopened, patient changed prescription', eventTime: at(8) }));
    expect((await verify(rival, unit(3))).verdict).to.equal('genuine');
  });

  it('shows an anonymous reader of a case its product, count and status, never the child codes', async () => {
    const publicView = await evaluateDrug<Record<string, unknown>>(layout, rival, 'getPack', kase(2), JSON.stringify(cases.proof(kase(2))));
    expect(publicView).to.deep.equal({ parent: kase(2), level: 'case', productId, childCount: 2, contents: { box: 2, unit: 20 }, status: 'packed' });
    expect(JSON.stringify(publicView)).to.not.include(idCodes.box);
    const holderView = await evaluateDrug<DrugPack>(layout, holder, 'getPack', kase(2), JSON.stringify(cases.proof(kase(2))));
    expect(holderView.children).to.have.length(2);
  });

  it('keeps a case that mixes batches from moving while the batch of any code inside it is held', async () => {
    const other = batchRegistration(productId);
    const otherBatch = other.batchNumber as string;
    await submitDrug(layout, holder, 'registerBatch', JSON.stringify(other));
    const otherUnits = await commissionList(layout, holder, productId, otherBatch, 'unit', codesOf(idCodes.unit, 101, 102), at(0));
    // The case itself, and unit 41, are of the first batch; units 101 and 102 of the other.
    const mixed = await commissionList(layout, holder, productId, batchNumber, 'case', [kase(4)], at(0));
    const loose = await commissionList(layout, holder, productId, batchNumber, 'unit', [unit(41)], at(0));
    const packed = await pack(holder, mixed.proven(kase(4)), [{ idCode: idCodes.unit, from: 101, to: 102 }, loose.proven(unit(41))], 14);
    expect(packed.packs[0].batchUnits).to.deep.equal({ [`${productId}/${batchNumber}`]: 1, [`${productId}/${otherBatch}`]: 2 });
    const target = { kind: 'batch', productId, batchNumber: otherBatch };
    await submitDrug(layout, holder, 'setHold', JSON.stringify({ target, state: 'quarantined', reason: 'sterility test pending' }));
    const refusal = await refusalOf(ship(holder, wholesaler, [mixed.proven(kase(4))], 14));
    expect(refusal).to.deep.equal({
      kind: 'CONFLICT',
      detail: `codes.0: code ${kase(4)} holds codes of batch ${productId}/${otherBatch}, which is quarantined (sterility test pending), and cannot be shipped until the hold is lifted or it is unpacked`,
    });
    expect((await verify(rival, codeOf(idCodes.unit, 101), otherUnits)).verdict).to.equal('suspect');
    expect((await verify(rival, unit(41), loose)).verdict).to.equal('genuine');
    await submitDrug(layout, holder, 'liftHold', JSON.stringify({ target, reason: 'sterility test passed' }));
    const shipped = await ship(holder, wholesaler, [mixed.proven(kase(4))], 15);
    expect(shipped.movements[0]).to.deep.include({ action: 'ship', counts: { case: 1, unit: 3 } });
    expect(shipped.holdings, 'units move at receipt').to.deep.equal([]);
    // The receipt moves each batch's units from the holder's tally to the wholesaler's.
    const received = await receive(wholesaler, [mixed.proven(kase(4))], 16);
    const ofOther = received.holdings.filter((h) => h.batchId === `${productId}/${otherBatch}`).map(({ holderId, commissioned, received: got, shippedOn, retired, direct }) => ({ holderId, commissioned, got, shippedOn, retired, direct }));
    expect(ofOther).to.have.deep.members([
      { holderId: holder.registration.id, commissioned: 2, got: 0, shippedOn: 2, retired: 0, direct: undefined },
      { holderId: wholesaler.registration.id, commissioned: 0, got: 2, shippedOn: 0, retired: 0, direct: true },
    ]);
    expect(received.holdings.filter((h) => h.batchId === `${productId}/${batchNumber}`).map((h) => h.holderId)).to.have.members([holder.registration.id, wholesaler.registration.id]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const shortCode = await refusalOf(submitDrug(layout, pharmacy, 'dispense', JSON.stringify({ eventId: 'e1', kind: 'sale', location: SHAOXING, units: [{ code: unit(4).slice(0, 19), proof: units.proof(unit(4)), eventTime: at(9) }] })));
    expect(shortCode.kind).to.equal('INVALID');
    expect(shortCode.detail).to.match(/^units\.0\.code: must be 20 digits .* but has 19/);
    const letters = await refusalOf(submitDrug(layout, holder, 'ship', JSON.stringify(move({ to: wholesaler.registration.id, codes: [{ code: '8123456000000A421234', proof: units.proof(unit(4)) }] }, 9))));
    expect(letters.detail).to.match(/^codes\.0\.code: must be 20 digits, but has "A" at position 14/);
    const unknownBatch = await refusalOf(submitDrug(layout, holder, 'commissionCodes', JSON.stringify({ productId, batchNumber: 'NO-SUCH-BATCH', level: 'unit', firstSerial: 700, lastSerial: 700, count: 1, merkleRoot: 'a'.repeat(64) })));
    expect(unknownBatch).to.deep.equal({ kind: 'NOT_FOUND', detail: `batchNumber: batch NO-SUCH-BATCH of product ${productId} is not registered` });
    const backwards = await refusalOf(submitDrug(layout, holder, 'registerBatch', JSON.stringify(batchRegistration(productId, { productionDate: '2026-10-01', expiryDate: '2026-09-30' }))));
    expect(backwards).to.deep.equal({ kind: 'INVALID', detail: 'expiryDate: must not be before productionDate' });
    const stranger = uniqueUscc();
    const nowhere = await refusalOf(ship(holder, stranger, [units.proven(unit(40))], 9));
    expect(nowhere).to.deep.equal({ kind: 'INVALID', detail: `to: ${stranger} is not a registered enterprise` });
  });
});
