import type { Sample } from './sampleResult';

const DAY_MS = 24 * 3_600_000;

/**
 * The last instant of the objection window: `days` whole days after the report was issued. The window
 * runs from the report's own time (the date the enterprise is told of it), not from when the ledger
 * recorded it, so recording late does not lengthen it.
 *
 * @example
 * objectionDeadline('2026-07-01T10:00:00+08:00', 15) // '2026-07-16T02:00:00.000Z'
 */
export function objectionDeadline(reportedAt: string, days: number): string {
  return new Date(Date.parse(reportedAt) + days * DAY_MS).toISOString();
}

/** Why an objection at `now` is refused, or undefined when it is taken. */
export function objectionRefusal(sample: Pick<Sample, 'sampleId' | 'status' | 'objection' | 'objectionUntil'>, now: string): string | undefined {
  if (sample.status === 'final') return `sample ${sample.sampleId} is final`;
  if (sample.objection) return `sample ${sample.sampleId} was already objected to at ${sample.objection.filedAt}`;
  if (Date.parse(now) > Date.parse(sample.objectionUntil)) return `the objection window of sample ${sample.sampleId} closed at ${sample.objectionUntil}`;
  return undefined;
}

/**
 * Why the sample cannot be made final at `now`, or undefined when it can: it must not be final
 * already, an objection must have its re-test, and the window must have passed.
 *
 * @example
 * finalityRefusal({ sampleId: 'S1', status: 'reported', objectionUntil: '2026-07-16T02:00:00.000Z' }, '2026-07-10T00:00:00.000Z')
 * // 'the objection window of sample S1 is open until 2026-07-16T02:00:00.000Z'
 */
export function finalityRefusal(sample: Pick<Sample, 'sampleId' | 'status' | 'objectionUntil'>, now: string): string | undefined {
  if (sample.status === 'final') return `sample ${sample.sampleId} is already final`;
  if (sample.status === 'objected') return `sample ${sample.sampleId} was objected to and awaits its re-test`;
  if (Date.parse(now) <= Date.parse(sample.objectionUntil)) return `the objection window of sample ${sample.sampleId} is open until ${sample.objectionUntil}`;
  return undefined;
}
