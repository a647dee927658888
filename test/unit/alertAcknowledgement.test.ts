import { expect } from 'chai';
import { acknowledgerRefusal, AlertAcknowledgementInputSchema, AlertReferenceSchema, describeIssues } from '../../model/src';

describe('alert acknowledgements', () => {
  const lotId = '01/09521234543213/10/LOT42';

  it('names who may acknowledge when a stranger tries: the owner and the custodian', () => {
    expect(acknowledgerRefusal({ id: lotId, ownerId: 'A', custodianId: 'B' }, 'C')).to.equal(
      `only the owner A or the custodian B of lot ${lotId} may acknowledge its alerts; enterprise C is neither`,
    );
    expect(acknowledgerRefusal({ id: lotId, ownerId: 'A', custodianId: 'A' }, 'C')).to.equal(`only A, owner and custodian of lot ${lotId}, may acknowledge its alerts; enterprise C may not`);
  });

  it('takes alert ids of a known kind only', () => {
    expect(AlertReferenceSchema.safeParse({ lotId, alertId: 'quantityMismatch:ev-1' }).success).to.equal(true);
    const bad = AlertReferenceSchema.safeParse({ lotId, alertId: 'rumour:ev-1' });
    expect(bad.success).to.equal(false);
    expect(describeIssues(bad.error?.issues ?? [])).to.equal('alertId: must be an alert id <kind>:<…> such as quantityMismatch:ev-2026-11-29-0001');
  });

  it('needs a comment that says something', () => {
    expect(AlertAcknowledgementInputSchema.parse({ comment: '  counted again: 950 kg  ' }).comment).to.equal('counted again: 950 kg');
    const blank = AlertAcknowledgementInputSchema.safeParse({ comment: '   ' });
    expect(describeIssues(blank.error?.issues ?? [])).to.equal('comment: must say what was found or done');
  });
});
