import { expect } from 'chai';
import type { ColdChainLot, ExcursionEpisode } from '../../model/src';
import { refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, evaluate, expectAlertKinds, Places, record, scenarioClock, submit } from './coldchainFixtures';

/**
 * Temperature evidence cannot be borrowed or blamed: a logger is attached only with its owner's
 * consent and only at times of the attaching custodian's own custody; an anchor covers at most 24 h,
 * its episodes agree with its stated extremes, and chaincode judges it against every attached lot.
 */
describe('cold-chain logger consent and anchor evidence', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let coldStore: TestEnterprise;
  let rival: TestEnterprise;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    rival = await registerTestEnterprise(layout, 'supply', ['carrier']);
  });

  const newLoggerId = (): string => `urn:epc:id:giai:4000001.${uniqueId('g').replace(/-/g, '.').slice(0, 24)}`;

  /** A lot of the importer (frozen unless `storageRange` says otherwise) shipped at 0 h and received by the cold store at 3 h. */
  async function lotAtColdStore(at: (h: number) => string, storageRange?: { minTenthsC: number; maxTenthsC: number }): Promise<string> {
    const lotId = await createTestLot(layout, importer, { overrides: storageRange ? { storageRange } : {} });
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    await record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    return lotId;
  }

  async function loggerOf(owner: TestEnterprise): Promise<string> {
    const loggerId = newLoggerId();
    await submit(layout, owner, 'coldchain:registerLogger', JSON.stringify({ loggerId }));
    return loggerId;
  }

  const attach = (who: TestEnterprise, loggerId: string, lotId: string, eventTime: string) =>
    submit(layout, who, 'coldchain:attachLogger', JSON.stringify({ loggerId, lotId, eventTime }));

  const anchorOf = (loggerId: string, windowStart: string, windowEnd: string, minTenthsC: number, maxTenthsC: number, excursions: ExcursionEpisode[] = []): string =>
    JSON.stringify({ loggerId, windowStart, windowEnd, merkleRoot: 'ef'.repeat(32), count: 60, minTenthsC, maxTenthsC, deviceSignedCount: 0, excursions });

  it('refuses a custodian attaching a rival\'s logger without a grant, naming the owner; attaches it once granted, and not after revocation', async () => {
    const at = scenarioClock();
    const lotId = await lotAtColdStore(at);
    const loggerId = await loggerOf(rival);
    const refusal = await refusalOf(attach(coldStore, loggerId, lotId, at(4)));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `logger ${loggerId} belongs to ${rival.registration.id}; enterprise ${coldStore.registration.id} may attach it only while ${rival.registration.id} grants it (coldchain:grantLogger)`,
    });

    const granted = await submit(layout, rival, 'coldchain:grantLogger', JSON.stringify({ loggerId, custodianId: coldStore.registration.id }));
    expect(granted.loggerGrants?.[0]).to.include({ loggerId, custodianId: coldStore.registration.id, ownerId: rival.registration.id });
    const attached = await attach(coldStore, loggerId, lotId, at(4));
    expect(attached.attachments[0].periods).to.deep.equal([{ from: at(4) }]);

    await submit(layout, rival, 'coldchain:revokeLoggerGrant', JSON.stringify({ loggerId, custodianId: coldStore.registration.id }));
    const secondLot = await lotAtColdStore(at);
    const revoked = await refusalOf(attach(coldStore, loggerId, secondLot, at(4)));
    expect(revoked.kind).to.equal('FORBIDDEN');
    expect(revoked.detail).to.match(/: the grant was revoked at /);
  });

  it('lets only the logger\'s owner grant it', async () => {
    const loggerId = await loggerOf(rival);
    const refusal = await refusalOf(submit(layout, coldStore, 'coldchain:grantLogger', JSON.stringify({ loggerId, custodianId: coldStore.registration.id })));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `only the owner ${rival.registration.id} of logger ${loggerId} may grant it to another enterprise; caller is ${coldStore.registration.id}`,
    });
  });

  it('refuses attaching a logger at a time before the caller\'s custody began, and attaches from the receipt on', async () => {
    const at = scenarioClock();
    const lotId = await lotAtColdStore(at);
    const lot = await evaluate<ColdChainLot>(layout, coldStore, 'coldchain:getLot', lotId);
    expect(lot.custodySince).to.equal(at(3));
    const loggerId = await loggerOf(coldStore);
    const refusal = await refusalOf(attach(coldStore, loggerId, lotId, at(2)));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `enterprise ${coldStore.registration.id} holds lot ${lotId} since ${at(3)}; it may not attach loggers at ${at(2)}, in an earlier custody`,
    });
    const attached = await attach(coldStore, loggerId, lotId, at(3));
    expect(attached.attachments[0].periods).to.deep.equal([{ from: at(3) }]);
  });

  it('refuses a window longer than 24 h, and takes one of exactly 24 h', async () => {
    const at = scenarioClock();
    const loggerId = await loggerOf(coldStore);
    const refusal = await refusalOf(submit(layout, coldStore, 'coldchain:anchorReadings', anchorOf(loggerId, at(0), at(25), -200, -190)));
    expect(refusal).to.deep.equal({ kind: 'INVALID', detail: 'windowEnd: must lie at most 24 h after windowStart; anchor a longer stretch as several windows' });
    const anchored = await submit(layout, coldStore, 'coldchain:anchorReadings', anchorOf(loggerId, at(0), at(24), -200, -190));
    expect(anchored.anchors).to.have.length(1);
  });

  it('refuses an anchor whose episode contradicts its stated min and max, and one whose extreme breaks an attached lot\'s range without an episode', async () => {
    const at = scenarioClock();
    const lotId = await lotAtColdStore(at);
    const loggerId = await loggerOf(coldStore);
    await attach(coldStore, loggerId, lotId, at(3));
    const warmer = { start: at(4.2), end: at(4.9), minTenthsC: -120, maxTenthsC: -100 };
    const contradiction = await refusalOf(submit(layout, coldStore, 'coldchain:anchorReadings', anchorOf(loggerId, at(4), at(5), -200, -150, [warmer])));
    expect(contradiction).to.deep.equal({
      kind: 'INVALID',
      detail: 'excursions.0: claims -12.0 °C..-10.0 °C, but starts in a window whose readings lie in -20.0 °C..-15.0 °C',
    });
    const silent = await refusalOf(submit(layout, coldStore, 'coldchain:anchorReadings', anchorOf(loggerId, at(4), at(5), -200, -150)));
    expect(silent.kind).to.equal('INVALID');
    expect(silent.detail).to.equal(
      `the window of logger ${loggerId} starting ${at(4)} was attached to lot ${lotId} (-60..-18 °C), and its maximum -15.0 °C lies above -18.0 °C but no episode reaches it; report the readings outside the range as an episode, however short`,
    );
  });

  it('raises an excursion alert on every attached lot whose range the window breaks, and not on a lot whose range it fits', async () => {
    const at = scenarioClock();
    const frozen = await lotAtColdStore(at);
    const alsoFrozen = await lotAtColdStore(at);
    const wide = await lotAtColdStore(at, { minTenthsC: -250, maxTenthsC: -100 });
    const loggerId = await loggerOf(coldStore);
    for (const lotId of [frozen, alsoFrozen, wide]) {
      await attach(coldStore, loggerId, lotId, at(3));
    }
    // 48 minutes at up to −12 °C: outside −60..−18 °C for longer than the 30-minute tolerance, inside −25..−10 °C.
    const episode = { start: at(4.1), end: at(4.9), minTenthsC: -150, maxTenthsC: -120 };
    const anchored = await submit(layout, coldStore, 'coldchain:anchorReadings', anchorOf(loggerId, at(4), at(5), -200, -120, [episode]));
    expect(anchored.alerts.map((alert) => alert.lotId).sort()).to.deep.equal([frozen, alsoFrozen].sort());
    await expectAlertKinds(layout, importer, frozen, ['excursion']);
    await expectAlertKinds(layout, importer, alsoFrozen, ['excursion']);
    await expectAlertKinds(layout, importer, wide, []);
  });
});
