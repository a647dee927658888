import { expect } from 'chai';
import { generateKeyPairSync, sign } from 'node:crypto';
import { canonicalReadingBytes, leafHash, merkleRootHex } from '../../model/src';
import { groupIntoWindows, ReadingUploadSchema, summariseWindow, verifyDeviceSignature, type SummarisedReading } from '../../gateway/src/readings';

const at = (iso: string): number => Date.parse(iso);
const reading = (readingId: string, iso: string) => ({ readingId, timeMs: at(iso) });

describe('reading windows', () => {
  it('groups a logger\'s readings into one-hour UTC slots, keyed by each window\'s first reading', () => {
    const windows = groupIntoWindows([
      reading('c', '2026-11-29T09:00:00.000Z'),
      reading('a', '2026-11-29T08:10:00+08:00'), // 00:10 UTC
      reading('b', '2026-11-29T08:59:59.999Z'),
      reading('d', '2026-11-29T08:20:00.000Z'),
    ]);
    expect(windows.map((w) => [w.slotStart, w.windowStart, w.windowEnd, w.readings.map((r) => r.readingId).join('')])).to.deep.equal([
      ['2026-11-29T00:00:00.000Z', '2026-11-29T00:10:00.000Z', '2026-11-29T00:10:00.001Z', 'a'],
      ['2026-11-29T08:00:00.000Z', '2026-11-29T08:20:00.000Z', '2026-11-29T09:00:00.000Z', 'db'],
      ['2026-11-29T09:00:00.000Z', '2026-11-29T09:00:00.000Z', '2026-11-29T09:00:00.001Z', 'c'],
    ]);
  });

  it('orders leaves by time, then by reading id in code-unit order, whatever order they came in', () => {
    const same = '2026-11-29T08:00:00.000Z';
    const windows = groupIntoWindows([reading('b', same), reading('B', same), reading('a', same), reading('A', '2026-11-29T08:00:01.000Z')]);
    expect(windows).to.have.length(1);
    expect(windows[0].readings.map((r) => r.readingId)).to.deep.equal(['B', 'a', 'b', 'A']);
  });

  it('summarises a window: root over the leaves in order, extremes, device-signed count, excursions of at least the tolerance and the stretch holding an extreme', () => {
    const loggerId = 'urn:epc:id:giai:4000001.111';
    const temps = [-200, -150, -140, -200, -100, -190];
    const readings: SummarisedReading[] = temps.map((tenthsC, minute) => {
      const time = new Date(at('2026-11-29T08:00:00.000Z') + minute * 20 * 60_000).toISOString();
      return { timeMs: Date.parse(time), tenthsC, deviceSigned: minute % 2 === 0, leafHash: leafHash(canonicalReadingBytes({ loggerId, readingId: `r${minute}`, time, tenthsC })) };
    });
    const anchor = summariseWindow(loggerId, { windowStart: '2026-11-29T08:00:00.000Z', windowEnd: '2026-11-29T09:40:00.001Z' }, readings, [
      { range: { minTenthsC: -600, maxTenthsC: -180 }, toleranceMs: 30 * 60_000 },
    ]);
    expect(anchor).to.deep.include({ count: 6, minTenthsC: -200, maxTenthsC: -100, deviceSignedCount: 3, merkleRoot: merkleRootHex(readings.map((r) => r.leafHash)) });
    // 08:20–09:00 (40 min) is an excursion; 09:20–09:40 (20 min) is shorter than the tolerance, but it holds
    // the window's maximum, outside the range: chaincode refuses a window whose extreme no episode reaches.
    expect(anchor.excursions).to.deep.equal([
      { start: '2026-11-29T08:20:00.000Z', end: '2026-11-29T09:00:00.000Z', minTenthsC: -150, maxTenthsC: -140 },
      { start: '2026-11-29T09:20:00.000Z', end: '2026-11-29T09:40:00.000Z', minTenthsC: -100, maxTenthsC: -100 },
    ]);
  });

  it('leaves out a stretch shorter than the tolerance that holds no window extreme', () => {
    const readings: SummarisedReading[] = [-200, -150, -200, -100, -100, -200].map((tenthsC, i) => ({
      timeMs: at('2026-11-29T08:00:00.000Z') + i * 20 * 60_000,
      tenthsC,
      deviceSigned: false,
      leafHash: Buffer.alloc(32),
    }));
    const anchor = summariseWindow('urn:epc:id:giai:4000001.111', { windowStart: '2026-11-29T08:00:00.000Z', windowEnd: '2026-11-29T09:40:00.001Z' }, readings, [
      { range: { minTenthsC: -600, maxTenthsC: -180 }, toleranceMs: 30 * 60_000 },
    ]);
    expect(anchor.excursions).to.deep.equal([{ start: '2026-11-29T09:00:00.000Z', end: '2026-11-29T09:40:00.000Z', minTenthsC: -100, maxTenthsC: -100 }]);
  });

  it('reports only the first of several short stretches reaching the same extreme', () => {
    const readings: SummarisedReading[] = [-200, -100, -200, -100, -200].map((tenthsC, i) => ({
      timeMs: at('2026-11-29T08:00:00.000Z') + i * 20 * 60_000,
      tenthsC,
      deviceSigned: false,
      leafHash: Buffer.alloc(32),
    }));
    const anchor = summariseWindow('urn:epc:id:giai:4000001.111', { windowStart: '2026-11-29T08:00:00.000Z', windowEnd: '2026-11-29T09:20:00.001Z' }, readings, [
      { range: { minTenthsC: -600, maxTenthsC: -180 }, toleranceMs: 30 * 60_000 },
    ]);
    expect(anchor.excursions).to.deep.equal([{ start: '2026-11-29T08:20:00.000Z', end: '2026-11-29T08:40:00.000Z', minTenthsC: -100, maxTenthsC: -100 }]);
  });

  it('keeps the first start of an episode still open when the window begins', () => {
    const mk = (iso: string, tenthsC: number): SummarisedReading => ({ timeMs: at(iso), tenthsC, deviceSigned: false, leafHash: Buffer.alloc(32) });
    const earlier = [mk('2026-11-29T08:30:00.000Z', -200), mk('2026-11-29T08:40:00.000Z', -120), mk('2026-11-29T08:50:00.000Z', -110)];
    const window = [mk('2026-11-29T09:00:00.000Z', -130), mk('2026-11-29T09:10:00.000Z', -200)];
    const anchor = summariseWindow('urn:epc:id:giai:4000001.111', { windowStart: '2026-11-29T09:00:00.000Z', windowEnd: '2026-11-29T09:10:00.001Z' }, window,
      [{ range: { minTenthsC: -600, maxTenthsC: -180 }, toleranceMs: 30 * 60_000 }], earlier);
    expect(anchor.excursions).to.deep.equal([{ start: '2026-11-29T08:40:00.000Z', end: '2026-11-29T09:10:00.000Z', minTenthsC: -130, maxTenthsC: -110 }]);
  });
});

