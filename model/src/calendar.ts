/**
 * Calendar rules shared by every date and time the ledger accepts. Pure arithmetic on the written
 * fields, never the clock or `Date` rollover: V8's `Date.parse` turns `2026-02-30` into March 2 and
 * `24:00` into the next day, and chaincode must reach the same verdict on every endorser.
 */

/**
 * The window of years a date may fall in. Everything the ledger records — events, readings, production
 * and expiry dates, certificates, licences — belongs to this century; a year outside it is a typo
 * (`0001`, `1026`, `2206`, `9999` as "never"), not data. Widen `LATEST_YEAR` before 2099 if the
 * ledger is still running.
 */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2099;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Gregorian leap years: every fourth year, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with a calendar date given as its written fields, or undefined when the day exists
 * and its year lies in the window.
 *
 * @example
 * calendarDateProblem(2026, 2, 30) // 'day 30 does not exist in February 2026, which has 28 days'
 */
export function calendarDateProblem(year: number, month: number, day: number): string | undefined {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return `year ${String(year).padStart(4, '0')} is outside ${EARLIEST_YEAR}–${LATEST_YEAR}`;
  }
  if (month < 1 || month > 12) {
    return `month ${String(month).padStart(2, '0')} does not exist (01–12)`;
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return `day ${String(day).padStart(2, '0')} does not exist in ${MONTH_NAMES[month - 1]} ${year}, which has ${days} days`;
  }
  return undefined;
}
