/**
 * Calendar arithmetic for due dates, in the time of the place the lifts stand: Asia/Shanghai. China
 * has kept UTC+08:00 all year since 1991, so the offset is a constant and no time-zone database is
 * needed (chaincode must not depend on the host's). Dates are `YYYY-MM-DD` strings throughout, and
 * arithmetic goes through `Date.UTC`, which is pure and the same on every endorser.
 */
import { daysInMonth } from '../calendar';

/** The UTC offset of Asia/Shanghai, every day of the year. */
export const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a UTC-based millisecond count, read as a calendar day. */
function dateOfUtcMillis(millis: number): string {
  const d = new Date(millis);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function fieldsOf(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

/**
 * The calendar day in Shanghai of an instant: `2026-11-30T17:00:00Z` is already December 1 there.
 *
 * @example
 * shanghaiDateOf('2026-11-30T17:00:00Z') // '2026-12-01'
 */
export function shanghaiDateOf(instant: string | number): string {
  const millis = typeof instant === 'number' ? instant : Date.parse(instant);
  return dateOfUtcMillis(millis + SHANGHAI_OFFSET_MS);
}

/**
 * `days` calendar days after `date` (before, when negative), across month and year ends.
 *
 * @example
 * addDays('2026-02-20', 15) // '2026-03-07'
 */
export function addDays(date: string, days: number): string {
  const [year, month, day] = fieldsOf(date);
  return dateOfUtcMillis(Date.UTC(year, month - 1, day) + days * DAY_MS);
}

/**
 * `months` calendar months after `date`; a day the target month lacks becomes its last day, as a
 * quarterly due date from January 31 falls on April 30, not May 1.
 *
 * @example
 * addMonths('2026-11-30', 3) // '2027-02-28'
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = fieldsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = fieldsOf(from);
  const [y2, m2, d2] = fieldsOf(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The last instant of a Shanghai calendar day, as written on a due date: `2026-12-15T23:59:59+08:00`. */
export function endOfShanghaiDay(date: string): string {
  return `${date}T23:59:59${SHANGHAI_OFFSET}`;
}

/** Whether the Shanghai day of `instant` lies after `date`: a due date passed. */
export function isPastShanghaiDay(date: string, instant: string | number): boolean {
  return shanghaiDateOf(instant) > date;
}
