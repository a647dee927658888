import { z } from 'zod';
import { calendarDateProblem } from './calendar';

const EXAMPLE = '2026-11-29';

/**
 * A calendar date without time or offset, ISO 8601 `YYYY-MM-DD`: production and expiry dates, the
 * issue date of a certificate, the end of a licence. The day must exist (no `2026-02-30`) and lie in
 * the years of {@link calendarDateProblem}, so that comparisons between dates mean something.
 */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `must be a date YYYY-MM-DD, e.g. ${EXAMPLE}`, abort: true })
  .superRefine((value, context) => {
    const [year, month, day] = value.split('-').map(Number);
    const problem = calendarDateProblem(year, month, day);
    if (problem !== undefined) {
      context.addIssue({ code: 'custom', message: `${problem} (e.g. ${EXAMPLE} is valid)` });
    }
  });
