import { expect } from 'chai';
import type { Collection } from 'mongodb';
import { readingCutoff, retentionCutoff } from '../../gateway/src/retention';
import { scanWindowIdOf } from '../../gateway/src/scans/scanRetention';
import { expiredAtHead } from '../../gateway/src/store/expiredAtHead';

/** A collection whose natural order is `documents`, counting how many the walk read. */
function collectionOf(documents: { _id: string; old: boolean }[]): { collection: Collection<{ _id: string; old: boolean }>; read: () => number } {
  let read = 0;
  const cursor = {
    async *[Symbol.asyncIterator]() {
      for (const document of documents) {
        read++;
        yield document;
      }
    },
    close: async () => undefined,
  };
  return { collection: { find: () => cursor } as unknown as Collection<{ _id: string; old: boolean }>, read: () => read };
}

describe('primary data retention', () => {
  it('cuts off the configured number of days before now, and keeps for ever at 0 days', () => {
    expect(retentionCutoff(Date.parse('2026-03-01T00:00:00Z'), 30)).to.equal(Date.parse('2026-01-30T00:00:00Z'));
    expect(retentionCutoff(Date.parse('2028-02-28T06:00:00Z'), 730)).to.equal(Date.parse('2026-02-28T06:00:00Z'));
    expect(retentionCutoff(Date.now(), 0)).to.equal(undefined);
  });

  it('cuts raw readings off at the start of the month, so they are kept up to a month longer and never shorter', () => {
    expect(readingCutoff(Date.parse('2031-05-20T10:00:00Z'), 1827)).to.equal(Date.parse('2026-05-01T00:00:00Z'));
    expect(readingCutoff(Date.parse('2031-05-01T00:30:00Z'), 1)).to.equal(Date.parse('2031-04-01T00:00:00Z'));
    for (let now = Date.parse('2030-01-01T00:00:00Z'); now < Date.parse('2031-01-01T00:00:00Z'); now += 86_400_000 * 7 + 3_600_000) {
      const cutoff = readingCutoff(now, 1827) as number;
      expect(cutoff).to.be.at.most(retentionCutoff(now, 1827) as number);
      expect(retentionCutoff(now, 1827)! - cutoff).to.be.below(31 * 86_400_000);
      expect(new Date(cutoff).toISOString()).to.match(/^\d{4}-\d{2}-01T00:00:00.000Z$/);
    }
    expect(readingCutoff(Date.now(), 0)).to.equal(undefined);
  });

  it('names the hourly scan window a counted scan went into, as the scan monitor keys it', () => {
    expect(scanWindowIdOf('01/09521234543213/21/SN1', new Date('2026-11-29T22:41:00Z'))).to.equal('01/09521234543213/21/SN1|2026-11-29T22:00:00.000Z');
  });

  it('answers the expired documents at the head of the natural order and stops after a run of fresh ones', async () => {
    const documents = [
      { _id: 'a', old: true }, { _id: 'b', old: false }, { _id: 'c', old: true },
      { _id: 'd', old: false }, { _id: 'e', old: false }, { _id: 'f', old: true },
    ];
    const { collection, read } = collectionOf(documents);
    const expired = await expiredAtHead(collection, { projection: {}, isExpired: (d) => d.old, limit: 10, freshRun: 2 });
    expect(expired.map((d) => d._id)).to.deep.equal(['a', 'c']);
    expect(read()).to.equal(5);
  });

  it('answers no more expired documents than its limit', async () => {
    const { collection, read } = collectionOf(Array.from({ length: 50 }, (_, i) => ({ _id: String(i), old: true })));
    expect(await expiredAtHead(collection, { projection: {}, isExpired: (d) => d.old, limit: 20, freshRun: 5 })).to.have.length(20);
    expect(read()).to.equal(20);
  });
});
