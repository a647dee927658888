import { z } from 'zod';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** A dashboard period: a calendar month of the regulators' calendar (Asia/Shanghai), the one period every counter keeps. */
export const DashboardPeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** The month now in Asia/Shanghai: the period a dashboard opens on. */
export const currentMonth = (now = Date.now()): string => new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);

/**
 * The `count` months ending with `month`, oldest first: the trend a chart draws.
 *
 * @example monthsEndingWith('2026-02', 3) // ['2025-12', '2026-01', '2026-02']
 */
export function monthsEndingWith(month: string, count: number): string[] {
  const [year, number] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(year, number - 1 - (count - 1 - i), 1));
    return at.toISOString().slice(0, 7);
  });
}

/** The instant a Shanghai month begins, as an ISO time: lists older than it hold none of the month's records. */
export const monthStart = (month: string): string => new Date(Date.parse(`${month}-01T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
