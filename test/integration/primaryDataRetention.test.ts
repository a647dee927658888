import { expect } from 'chai';
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { readingModels, type ReadingModels } from '../../gateway/src/readings/readingStore';
import { primaryDataRetention } from '../../gateway/src/retention';
import { scansAfterSaleModel, scanTallyModel, scanWindowModel } from '../../gateway/src/scans/scanEvents';
import { gatewayConfig } from './gatewayClient';
import { requireNetwork } from './testNetwork';

const DAY = 86_400_000;
const NOW = Date.parse('2032-06-15T12:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const hourOf = (ms: number): string => iso(ms - (ms % 3_600_000));

/** One logger's window as the reading store keeps it: header, chunks, id-bucket lines, directory entry. */
async function storeWindow(models: ReadingModels, loggerId: string, windowStart: string, chunks: number): Promise<void> {
  for (let k = 0; k < chunks; k++) {
    await models.chunks.collection.insertOne({ _id: `${loggerId}|${windowStart}|${k}`, count: 1, readings: `r-${windowStart}-${k}\t${windowStart}\t-180\t\t0` } as never);
  }
  await models.windows.collection.insertOne({
    _id: `${loggerId}|${windowStart}`, loggerId, windowStart, windowEnd: iso(Date.parse(windowStart) + 60_000), count: chunks, chunks, deviceSignedCount: 0,
    uploadedBy: 'ent-1', uploadedAt: new Date(Date.parse(windowStart) + 120_000),
  } as never);
  await models.directory.collection.updateOne({ _id: loggerId } as never, { $addToSet: { windowStarts: windowStart } }, { upsert: true });
}

describe('retention of primary data', function () {
  this.timeout(120_000);
  let store: mongoose.Connection;

  beforeEach(async () => {
    requireNetwork();
    const database = `retention_${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
    store = await mongoose.createConnection(String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${database}`)).asPromise();
    // Oldest first, as the gateway inserts them.
    const code = '01/09521234543213/21/SN000001';
    const oldScan = NOW - 800 * DAY;
    const freshScan = NOW - 3_600_000;
    for (const at of [oldScan, freshScan]) {
      await scanTallyModel(store).collection.insertOne({
        _id: `${iso(at + 400)}|4242|0`, from: new Date(at), to: new Date(at), scans: 1,
        counts: [{ subjectId: code, at: new Date(at), client: 'c0ffee', count: 1 }],
      } as never);
      await scanWindowModel(store).collection.insertOne({ _id: `${code}|${hourOf(at)}`, subjectId: code, hour: hourOf(at), sightings: [{ client: 'c0ffee' }] } as never);
    }
    await scansAfterSaleModel(store).collection.insertOne({ _id: '01/09521234543213/21/SN000002', soldAt: iso(NOW - 800 * DAY), clients: ['a'], scans: 1 } as never);
    await scansAfterSaleModel(store).collection.insertOne({ _id: '01/09521234543213/21/SN000003', soldAt: iso(NOW - DAY), clients: ['b'], scans: 1 } as never);

    const models = readingModels(store);
    const oldStart = '2026-03-10T08:00:00.000Z';
    const freshStart = iso(NOW - DAY);
    await storeWindow(models, 'LOGGER-1', oldStart, 2);
    await storeWindow(models, 'LOGGER-1', freshStart, 1);
    // One upload that stored readings of both windows: one entry, one line per reading.
    await models.ids.collection.insertOne({ _id: 'LOGGER-1|3', entries: [`r-old ${oldStart} 0011223344556677\nr-new ${freshStart} 8899aabbccddeeff`, `r-old2 ${oldStart} 0000000000000000`] } as never);
  });

  afterEach(async () => {
    await store?.dropDatabase();
    await store?.close();
  });

  it('deletes scan records and raw readings past their retention and keeps the fresh ones', async () => {
    const deleted = await primaryDataRetention(store, { scanRetentionDays: 730, readingRetentionDays: 1827 }).run(NOW);
    // An old tally, its window, an after-sale record, and one reading window.
    expect(deleted).to.equal(4);

    const ids = async (name: string): Promise<string[]> => (await store.collection(name).find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)).sort();
    const code = '01/09521234543213/21/SN000001';
    expect(await ids('primary_scan_tallies')).to.deep.equal([`${iso(NOW - 3_600_000 + 400)}|4242|0`]);
    expect(await ids('primary_scan_windows')).to.deep.equal([`${code}|${hourOf(NOW - 3_600_000)}`]);
    expect(await ids('primary_scan_after_sale')).to.deep.equal(['01/09521234543213/21/SN000003']);

    const freshStart = iso(NOW - DAY);
    expect(await ids('primary_coldchain_reading_windows')).to.deep.equal([`LOGGER-1|${freshStart}`]);
    expect(await ids('primary_coldchain_reading_chunks')).to.deep.equal([`LOGGER-1|${freshStart}|0`]);
    const directory = await store.collection('primary_coldchain_reading_directory').findOne({ _id: 'LOGGER-1' as never });
    expect(directory?.windowStarts).to.deep.equal([freshStart]);
    const bucket = await store.collection('primary_coldchain_reading_ids').findOne({ _id: 'LOGGER-1|3' as never });
    expect(bucket?.entries).to.deep.equal([`r-new ${freshStart} 8899aabbccddeeff`]);

    expect(await primaryDataRetention(store, { scanRetentionDays: 730, readingRetentionDays: 1827 }).run(NOW)).to.equal(0);
  });

  it('keeps everything when both retentions are 0 (for ever)', async () => {
    expect(await primaryDataRetention(store, { scanRetentionDays: 0, readingRetentionDays: 0 }).run(NOW)).to.equal(0);
    expect(await store.collection('primary_scan_tallies').countDocuments()).to.equal(2);
    expect(await store.collection('primary_scan_after_sale').countDocuments()).to.equal(2);
    expect(await store.collection('primary_coldchain_reading_chunks').countDocuments()).to.equal(3);
  });
});
