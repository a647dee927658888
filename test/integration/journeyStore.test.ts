import { expect } from 'chai';
import mongoose from 'mongoose';
import { coldChainCollections, JourneyStore, type ColdChainJourney, type StoredJourney } from '../../gateway/src/projection/coldchain';
import { gatewayConfig } from './gatewayClient';
import { requireNetwork } from './testNetwork';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A journey whose custody log has `events` records, so each version is told apart by its length. */
function journeyOf(lotId: string, events: number): ColdChainJourney {
  const custody = Array.from({ length: events }, (_, i) => ({ eventId: `${lotId}-e${i}`, sequence: i + 1, enterpriseId: `E${i % 3}` }));
  return {
    _id: lotId,
    lot: null,
    custody: custody as unknown as ColdChainJourney['custody'],
    alerts: [],
    parents: [],
    children: [],
    loggers: [],
    anchors: [],
    holders: [],
    source: { txId: `tx${events}`, blockNumber: events, txIndex: 0, eventIndex: 0 },
  };
}

describe('journey store (versions appended, compacted when idle)', function () {
  this.timeout(120_000);
  const database = `journeys_${Date.now().toString(36)}`;
  const uri = () => String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${database}`);
  let store: mongoose.Connection;
  const timing = { settleMs: 0, graceMs: 300, maxVersions: 8, adoptAfterMs: 0 };

  before(async () => {
    requireNetwork();
    store = await mongoose.createConnection(uri()).asPromise();
  });
  after(async () => {
    await store?.dropDatabase();
    await store?.close();
  });

  /** Writes `count` versions of a lot after its base, as the projector would, group by group. */
  async function writeVersions(journeys: JourneyStore, lotId: string, count: number): Promise<StoredJourney> {
    let [previous] = await journeys.write([{ journey: journeyOf(lotId, 1), previous: undefined }]);
    for (let n = 2; n <= count + 1; n++) [previous] = await journeys.write([{ journey: journeyOf(lotId, n), previous }]);
    return previous;
  }

  it('reads the newest version by _id alone, from a fresh store without hints, at any number of versions', async () => {
    const collections = coldChainCollections(store);
    const writer = new JourneyStore(collections.journeyBases, collections.journeyVersions, timing);
    for (const count of [0, 1, 2, 5, 13]) await writeVersions(writer, `LOT-${count}`, count);
    expect(await collections.journeyVersions.countDocuments(), 'every change appended').to.equal(0 + 1 + 2 + 5 + 13);

    const reader = new JourneyStore(collections.journeyBases, collections.journeyVersions, timing);
    for (const count of [0, 1, 2, 5, 13]) {
      const journey = await reader.read(`LOT-${count}`);
      expect(journey?._id).to.equal(`LOT-${count}`);
      expect(journey?.version, `LOT-${count}`).to.equal(count);
      expect(journey?.custody, `LOT-${count}`).to.have.length(count + 1);
    }
    expect(await reader.read('LOT-unknown')).to.equal(undefined);
    // A reader whose hint is behind (another gateway wrote on) still finds the newest.
    await writeVersions(writer, 'LOT-moving', 1);
    expect((await reader.read('LOT-moving'))?.version).to.equal(1);
    const [latest] = await writer.write([{ journey: journeyOf('LOT-moving', 3), previous: await writer.read('LOT-moving') }]);
    expect(latest.version).to.equal(2);
    expect((await reader.read('LOT-moving'))?.custody).to.have.length(3);

    // A journey written before journeys were packed (a plain document) still reads.
    await collections.journeyBases.collection.insertOne({ ...journeyOf('LOT-plain', 2), version: 0 } as never);
    expect((await reader.read('LOT-plain'))?.custody).to.have.length(2);
    await collections.journeyBases.collection.deleteOne({ _id: 'LOT-plain' } as never);

    const all = new Map<string, StoredJourney>();
    for await (const journey of reader.all()) all.set(journey._id, journey);
    expect([...all.keys()].sort()).to.deep.equal(['LOT-0', 'LOT-1', 'LOT-13', 'LOT-2', 'LOT-5', 'LOT-moving']);
    expect(all.get('LOT-13')?.custody).to.have.length(14);
  });

  it('compacts at rest into one document per lot, readers finding the newest throughout', async () => {
    const collections = coldChainCollections(store);
    await collections.journeyBases.deleteMany({});
    await collections.journeyVersions.deleteMany({});
    const writer = new JourneyStore(collections.journeyBases, collections.journeyVersions, timing);
    await writeVersions(writer, 'LOT-A', 3);
    await writeVersions(writer, 'LOT-B', 9);
    const reader = new JourneyStore(collections.journeyBases, collections.journeyVersions, timing);
    expect((await reader.read('LOT-B'))?.version).to.equal(9);

    expect(writer.compactionPending).to.equal(true);
    expect(await writer.compactStep(() => undefined), 'bases replaced').to.equal(true);
    const base = (await collections.journeyBases.collection.findOne({ _id: 'LOT-B' } as never)) as Record<string, unknown> | null;
    expect(base?.version).to.equal(9);
    expect(base?.lotId).to.equal('LOT-B');
    expect(base?.custody, 'the journey is packed, not in the clear').to.equal(undefined);
    // Within the grace period the replaced versions stay for readers that read the old base.
    expect(await collections.journeyVersions.countDocuments()).to.equal(12);
    expect((await reader.read('LOT-B'))?.custody).to.have.length(10);

    await sleep(timing.graceMs + 50);
    while (await writer.compactStep(() => undefined));
    expect(await collections.journeyVersions.countDocuments(), 'versions deleted after the grace period').to.equal(0);
    expect(writer.compactionPending).to.equal(false);
    for (const store of [reader, writer, new JourneyStore(collections.journeyBases, collections.journeyVersions, timing)]) {
      expect((await store.read('LOT-A'))?.custody).to.have.length(4);
      expect((await store.read('LOT-B'))?.custody).to.have.length(10);
    }
    // Writing on after compaction appends above the base's version.
    const [next] = await writer.write([{ journey: journeyOf('LOT-B', 11), previous: await writer.read('LOT-B') }]);
    expect(next.version).to.equal(10);
    expect((await reader.read('LOT-B'))?.custody).to.have.length(11);
  });

  it('compacts versions an earlier process left behind', async () => {
    const collections = coldChainCollections(store);
    await collections.journeyBases.deleteMany({});
    await collections.journeyVersions.deleteMany({});
    await writeVersions(new JourneyStore(collections.journeyBases, collections.journeyVersions, timing), 'LOT-LEFT', 4);
    const restarted = new JourneyStore(collections.journeyBases, collections.journeyVersions, timing);
    expect(restarted.compactionPending, 'leftovers not looked for yet').to.equal(true);
    while (await restarted.compactStep(() => undefined)) await sleep(10);
    await sleep(timing.graceMs + 50);
    while (await restarted.compactStep(() => undefined));
    expect(await collections.journeyVersions.countDocuments()).to.equal(0);
    const stored = (await collections.journeyBases.collection.findOne({ _id: 'LOT-LEFT' } as never)) as Record<string, unknown> | null;
    expect(stored?.version, 'the base holds the newest version').to.equal(4);
    expect((await restarted.read('LOT-LEFT'))?.custody).to.have.length(5);
  });
});