describe('reading uploads', () => {
  const ok = { readingId: 'r-1', time: '2026-11-29T08:00:00+08:00', tenthsC: -195 };
  const issuesOf = (readings: unknown[]): string[] => {
    const result = ReadingUploadSchema.safeParse({ readings });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts readings strictly in time order', () => {
    expect(issuesOf([ok, { ...ok, readingId: 'r-2', time: '2026-11-29T00:00:01Z' }])).to.deep.equal([]);
  });

  it('refuses readings out of order, in the future, with duplicated ids or fractional temperatures, naming each', () => {
    expect(issuesOf([ok, { ...ok, readingId: 'r-2', time: '2026-11-28T23:59:59Z' }])[0]).to.match(/^readings\.1\.time: is out of time order/);
    expect(issuesOf([{ ...ok, time: new Date(Date.now() + 3_600_000).toISOString() }])[0]).to.match(/^readings\.0\.time: lies in the future/);
    expect(issuesOf([ok, { ...ok, time: '2026-11-29T00:00:01Z' }])).to.deep.equal(['readings.1.readingId: duplicates readings[0].readingId r-1']);
    expect(issuesOf([{ ...ok, tenthsC: -19.5 }])[0]).to.match(/^readings\.0\.tenthsC: must be an integer/);
  });
});

describe('device signatures on readings', () => {
  const bytes = canonicalReadingBytes({ loggerId: 'urn:epc:id:giai:4000001.111', readingId: 'r-1', time: '2026-11-29T00:00:00Z', tenthsC: -195 });

  it('verifies EC P-256 signatures in DER and raw form, and Ed25519 ones, and refuses others', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(verifyDeviceSignature(ec.publicKey, bytes, sign('sha256', bytes, ec.privateKey).toString('base64'))).to.equal(true);
    expect(verifyDeviceSignature(ec.publicKey, bytes, sign('sha256', bytes, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64'))).to.equal(true);
    const ed = generateKeyPairSync('ed25519');
    expect(verifyDeviceSignature(ed.publicKey, bytes, sign(null, bytes, ed.privateKey).toString('base64'))).to.equal(true);
    const other = Buffer.from(bytes.toString('utf8').replace('-195', '-194'));
    expect(verifyDeviceSignature(ec.publicKey, other, sign('sha256', bytes, ec.privateKey).toString('base64'))).to.equal(false);
    expect(verifyDeviceSignature(ec.publicKey, bytes, Buffer.alloc(64, 1).toString('base64'))).to.equal(false);
  });
});
