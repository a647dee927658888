import type { WorkingCalendar } from './referenceData';

/**
 * Working-day arithmetic on calendar dates (`YYYY-MM-DD`), by fields only (no `Date` rollover
 * surprises in chaincode): Monday to Friday work unless the year's calendar makes them holidays, and
 * weekend days made working days count.
 */

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function dateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `date` is a working day under the calendars given (a year without one: weekdays only). */
export function isWorkingDay(date: string, calendars: ReadonlyMap<number, WorkingCalendar>): boolean {
  const calendar = calendars.get(Number(date.slice(0, 4)));
  if (calendar?.workdays.includes(date)) return true;
  if (calendar?.holidays.includes(date)) return false;
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `count` working days after `date` (the day itself not counted).
 *
 * @example addWorkingDays('2026-09-30', 1, calendars) // '2026-10-09' when 10-01…10-08 are the National Day holiday
 */
export function addWorkingDays(date: string, count: number, calendars: ReadonlyMap<number, WorkingCalendar>): string {
  let dayNo = dayNumber(date);
  for (let left = count; left > 0; ) {
    dayNo += 1;
    if (isWorkingDay(dateOf(dayNo), calendars)) left -= 1;
  }
  return dateOf(dayNo);
}

/** The years a deadline `count` working days from `date` may reach: the chaincode reads those calendars. */
export function yearsReached(date: string, count: number): number[] {
  const first = Number(date.slice(0, 4));
  // 30 working days span at most ~7 weeks even around Spring Festival; a year more covers every bound.
  const last = Number(dateOf(dayNumber(date) + count * 2 + 30).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
