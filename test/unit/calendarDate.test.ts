import { expect } from 'chai';
import {
  calendarDateProblem,
  EnterpriseRegistrationSchema,
  EntryDocumentInputSchema,
  isLeapYear,
  LotRegistrationSchema,
  parseOrThrow,
} from '../../model/src';
import { sampleLot, refusalMessage } from './modelFixtures';

const lot = sampleLot;
const EXAMPLE = /e\.g\. 2026-11-29\b/;

const refusal = refusalMessage;

describe('calendar dates', () => {
  const refused: ReadonlyArray<[string, RegExp]> = [
    ['2026-02-30', /day 30 does not exist in February 2026, which has 28 days/],
    ['2026-04-31', /day 31 does not exist in April 2026, which has 30 days/],
    ['2026-13-01', /month 13 does not exist \(01–12\)/],
    ['0001-01-01', /year 0001 is outside 2000–2099/],
    ['2100-01-01', /year 2100 is outside 2000–2099/],
    ['2026-2-3', /must be a date YYYY-MM-DD/],
    ['2026-11-29T00:00:00Z', /must be a date YYYY-MM-DD/],
  ];
  for (const [date, message] of refused) {
    it(`refuses ${date} as a production date, naming the field and an accepted example`, () => {
      const text = refusal(() => parseOrThrow(LotRegistrationSchema, { ...lot, productionDate: date }));
      expect(text).to.match(new RegExp(`productionDate: ${message.source}`)).and.to.match(EXAMPLE);
    });
  }

  it('holds expiry, issue and licence dates to the same rules', () => {
    expect(() => parseOrThrow(LotRegistrationSchema, { ...lot, expiryDate: '2027-02-29' })).to.throw(/expiryDate: day 29 does not exist in February 2027/);
    const document = { kind: 'testReport', number: 'TR-1', issuer: 'Lab', issuedOn: '2026-06-31', sha256: 'a'.repeat(64) };
    expect(() => parseOrThrow(EntryDocumentInputSchema, document)).to.throw(/issuedOn: day 31 does not exist in June 2026/);
    const enterprise = { id: '91330100MA27Y0C108', name: 'Demo Cold Storage', kinds: ['coldStore'], region: '330100', licences: [{ kind: 'food business', number: 'JY1', validUntil: '9999-12-31' }] };
    expect(() => parseOrThrow(EnterpriseRegistrationSchema, enterprise)).to.throw(/licences\.0\.validUntil: year 9999 is outside 2000–2099/);
  });

  it('accepts leap days and the edges of the window', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2000-01-01', '2099-12-31']) {
      expect(parseOrThrow(LotRegistrationSchema, { ...lot, productionDate: date, expiryDate: '2099-12-31' }).productionDate, date).to.equal(date);
    }
  });

  it('follows the Gregorian leap rule, centuries included', () => {
    expect([1900, 2000, 2024, 2026, 2100].map(isLeapYear)).to.deep.equal([false, true, true, false, false]);
    expect(calendarDateProblem(2028, 2, 29)).to.equal(undefined);
    expect(calendarDateProblem(2026, 2, 29)).to.equal('day 29 does not exist in February 2026, which has 28 days');
  });
});
