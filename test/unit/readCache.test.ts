import { expect } from 'chai';
import mongoose from 'mongoose';
import { ledgerProjections, touchedKeys as touchedKeysOf } from '../../gateway/src/projection/projections';
import { ProjectionReadCache } from '../../gateway/src/projection/readCache';

// The store is never reached: which keys an event touches is decided before any write.
const projections = ledgerProjections(mongoose.createConnection()).list;
const touchedKeys = (eventName: string, record: unknown): string[] => touchedKeysOf(projections, eventName, record);

describe('projection read cache', () => {
  it('serves a cached read until the projector invalidates its key', async () => {
    const cache = new ProjectionReadCache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('lot:A', load)).to.equal(1);
    expect(await cache.get('lot:A', load)).to.equal(1);
    cache.invalidate(['lot:A']);
    expect(await cache.get('lot:A', load)).to.equal(2);
  });

  it('does not keep a read that raced a write to the same key (no stale recall state)', async () => {
    const cache = new ProjectionReadCache();
    let release: (value: string) => void = () => undefined;
    const slowRead = cache.get('lot:A', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate(['lot:A']); // the projector writes the recall while the read is in flight
    release('before recall');
    expect(await slowRead).to.equal('before recall');
    expect(await cache.get('lot:A', async () => 'recalled')).to.equal('recalled');
  });

  it('lets concurrent misses of one key share one read', async () => {
    const cache = new ProjectionReadCache();
    let loads = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 10));
    const values = await Promise.all(Array.from({ length: 64 }, () => cache.get('subject:S', load)));
    expect(loads).to.equal(1);
    expect(new Set(values)).to.deep.equal(new Set([1]));
  });

  it('expires entries after its time to live and drops the least recently used beyond its size', async () => {
    const short = new ProjectionReadCache(10, 0);
    expect(await short.get('k', async () => 1)).to.equal(1);
    expect(await short.get('k', async () => 2)).to.equal(2);
    const small = new ProjectionReadCache(1);
    await small.get('a', async () => 'a1');
    await small.get('b', async () => 'b1');
    expect(await small.get('a', async () => 'a2')).to.equal('a2');
  });

  it('keeps a bulk-read value only if its key was not invalidated since the read began', () => {
    const cache = new ProjectionReadCache();
    const mark = cache.mark();
    cache.invalidate(['lot:B']); // the projector recalls B while the warm-up streams the old documents
    expect(cache.prime('lot:A', 'A as read', mark)).to.equal(true);
    expect(cache.prime('lot:B', 'B before recall', mark)).to.equal(false);
    expect(cache.peek('lot:A')).to.equal('A as read');
    expect(cache.peek('lot:B')).to.equal(undefined);
  });

  it('does not keep values the reader says not to keep, and keeps others until invalidated', async () => {
    const cache = new ProjectionReadCache(10, 0);
    let loads = 0;
    const unknown = async () => {
      loads++;
      return undefined;
    };
    await cache.get('lot:X', unknown, { keepIf: (value) => value !== undefined });
    await cache.get('lot:X', unknown, { keepIf: (value) => value !== undefined });
    expect(loads).to.equal(2);
    expect(await cache.get('lot:Y', async () => 'y', { ttlMs: Infinity })).to.equal('y');
    expect(cache.peek('lot:Y'), 'beyond the default time to live of 0').to.equal('y');
  });

  it('tells listeners which keys it dropped', () => {
    const cache = new ProjectionReadCache();
    const heard: string[][] = [];
    cache.onInvalidate((keys) => heard.push([...keys]));
    cache.invalidate(['lot:A', 'journey:A']);
    cache.invalidate([]);
    expect(heard).to.deep.equal([['lot:A', 'journey:A']]);
  });

  it('names the lots and subjects an event touches', () => {
    expect(touchedKeys('TraceEventRecorded', { subjectId: 'S1' })).to.deep.equal(['subject:S1']);
    const update = { lots: [{ id: 'L1' }], custodyEvents: [{ lotId: 'L1' }], alerts: [], attachments: [], lineage: [{ parentId: 'L0', childId: 'L1' }] };
    expect(touchedKeys('ColdChainLotsDerived', update).sort()).to.deep.equal(['journey:L0', 'journey:L1', 'lot:L0', 'lot:L1']);
    expect(touchedKeys('EnterpriseRegistered', { id: 'E1' })).to.deep.equal(['enterprise:E1']);
  });

  it('drops the sold unit and its lot when a unit sale is projected', () => {
    const update = { lots: [], custodyEvents: [], alerts: [], attachments: [], lineage: [], unitSales: [{ lotId: 'L1', gtin: '09521234543213', serial: 'SN000042' }] };
    expect(touchedKeys('ColdChainUnitsSold', update).sort()).to.deep.equal(['journey:L1', 'lot:L1', 'unit:09521234543213|SN000042']);
  });
});
