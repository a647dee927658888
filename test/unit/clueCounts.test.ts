import { expect } from 'chai';
import { clueSeverity, type RiskClue } from '../../model/src';
import { clueMonth, countChange, countIds } from '../../gateway/src/projection/clues/clueCounts';
import type { ClueCounts } from '../../gateway/src/projection/clues';

const clue = (overrides: Partial<RiskClue>): RiskClue => ({ clueId: 'c1', subjectId: '01/09521234543213/10/L1', source: 'consumer', status: 'assigned', filedAt: '2026-11-30T17:00:00.000Z', filedBy: 'intake', txId: 't', ...overrides });
const empty = (): ClueCounts => ({ _id: 'x', raised: 0, closed: 0, overdue: 0, escalations: 0, states: {} });

describe('clue counters', () => {
  it('counts a clue in the month it was raised in Asia/Shanghai, under its region, those above and all', () => {
    expect(clueMonth('2026-11-30T17:00:00.000Z')).to.equal('2026-12');
    expect(countIds(clue({}), ['330106', '330100'])).to.deep.equal(['330106|2026-12', '330106|all', '330100|2026-12', '330100|all', 'all|2026-12', 'all|all']);
  });

  it('follows a clue from raised through an escalation to closed: states move, overdue comes and goes', () => {
    const counts = empty();
    const raised = clue({});
    countChange(undefined, raised)(counts);
    const escalated = clue({ escalations: 1 });
    countChange(raised, escalated)(counts);
    expect(counts).to.deep.include({ raised: 1, closed: 0, overdue: 1, escalations: 1, states: { assigned: 1 } });
    const verified = clue({ escalations: 1, status: 'verified' });
    countChange(escalated, verified)(counts);
    const dismissed = clue({ escalations: 1, status: 'dismissed' });
    countChange(verified, dismissed)(counts);
    const closed = clue({ escalations: 1, status: 'closed' });
    countChange(dismissed, closed)(counts);
    expect(counts).to.deep.include({ raised: 1, closed: 1, overdue: 0, escalations: 1 });
    expect(counts.states).to.deep.equal({ assigned: 0, verified: 0, dismissed: 0, closed: 1 });
  });

  it('reads a pre-lifecycle open clue as raised, and grades severity by kind', () => {
    const counts = empty();
    countChange(undefined, clue({ status: 'open' }))(counts);
    expect(counts.states).to.deep.equal({ raised: 1 });
    expect(clueSeverity({ source: 'alert', alert: { domain: 'drug', itemId: 'x', alertId: 'y', kind: 'duplicateSale' } })).to.equal('high');
    expect(clueSeverity({ source: 'consumer', category: 'dirty' })).to.equal('low');
    expect(clueSeverity({ source: 'alert', alert: { domain: 'elevator', itemId: 'x', alertId: 'y', kind: 'somethingNew' } })).to.equal('medium');
  });
});
