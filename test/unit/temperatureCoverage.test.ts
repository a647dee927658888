import { expect } from 'chai';
import { coveredSpans, custodyPeriods, uncoveredParts, type CustodyRecord } from '../../model/src';

const H = 3_600_000;
const at = (hours: number): string => new Date(Date.UTC(2026, 10, 1) + hours * H).toISOString();
const ms = (hours: number): number => Date.UTC(2026, 10, 1) + hours * H;

let sequence = 0;
function custody(action: CustodyRecord['action'], hours: number, enterpriseId: string, extra: Partial<CustodyRecord> = {}): CustodyRecord {
  sequence += 1;
  return { action, eventId: `e${sequence}`, lotId: 'lot', eventTime: at(hours), enterpriseId, assurance: 'typed', sequence, recordedAt: at(100), txId: 'tx', ...extra };
}

describe('temperature coverage of custody', () => {
  it('cuts a custody log into holdings and transits, one period per holder across store and release events', () => {
    const periods = custodyPeriods([
      custody('create', 0, 'importer'),
      custody('ship', 2, 'importer', { to: 'store' }),
      custody('receive', 5, 'store', { decision: 'accept', quantity: 1 }),
      custody('store', 6, 'store'),
      custody('releaseForSale', 8, 'store'),
      custody('ship', 9, 'store', { to: 'shop' }),
      custody('receive', 10, 'shop', { decision: 'refuse', reason: 'warm' }),
      custody('store', 12, 'store'),
    ]);
    expect(periods.map((p) => [p.kind, p.holder, p.receiver, (p.startMs - ms(0)) / H, (p.endMs - ms(0)) / H])).to.deep.equal([
      ['held', 'importer', undefined, 0, 2],
      ['inTransit', 'importer', 'store', 2, 5],
      ['held', 'store', undefined, 5, 9],
      ['inTransit', 'store', 'shop', 9, 10],
      ['held', 'store', undefined, 10, 12],
    ]);
  });

  it('ignores a registration dated after the physical events it was recorded with', () => {
    const periods = custodyPeriods([custody('ship', 0, 'importer', { to: 'store' }), custody('receive', 3, 'store', { decision: 'accept', quantity: 1 }), custody('create', 50, 'importer')]);
    expect(periods.map((p) => [p.kind, (p.endMs - ms(0)) / H])).to.deep.equal([['inTransit', 3]]);
  });

  it('cuts anchored windows to the times their logger was attached', () => {
    const spans = coveredSpans([{ from: at(1), to: at(3) }, { from: at(5) }], [{ startMs: ms(0), endMs: ms(2) }, { startMs: ms(2.5), endMs: ms(6) }]);
    expect(spans.map((s) => [(s.startMs - ms(0)) / H, (s.endMs - ms(0)) / H])).to.deep.equal([
      [1, 2],
      [2.5, 3],
      [5, 6],
    ]);
  });

  it('finds uncovered stretches longer than the tolerance, and forgives shorter ones', () => {
    const period = { startMs: ms(0), endMs: ms(10) };
    const spans = [
      { startMs: ms(0), endMs: ms(2) },
      { startMs: ms(2.25), endMs: ms(4) }, // 15 min apart: continuous
      { startMs: ms(7), endMs: ms(9.8) },
    ];
    const gaps = uncoveredParts(period, spans, 30 * 60_000);
    expect(gaps.map((g) => [(g.startMs - ms(0)) / H, (g.endMs - ms(0)) / H])).to.deep.equal([[4, 7]]);
    expect(uncoveredParts(period, [], 30 * 60_000)).to.deep.equal([period]);
    expect(uncoveredParts(period, [{ startMs: ms(-1), endMs: ms(11) }], 30 * 60_000)).to.deep.equal([]);
  });
});
