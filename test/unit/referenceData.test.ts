import { expect } from 'chai';
import { addWorkingDays, isWorkingDay, regionChain, regionWithin, WorkingCalendarSchema, type WorkingCalendar } from '../../model/src';

/** 2026's National Day week as published: 10-01…10-08 off, Sunday 09-27 and Saturday 10-10 worked. */
const calendar2026: WorkingCalendar = {
  year: 2026,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-09-27', '2026-10-10'],
};
const calendars = new Map([[2026, calendar2026]]);

describe('working days', () => {
  it('counts weekdays, skips holidays and counts weekend days made working days', () => {
    expect(isWorkingDay('2026-09-27', calendars)).to.equal(true);
    expect(isWorkingDay('2026-10-01', calendars)).to.equal(false);
    expect(isWorkingDay('2026-10-03', calendars)).to.equal(false);
    expect(addWorkingDays('2026-09-30', 1, calendars)).to.equal('2026-10-09');
    expect(addWorkingDays('2026-09-30', 2, calendars)).to.equal('2026-10-10');
    expect(addWorkingDays('2026-09-25', 1, calendars)).to.equal('2026-09-27');
  });

  it('counts weekdays only in a year without a calendar, across the year end', () => {
    expect(addWorkingDays('2027-12-31', 1, calendars)).to.equal('2028-01-03');
    expect(addWorkingDays('2026-12-28', 10, new Map())).to.equal('2027-01-11');
  });

  it('refuses a calendar naming a day of another year or one day as both', () => {
    expect(WorkingCalendarSchema.safeParse({ year: 2026, holidays: ['2027-01-01'], workdays: [] }).success).to.equal(false);
    expect(WorkingCalendarSchema.safeParse({ year: 2026, holidays: ['2026-10-10'], workdays: ['2026-10-10'] }).success).to.equal(false);
    expect(WorkingCalendarSchema.safeParse(calendar2026).success).to.equal(true);
  });
});

describe('region scope', () => {
  const parents: Record<string, string> = { '330106': '330100', '330100': '330000', '330200': '330000' };
  const parentOf = (code: string): string | undefined => parents[code];

  it('reaches a region through its city and province', () => {
    expect(regionChain('330106', parentOf)).to.deep.equal(['330106', '330100', '330000']);
    expect(regionWithin('330106', ['330100'], parentOf)).to.equal(true);
    expect(regionWithin('330106', ['330200'], parentOf)).to.equal(false);
    expect(regionWithin('330106', ['330000'], parentOf)).to.equal(true);
  });

  it('stops at a cycle in bad data', () => {
    expect(regionChain('1', (code) => (code === '1' ? '2' : '1'))).to.deep.equal(['1', '2']);
  });
});
