import { expect } from 'chai';
import type { EnrolledIdentity } from '../../network/src/ca';
import { enrollRegulator, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, expectAlertKinds, getAlerts, Places, record, scenarioClock, submit } from './coldchainFixtures';

/**
 * Coverage of custody by temperature readings: every period a lot is held or in transit must be
 * covered by anchored windows of a logger attached to it. The scenario runs two days back, so every
 * period is past the grace time for late uploads.
 */
describe('cold-chain temperature coverage', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let coldStore: TestEnterprise;
  let regulator: EnrolledIdentity;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    regulator = await enrollRegulator(layout);
  });

  const newLoggerId = (): string => `urn:epc:id:giai:4000001.${uniqueId('c').replace(/-/g, '.').slice(0, 24)}`;

  async function loggerOn(who: TestEnterprise, lotId: string, from: string, windows: [string, string][]): Promise<void> {
    const loggerId = newLoggerId();
    await submit(layout, who, 'coldchain:registerLogger', JSON.stringify({ loggerId }));
    await submit(layout, who, 'coldchain:attachLogger', JSON.stringify({ loggerId, lotId, eventTime: from }));
    for (const [windowStart, windowEnd] of windows) {
      const anchor = { loggerId, windowStart, windowEnd, merkleRoot: 'cd'.repeat(32), count: 12, minTenthsC: -200, maxTenthsC: -190, deviceSignedCount: 0, excursions: [] };
      await submit(layout, who, 'coldchain:anchorReadings', JSON.stringify(anchor));
    }
  }

  /**
   * Port → cold store (transit 0–3 h), then held by the cold store until a store event at 10 h. Each
   * side's loggers are attached and anchored before the period they cover ends, as in real life: the
   * gateway's sweeper may check any period as soon as it has ended.
   */
  async function tripToColdStore(at: (h: number) => string, importerWindows: [string, string][], coldStoreWindows: [string, string][]): Promise<string> {
    const lotId = await createTestLot(layout, importer);
    if (importerWindows.length > 0) await loggerOn(importer, lotId, at(-1), importerWindows);
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    await record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    if (coldStoreWindows.length > 0) await loggerOn(coldStore, lotId, at(3), coldStoreWindows);
    await record(layout, coldStore, custodyEvent('store', lotId, at(10), Places.hangzhouColdStore));
    return lotId;
  }

  /** The gateway's sweeper may check the same lot at the same moment: a read conflict is retried, as any Fabric client would. */
  async function check(who: TestEnterprise | EnrolledIdentity, lotId: string): Promise<Awaited<ReturnType<typeof submit>>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await submit(layout, who, 'coldchain:checkTemperatureCoverage', lotId);
      } catch (error) {
        if (attempt === 3 || !String(error instanceof Error ? error.message : error).includes('MVCC_READ_CONFLICT')) throw error;
      }
    }
  }

  it('raises one gap alert for the cold store\'s three hours without readings, and none for the covered transit', async () => {
    const at = scenarioClock();
    const lotId = await tripToColdStore(at, [[at(-1), at(1)], [at(1.1), at(3.05)]], [[at(3), at(5)], [at(8), at(10)]]);
    await check(regulator, lotId);
    const [gap] = await expectAlertKinds(layout, importer, lotId, ['temperatureGap']);
    expect(gap.evidence).to.include({ periodKind: 'held', holder: coldStore.registration.id, uncoveredMinutes: 180, firstGapStart: new Date(Date.parse(at(5))).toISOString() });
    expect(gap.detail).to.match(/no temperature readings for 180 min of one stretch while held by /);
    await check(coldStore, lotId);
    await expectAlertKinds(layout, importer, lotId, ['temperatureGap']);
  });

  it('stays silent when loggers cover every period', async () => {
    const at = scenarioClock();
    const lotId = await tripToColdStore(at, [[at(-1), at(3.1)]], [[at(3), at(6)], [at(6.2), at(10)]]);
    const result = await check(regulator, lotId);
    expect(result.alerts).to.deep.equal([]);
    expect((await getAlerts(layout, importer, lotId)).map((a) => a.kind)).to.deep.equal([]);
  });

  it('is checked without anyone asking: the gateway schedules the check once the grace time has passed', async () => {
    const at = scenarioClock();
    const lotId = await tripToColdStore(at, [], [[at(3), at(10)]]);
    const deadline = Date.now() + 60_000;
    let kinds: string[] = [];
    while (Date.now() < deadline) {
      kinds = (await getAlerts(layout, importer, lotId)).map((a) => a.kind);
      if (kinds.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(kinds).to.deep.equal(['temperatureGap']);
    const [gap] = await getAlerts(layout, importer, lotId);
    expect(gap.evidence).to.include({ periodKind: 'inTransit', holder: importer.registration.id, receiver: coldStore.registration.id, uncoveredMinutes: 180 });
  });

  it('is asked for only by regulators and enterprises that hold or held the lot, never by a rival', async () => {
    const at = scenarioClock();
    const lotId = await tripToColdStore(at, [], []);
    const rival = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    const refusal = await refusalOf(submit(layout, rival, 'coldchain:checkTemperatureCoverage', lotId));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `only regulators and enterprises that hold or held lot ${lotId} may ask for its temperature coverage check; ${rival.registration.id} never held it` });
    // The importer handed the lot on: a past holder may still ask.
    await check(importer, lotId);
  });
});
