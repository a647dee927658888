import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import {
  auditPath,
  canonicalReadingBytes,
  leafHash,
  merkleRootHex,
  verifyInclusion,
  type ExcursionEpisode,
  type ReadingAnchor,
  type TemperatureReading,
} from '../../model/src';
import { refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, type TestEnterprise } from './testNetwork';
import { createTestLot, custodyEvent, evaluate, expectAlertKinds, Places, record, scenarioClock, submit } from './coldchainFixtures';

describe('cold-chain temperature anchors', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let importer: TestEnterprise;
  let coldStore: TestEnterprise;

  before(async () => {
    requireNetwork();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
  });

  const newLoggerId = (): string => `urn:epc:id:giai:4000001.${uniqueId('t').replace(/-/g, '.').slice(0, 24)}`;

  /** A frozen lot (≤ −18 °C, 30 min tolerance) now held by the cold store, with a fresh logger of the cold store attached. */
  async function lotWithLogger(at: (h: number) => string): Promise<{ lotId: string; loggerId: string }> {
    const lotId = await createTestLot(layout, importer);
    await record(layout, importer, custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: coldStore.registration.id, quantity: 1000 }));
    await record(layout, coldStore, custodyEvent('receive', lotId, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 1000 }));
    const loggerId = newLoggerId();
    await submit(layout, coldStore, 'coldchain:registerLogger', JSON.stringify({ loggerId, description: 'store room 4' }));
    await submit(layout, coldStore, 'coldchain:attachLogger', JSON.stringify({ loggerId, lotId, eventTime: at(3) }));
    return { lotId, loggerId };
  }

  const anchorOf = (loggerId: string, windowStart: string, windowEnd: string, excursions: ExcursionEpisode[] = []): Record<string, unknown> => ({
    loggerId,
    windowStart,
    windowEnd,
    merkleRoot: 'ab'.repeat(32),
    count: 60,
    minTenthsC: -200,
    // The window's readings reach its warmest episode: chaincode refuses an episode beyond the stated extremes.
    maxTenthsC: Math.max(-185, ...excursions.map((episode) => episode.maxTenthsC)),
    deviceSignedCount: 0,
    excursions,
  });

  it('enrols a logger with an EC public key and refuses a key that is not one', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const loggerId = newLoggerId();
    const update = await submit(layout, coldStore, 'coldchain:registerLogger', JSON.stringify({ loggerId, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) }));
    expect(update.loggers[0]).to.include({ loggerId, ownerId: coldStore.registration.id });
    const refusal = await refusalOf(submit(layout, coldStore, 'coldchain:registerLogger', JSON.stringify({ loggerId: newLoggerId(), publicKeyPem: 'not a key' })));
    expect(refusal.kind).to.equal('INVALID');
    expect(refusal.detail).to.match(/^publicKeyPem of logger .* is not a PEM public key$/);
  });

  it('anchors a Merkle root against which a real reading proves and a forged one fails', async () => {
    const at = scenarioClock();
    const { loggerId } = await lotWithLogger(at);
    const readings: TemperatureReading[] = [-195, -190, -188, -192, -191, -189, -193].map((tenthsC, i) => ({ loggerId, readingId: `r${i}`, time: at(4 + i / 60), tenthsC }));
    const leaves = readings.map((r) => leafHash(canonicalReadingBytes(r)));
    await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify({ ...anchorOf(loggerId, at(4), at(5)), merkleRoot: merkleRootHex(leaves), count: 7, minTenthsC: -195, maxTenthsC: -188 }));
    const anchored = await evaluate<ReadingAnchor>(layout, importer, 'coldchain:getAnchor', loggerId, at(4));
    const proof = auditPath(leaves, 3);
    expect(verifyInclusion(leaves[3], proof, anchored.merkleRoot)).to.equal(true);
    expect(verifyInclusion(leafHash(canonicalReadingBytes({ ...readings[3], tenthsC: -200 })), proof, anchored.merkleRoot)).to.equal(false);
  });

  it('raises exactly one alert per excursion episode, however often it is reported', async () => {
    const at = scenarioClock();
    const { lotId, loggerId } = await lotWithLogger(at);
    const episode = { start: at(4.25), end: at(4.9), minTenthsC: -150, maxTenthsC: -120 };
    const first = await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(4), at(5), [episode])));
    expect(first.alerts.map((a) => [a.kind, a.alertId])).to.deep.equal([['excursion', `excursion:${new Date(Date.parse(episode.start)).toISOString()}`]]);
    // The same window again changes nothing; the next window reports the episode still going on.
    const repeat = await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(4), at(5), [episode])));
    expect(repeat.alerts).to.deep.equal([]);
    const next = await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(5), at(6), [{ ...episode, end: at(5.2) }])));
    expect(next.alerts).to.deep.equal([]);
    const [alert] = await expectAlertKinds(layout, importer, lotId, ['excursion']);
    expect(alert.evidence).to.include({ loggerId, minTenthsC: -150, maxTenthsC: -120 });
    // A new episode is a new alert.
    await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(6), at(7), [{ start: at(6.1), end: at(6.9), minTenthsC: -100, maxTenthsC: -90 }])));
    await expectAlertKinds(layout, importer, lotId, ['excursion', 'excursion']);
  });

  it('raises no alert for an episode shorter than the tolerance, or after the logger was detached', async () => {
    const at = scenarioClock();
    const { lotId, loggerId } = await lotWithLogger(at);
    await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(4), at(5), [{ start: at(4.1), end: at(4.3), minTenthsC: -150, maxTenthsC: -150 }])));
    await submit(layout, coldStore, 'coldchain:detachLogger', JSON.stringify({ loggerId, lotId, eventTime: at(5.5) }));
    await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(6), at(7), [{ start: at(6.1), end: at(6.9), minTenthsC: -100, maxTenthsC: -90 }])));
    await expectAlertKinds(layout, importer, lotId, []);
  });

  it('lets only the logger owner anchor, and refuses a different root for an anchored window', async () => {
    const at = scenarioClock();
    const { loggerId } = await lotWithLogger(at);
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(4), at(5)))));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `only the owner ${coldStore.registration.id} of logger ${loggerId} may anchor its readings; caller is ${importer.registration.id}`,
    });
    await submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify(anchorOf(loggerId, at(4), at(5))));
    const changed = await refusalOf(submit(layout, coldStore, 'coldchain:anchorReadings', JSON.stringify({ ...anchorOf(loggerId, at(4), at(5)), merkleRoot: 'cd'.repeat(32) })));
    expect(changed.kind).to.equal('CONFLICT');
    expect(changed.detail).to.equal(`logger ${loggerId} already anchored a different window starting ${new Date(Date.parse(at(4))).toISOString()} (root ${'ab'.repeat(32)})`);
  });

  it('lets only the custodian attach a logger to a lot', async () => {
    const at = scenarioClock();
    const { lotId } = await lotWithLogger(at);
    const loggerId = newLoggerId();
    await submit(layout, importer, 'coldchain:registerLogger', JSON.stringify({ loggerId }));
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:attachLogger', JSON.stringify({ loggerId, lotId, eventTime: at(4) })));
    expect(refusal).to.deep.equal({
      kind: 'FORBIDDEN',
      detail: `enterprise ${importer.registration.id} is not the custodian of lot ${lotId} (the custodian is ${coldStore.registration.id}); only the custodian may attach loggers to it`,
    });
  });
});
