import { expect } from 'chai';
import { serialOf } from '../../model/src';
import { refusalOf, registerTestEnterprise, requireNetwork, testLayout, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, expectAlertKinds, Places, record, scenarioClock, submit, uniqueSerialPrefix } from './coldchainFixtures';

describe('serialised units of a cold-chain lot', function () {
  this.timeout(300_000);
  const layout = testLayout();
  const at = scenarioClock();
  let importer: TestEnterprise;
  let retailer: TestEnterprise;
  let lotId: string;
  const prefix = uniqueSerialPrefix();
  // Labels applied at the start of the scenario: every sale below comes after.
  const commission = (who: TestEnterprise, run: Record<string, unknown>) => submit(layout, who, 'coldchain:commissionUnits', JSON.stringify({ lotId, serialPrefix: prefix, eventTime: at(0), ...run }));
  const sell = (who: TestEnterprise, sales: { serial: string; eventTime: string }[], lot = lotId) => submit(layout, who, 'coldchain:recordUnitSales', JSON.stringify({ lotId: lot, sales }));

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    retailer = await registerTestEnterprise(layout, 'supply', ['retailer']);
    lotId = await releasedLot();
  });

  /** A lot of the importer with its documents, released for sale: units of it may be sold. */
  async function releasedLot(): Promise<string> {
    const lot = await createTestLot(layout, importer, { complete: true });
    await record(layout, importer, custodyEvent('releaseForSale', lot, at(0.5), Places.ningboPort));
    return lot;
  }

  it('lets the lot\'s owner commission a run of serials and nobody else', async () => {
    const update = await commission(importer, { from: 1, count: 100 });
    expect(update.unitRuns).to.have.length(1);
    expect(update.unitRuns?.[0]).to.include({ lotId, serialPrefix: prefix, from: 1, count: 100, commissionedBy: importer.registration.id });
    const refusal = await refusalOf(commission(retailer, { from: 1000, count: 10 }));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `only the owner ${importer.registration.id} of lot ${lotId} may commission its units; caller is ${retailer.registration.id}` });
  });

  it('refuses a run overlapping an earlier run of the GTIN and prefix, even for another lot', async () => {
    const otherLot = await createTestLot(layout, importer);
    const overlapping = await refusalOf(submit(layout, importer, 'coldchain:commissionUnits', JSON.stringify({ lotId: otherLot, serialPrefix: prefix, from: 100, count: 5 })));
    expect(overlapping.kind).to.equal('CONFLICT');
    expect(overlapping.detail).to.equal(
      `serials ${serialOf(prefix, 100)}..${serialOf(prefix, 104)} of GTIN 09521234543213 overlap ${serialOf(prefix, 1)}..${serialOf(prefix, 100)}, commissioned for lot ${lotId}`,
    );
    const adjacent = await submit(layout, importer, 'coldchain:commissionUnits', JSON.stringify({ lotId: otherLot, serialPrefix: prefix, from: 101, count: 5 }));
    expect(adjacent.unitRuns?.[0]).to.include({ lotId: otherLot, from: 101 });
    // Serials of the other lot are not this lot's to sell.
    const foreign = await refusalOf(sell(importer, [{ serial: serialOf(prefix, 101), eventTime: at(1) }]));
    expect(foreign).to.deep.equal({ kind: 'INVALID', detail: `sales[0]: serial ${serialOf(prefix, 101)} is not a commissioned unit of lot ${lotId}` });
  });

  it('records retail sales by the lot\'s custodian only, of its commissioned serials only', async () => {
    await record(layout, importer, custodyEvent('ship', lotId, at(2), Places.ningboPort, { to: retailer.registration.id, quantity: 1000 }));
    await record(layout, retailer, custodyEvent('receive', lotId, at(5), Places.keqiaoSupermarket, { decision: 'accept', quantity: 1000 }));
    const notHolder = await refusalOf(sell(importer, [{ serial: serialOf(prefix, 1), eventTime: at(6) }]));
    expect(notHolder.kind).to.equal('FORBIDDEN');
    expect(notHolder.detail).to.match(/is not the custodian of lot .*only the custodian may sell units of it/);
    const outside = await refusalOf(sell(retailer, [{ serial: serialOf(prefix, 1), eventTime: at(6) }, { serial: serialOf(prefix, 500), eventTime: at(6) }]));
    expect(outside).to.deep.equal({ kind: 'INVALID', detail: `sales[1]: serial ${serialOf(prefix, 500)} is not a commissioned unit of lot ${lotId}` });
    const sold = await sell(retailer, [{ serial: serialOf(prefix, 1), eventTime: at(6) }, { serial: serialOf(prefix, 2), eventTime: at(6) }]);
    expect(sold.unitSales?.map((s) => [s.serial, s.soldBy, s.eventTime])).to.deep.equal([
      [serialOf(prefix, 1), retailer.registration.id, at(6)],
      [serialOf(prefix, 2), retailer.registration.id, at(6)],
    ]);
  });

  it('changes nothing when the same sale is recorded again, so retries are safe', async () => {
    const again = await sell(retailer, [{ serial: serialOf(prefix, 1), eventTime: at(6) }]);
    expect(again.unitSales ?? []).to.deep.equal([]);
    expect(again.alerts).to.deep.equal([]);
    await expectAlertKinds(layout, importer, lotId, []);
  });

  it('keeps the first sale and raises a unitSoldTwice alert on a different second sale of a serial', async () => {
    const second = await sell(retailer, [{ serial: serialOf(prefix, 2), eventTime: at(8) }]);
    expect(second.unitSales ?? []).to.deep.equal([]);
    const [alert] = await expectAlertKinds(layout, importer, lotId, ['unitSoldTwice']);
    expect(alert.evidence).to.include({ serial: serialOf(prefix, 2), firstSoldAt: at(6), secondSoldAt: at(8), firstSoldBy: retailer.registration.id });
    // The same second sale again raises nothing more.
    await sell(retailer, [{ serial: serialOf(prefix, 2), eventTime: at(8) }]);
    await expectAlertKinds(layout, importer, lotId, ['unitSoldTwice']);
  });

  it('refuses unit sales of a lot not released for sale, as a custody sale would be', async () => {
    const lot = await createTestLot(layout, importer);
    const unreleased = uniqueSerialPrefix();
    await submit(layout, importer, 'coldchain:commissionUnits', JSON.stringify({ lotId: lot, serialPrefix: unreleased, from: 1, count: 1, eventTime: at(0) }));
    const refusal = await refusalOf(sell(importer, [{ serial: serialOf(unreleased, 1), eventTime: at(1) }], lot));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `lot ${lot} has not been released for sale, so its units cannot be sold` });
  });

  it('refuses a sale dated before its unit was commissioned', async () => {
    const lot = await releasedLot();
    const late = uniqueSerialPrefix();
    await submit(layout, importer, 'coldchain:commissionUnits', JSON.stringify({ lotId: lot, serialPrefix: late, from: 1, count: 2, eventTime: at(10) }));
    const refusal = await refusalOf(sell(importer, [{ serial: serialOf(late, 1), eventTime: at(9) }], lot));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: `sales[0].eventTime ${at(9)} lies before unit ${serialOf(late, 1)} was commissioned (${at(10)})` });
    expect((await sell(importer, [{ serial: serialOf(late, 1), eventTime: at(11) }], lot)).unitSales).to.have.length(1);
  });
});
