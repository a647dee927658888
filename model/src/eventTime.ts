import { z } from 'zod';
import { calendarDateProblem } from './calendar';

const EXAMPLE = '2026-11-29T08:30:00+08:00';
const UTC_EXAMPLE = '2026-11-29T08:00:00.000Z';

/** Date and time of day, fraction down to the nanosecond as EPCIS allows. Fields sit at fixed places. */
const DATE_TIME = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?`;
const WITH_OFFSET = new RegExp(String.raw`^${DATE_TIME}(?:Z|[+-]\d{2}:\d{2})$`);
const IN_UTC = new RegExp(String.raw`^${DATE_TIME}Z$`);

/**
 * Offsets stay within ±14:00, the bound of XML Schema and EPCIS and the widest any zone uses
 * (Kiribati, +14:00). Their minutes lie on the quarter-hour because every offset in use since 2000
 * does (India +05:30, Newfoundland −03:30, Nepal +05:45, Chatham +12:45): `+05:17` is a typo.
 * `-00:00` (RFC 3339's "offset unknown") is the same instant as `Z` and passes.
 */
const MAX_OFFSET_MINUTES = 14 * 60;
const OFFSET_MINUTE_STEP = 15;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The number written in `text[from, to)`, all digits; read in place, as every reading of an upload passes here. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * What is wrong with a date-time that has the ISO 8601 shape, or undefined when it names a real
 * moment: the day exists in a year of the window, the time of day exists (no `24:00`, no leap
 * second, which `Date` cannot hold), the offset is one a zone could have.
 *
 * @example
 * eventTimeProblem('2026-11-29T08:30:00+23:59') // 'offset +23:59 is beyond ±14:00'
 */
export function eventTimeProblem(value: string): string | undefined {
  if (!WITH_OFFSET.test(value)) {
    return 'must be ISO 8601 with a UTC offset';
  }
  const dateProblem = calendarDateProblem(digitsAt(value, 0, 4), digitsAt(value, 5, 7), digitsAt(value, 8, 10));
  if (dateProblem !== undefined) return dateProblem;
  const [hour, minute, second] = [digitsAt(value, 11, 13), digitsAt(value, 14, 16), digitsAt(value, 17, 19)];
  if (hour > 23) return `hour ${pad(hour)} does not exist (00–23, the end of a day is 00:00 of the next)`;
  if (minute > 59) return `minute ${pad(minute)} does not exist (00–59)`;
  if (second > 59) return `second ${pad(second)} does not exist (00–59, leap seconds cannot be recorded)`;
  if (!value.endsWith('Z')) {
    const end = value.length;
    const offsetHours = digitsAt(value, end - 5, end - 3);
    const offsetMinutes = digitsAt(value, end - 2, end);
    if (offsetHours * 60 + offsetMinutes > MAX_OFFSET_MINUTES) return `offset ${value.slice(-6)} is beyond ±14:00`;
    if (offsetMinutes % OFFSET_MINUTE_STEP !== 0) return `offset ${value.slice(-6)} is not on the quarter-hour (minutes 00, 15, 30 or 45)`;
  }
  return undefined;
}

function reportProblem(example: string): (value: string, context: z.RefinementCtx) => void {
  return (value, context) => {
    const problem = eventTimeProblem(value);
    if (problem !== undefined) {
      context.addIssue({ code: 'custom', message: `${problem} (e.g. ${example} is valid)` });
    }
  };
}

/**
 * An event time as EPCIS records it: ISO 8601 with an explicit UTC offset (`Z` or `±HH:MM`), so the
 * local time at the place of the event is kept alongside the instant. It must name a real moment
 * ({@link eventTimeProblem}); chaincode validates with it, so the rules read no clock.
 */
export const EventTimeSchema = z
  .string()
  .regex(WITH_OFFSET, { message: `must be ISO 8601 with a UTC offset, e.g. ${EXAMPLE}`, abort: true })
  .superRefine(reportProblem(EXAMPLE));

/** A time the gateway derives from its own clock in UTC, such as the hour a scan anomaly covers. */
export const UtcTimeSchema = z
  .string()
  .regex(IN_UTC, { message: `must be ISO 8601 in UTC, ending in Z, e.g. ${UTC_EXAMPLE}`, abort: true })
  .superRefine(reportProblem(UTC_EXAMPLE));

/** Milliseconds since the epoch of an {@link EventTimeSchema} string. */
export function eventTimeMillis(eventTime: string): number {
  return Date.parse(eventTime);
}

/** How far an event time may lie ahead of the transaction timestamp (clocks of devices drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
