import { expect } from 'chai';
import { countScans, type ScanEvent } from '../../gateway/src/scans/scanEvents';

describe('scan tallies', () => {
  it('counts identical scans (code, minute, region, client) as one entry and keeps the rest apart', () => {
    const at = new Date('2026-11-29T22:41:00Z');
    const scan = (subjectId: string, client: string, province?: string): ScanEvent => ({ subjectId, at, hour: '2026-11-29T22:00:00.000Z', client, ...(province ? { province, claimedRegion: `${province}0102` } : {}) });
    const counts = countScans([scan('01/A/10/L1', 'c1'), scan('01/A/10/L1', 'c1'), scan('01/A/10/L1', 'c2'), scan('01/A/10/L1', 'c1', '33'), scan('01/A/10/L2', 'c1')]);
    expect(counts).to.deep.equal([
      { subjectId: '01/A/10/L1', at, client: 'c1', count: 2 },
      { subjectId: '01/A/10/L1', at, client: 'c2', count: 1 },
      { subjectId: '01/A/10/L1', at, province: '33', claimedRegion: '330102', client: 'c1', count: 1 },
      { subjectId: '01/A/10/L2', at, client: 'c1', count: 1 },
    ]);
    expect(counts.reduce((sum, c) => sum + c.count, 0)).to.equal(5);
  });
});
