import { expect } from 'chai';
import {
  answeredLate,
  overdueHolders,
  recallAsSeenBy,
  recallDeadlines,
  RecallOpeningSchema,
  recallStateOf,
  reportProblem,
  type Recall,
  type RecallHolder,
  type WorkingCalendar,
} from '../../model/src';

const calendars = new Map<number, WorkingCalendar>([[2026, { year: 2026, holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] }]]);
const LOT = '01/09521234543213/10/LOT42';

const holder = (enterpriseId: string, extra: Partial<RecallHolder> = {}): RecallHolder => ({
  recallId: 'RC-0123456789abcdef', enterpriseId, items: [{ kind: 'lot', itemId: LOT, quantity: 100, unit: 'carton' }], directConsignee: false, updatedAt: '2026-11-01T00:00:00Z', txId: 't', ...extra,
});

const recall = (extra: Partial<Recall> = {}): Recall => ({
  recallId: 'RC-0123456789abcdef', reason: 'Listeria', domain: 'food', level: 1, scope: { kind: 'lots', lotIds: [LOT] }, scopeItems: [LOT], responsibleId: 'OWNER',
  openedBy: { actorId: 'OWNER', regulator: false }, openedAt: '2026-11-01T00:00:00Z', acknowledgeBy: '2026-11-02T00:00:00.000Z', finishBy: '2026-11-13',
  holderIds: ['A', 'B'], itemCount: 2, state: 'open', txId: 't', updatedAt: '2026-11-01T00:00:00Z', ...extra,
});

describe('recall rules', () => {
  it('counts a holder late when it answered after the deadline or was found silent, not before', () => {
    expect(answeredLate(undefined)).to.equal(false);
    expect(answeredLate({})).to.equal(false);
    expect(answeredLate({ late: false })).to.equal(false);
    expect(answeredLate({ late: true })).to.equal(true);
    expect(answeredLate({ overdueSince: '2026-11-30T00:00:00.000Z' })).to.equal(true);
  });

  it('dates the acknowledgement by the hour and the finish by working days from the Shanghai day of opening, across a holiday', () => {
    // 17:00 UTC on September 29 is already September 30 in Shanghai; the National Day week is off, October 10 (a Saturday) is worked.
    expect(recallDeadlines('2026-09-29T17:00:00Z', { acknowledgeWithinHours: 24, finishWithinWorkingDays: 2 }, calendars)).to.deep.equal({
      acknowledgeBy: '2026-09-30T17:00:00.000Z',
      finishBy: '2026-10-09',
    });
    expect(recallDeadlines('2026-09-29T17:00:00Z', { acknowledgeWithinHours: 24, finishWithinWorkingDays: 3 }, calendars).finishBy).to.equal('2026-10-10');
  });

  it('refuses a report of an item not held, of one item twice, or of more than was held', () => {
    const held = holder('A');
    expect(reportProblem(held, [{ itemId: LOT, withdrawn: 60, returned: 10, destroyed: 30 }])).to.equal(undefined);
    expect(reportProblem(held, [{ itemId: LOT, withdrawn: 60, returned: 10, destroyed: 31 }])).to.match(/come to 101 carton, more than the 100 carton A held/);
    expect(reportProblem(held, [{ itemId: '01/09521234543213/10/OTHER', withdrawn: 1, returned: 0, destroyed: 0 }])).to.match(/is not among what A held/);
    expect(reportProblem(held, [{ itemId: LOT, withdrawn: 1, returned: 0, destroyed: 0 }, { itemId: LOT, withdrawn: 1, returned: 0, destroyed: 0 }])).to.match(/reported twice/);
  });

  it('completes a recall once every holder reported, unless a regulator closed it', () => {
    expect(recallStateOf(recall(), [holder('A', { reportedAt: 'x' }), holder('B')])).to.equal('open');
    expect(recallStateOf(recall(), [holder('A', { reportedAt: 'x' }), holder('B', { reportedAt: 'y' })])).to.equal('completed');
    expect(recallStateOf(recall({ state: 'closed' }), [holder('A', { reportedAt: 'x' })])).to.equal('closed');
  });

  it('finds holders overdue only after the deadline, silent and not marked yet', () => {
    const holders = [holder('A', { acknowledgedAt: '2026-11-01T05:00:00Z' }), holder('B'), holder('C', { overdueSince: '2026-11-02T00:00:00.000Z' })];
    expect(overdueHolders(recall(), holders, '2026-11-01T23:59:59Z')).to.deep.equal([]);
    expect(overdueHolders(recall(), holders, '2026-11-02T00:00:01Z').map((h) => h.enterpriseId)).to.deep.equal(['B']);
  });

  it('shows the public no holders, a holder its own entry, the responsible enterprise its direct consignees whole and the rest as progress', () => {
    const holders = [holder('A', { directConsignee: true }), holder('B', { acknowledgedAt: '2026-11-01T05:00:00Z' })];
    const open = recall();
    expect(recallAsSeenBy(open, holders, 'public', undefined)).to.deep.equal({
      audience: 'public',
      recall: { recallId: open.recallId, reason: 'Listeria', domain: 'food', level: 1, scopeItems: [LOT], state: 'open', openedAt: open.openedAt },
    });
    const ofB = recallAsSeenBy(open, holders, 'party', 'B');
    expect(ofB.audience === 'party' && ofB.holders).to.deep.equal([holders[1]]);
    const ofOwner = recallAsSeenBy(open, holders, 'party', 'OWNER');
    expect(ofOwner.audience === 'party' && ofOwner.holders).to.deep.equal([holders[0], { enterpriseId: 'B', acknowledgedAt: '2026-11-01T05:00:00Z' }]);
    const ofRegulator = recallAsSeenBy(open, holders, 'regulator', undefined);
    expect(ofRegulator.audience === 'regulator' && ofRegulator.holders).to.deep.equal(holders);
  });

  it('takes lots as food and batches as drugs, and nothing else', () => {
    expect(RecallOpeningSchema.safeParse({ reason: 'r', domain: 'food', level: 1, scope: { kind: 'lots', lotIds: [LOT] } }).success).to.equal(true);
    expect(RecallOpeningSchema.safeParse({ reason: 'r', domain: 'drug', level: 1, scope: { kind: 'lots', lotIds: [LOT] } }).success).to.equal(false);
    expect(RecallOpeningSchema.safeParse({ reason: 'r', domain: 'food', level: 1, scope: { kind: 'lotRange', gtin: '09521234543213', fromLotNumber: 'B', toLotNumber: 'A' } }).success).to.equal(false);
  });
});
