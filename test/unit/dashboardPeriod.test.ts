import { expect } from 'chai';
import { currentMonth, DashboardPeriodSchema, monthsEndingWith, monthStart } from '../../gateway/src/dashboard/dashboardPeriod';
import { disclosedCaseOf } from '../../gateway/src/dashboard/publicDisclosure';
import type { RiskClue } from '../../model/src';

describe('dashboard periods and what the public sees of a case', () => {
  it('counts trend months back across a year end, oldest first', () => {
    expect(monthsEndingWith('2026-02', 4)).to.deep.equal(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('starts a month at midnight in Shanghai, and tells this month by Shanghai time', () => {
    expect(monthStart('2026-07')).to.equal('2026-06-30T16:00:00.000Z');
    expect(currentMonth(Date.parse('2026-06-30T16:30:00Z')), 'already July in Shanghai').to.equal('2026-07');
  });

  it('takes months only', () => {
    expect(DashboardPeriodSchema.safeParse('2026-13').success).to.equal(false);
    expect(DashboardPeriodSchema.safeParse('2026').success).to.equal(false);
    expect(DashboardPeriodSchema.safeParse('2026-07').success).to.equal(true);
  });

  it('discloses a published case\'s decision, never the complaint\'s words, its filer or the findings, and no unpublished case', () => {
    const clue = {
      clueId: 'tx1', subjectId: '01/09521234543213/10/LOT42', source: 'consumer', category: 'counterfeit', text: 'my neighbour Wang sold it', status: 'closed',
      regionCode: '330603', enterpriseId: '91330100MA2B3C4D5E', filedAt: '2026-07-01T00:00:00Z', filedBy: 'consumer:abc', txId: 'tx1',
      verification: { findings: 'cartons in the back room', evidenceHashes: [], inspector: 'regulator:r1', at: '2026-07-02T00:00:00Z', txId: 'tx2' },
      case: { caseNumber: '绍市监案〔2026〕1号', filedAt: '2026-07-03T00:00:00Z', by: 'regulator:r1', penalty: { decision: 'Fine of 5,000 yuan', publish: true, decidedAt: '2026-07-04T00:00:00Z', by: 'regulator:r1' } },
    } as RiskClue;
    const disclosed = disclosedCaseOf(clue);
    expect(disclosed).to.deep.equal({ subjectId: clue.subjectId, kind: 'counterfeit', regionCode: '330603', enterpriseId: '91330100MA2B3C4D5E', caseNumber: '绍市监案〔2026〕1号', decision: 'Fine of 5,000 yuan', decidedAt: '2026-07-04T00:00:00Z' });
    expect(JSON.stringify(disclosed)).not.to.match(/Wang|consumer:abc|back room|regulator:r1/);
    expect(disclosedCaseOf({ ...clue, case: { ...clue.case!, penalty: { ...clue.case!.penalty!, publish: false } } })).to.equal(undefined);
  });
});
