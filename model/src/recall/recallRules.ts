import { shanghaiDateOf } from '../elevator/shanghaiCalendar';
import type { RecallLevelPolicy, WorkingCalendar } from '../reference/referenceData';
import { addWorkingDays } from '../reference/workingDays';
import type { Recall, RecallHolder, RecallItemReport, RecallState } from './recall';

/**
 * When holders must acknowledge and finish: acknowledgement `acknowledgeWithinHours` after opening
 * (an instant), finishing `finishWithinWorkingDays` working days after the opening's calendar day in
 * Shanghai (a date: the whole day counts).
 *
 * @example
 * recallDeadlines('2026-09-30T02:00:00Z', { domain: 'food', level: 1, acknowledgeWithinHours: 24, finishWithinWorkingDays: 1 }, calendars)
 * // { acknowledgeBy: '2026-10-01T02:00:00.000Z', finishBy: '2026-10-09' } with the National Day holiday
 */
export function recallDeadlines(
  openedAt: string,
  policy: Pick<RecallLevelPolicy, 'acknowledgeWithinHours' | 'finishWithinWorkingDays'>,
  calendars: ReadonlyMap<number, WorkingCalendar>,
): { acknowledgeBy: string; finishBy: string } {
  const acknowledgeBy = new Date(Date.parse(openedAt) + policy.acknowledgeWithinHours * 3_600_000).toISOString();
  return { acknowledgeBy, finishBy: addWorkingDays(shanghaiDateOf(openedAt), policy.finishWithinWorkingDays, calendars) };
}

/** The opening's calendar day in Shanghai, from which working days are counted. */
export const recallOpeningDate = (openedAt: string): string => shanghaiDateOf(openedAt);

/**
 * What is wrong with a holder's report, if anything: every item must be one the impact list says it
 * holds, named once, and what it withdrew, returned and destroyed together may not exceed what it held.
 */
export function reportProblem(held: RecallHolder, items: readonly RecallItemReport[]): string | undefined {
  const seen = new Set<string>();
  for (const reported of items) {
    const item = held.items.find((candidate) => candidate.itemId === reported.itemId);
    if (!item) return `item ${reported.itemId} is not among what ${held.enterpriseId} held when recall ${held.recallId} opened (${held.items.map((i) => i.itemId).join(', ')})`;
    if (seen.has(reported.itemId)) return `item ${reported.itemId} is reported twice`;
    seen.add(reported.itemId);
    const total = reported.withdrawn + reported.returned + reported.destroyed;
    if (total > item.quantity) {
      return `item ${reported.itemId}: withdrawn, returned and destroyed come to ${total} ${item.unit}, more than the ${item.quantity} ${item.unit} ${held.enterpriseId} held when recall ${held.recallId} opened`;
    }
  }
  return undefined;
}

/** A recall's state from its record and its holders' entries: completed once every holder reported, unless a regulator closed it. */
export function recallStateOf(recall: Pick<Recall, 'state'>, holders: readonly Pick<RecallHolder, 'reportedAt'>[]): RecallState {
  if (recall.state === 'closed') return 'closed';
  return holders.length > 0 && holders.every((holder) => holder.reportedAt !== undefined) ? 'completed' : 'open';
}

/** Holders still silent (no acknowledgement) at `now` past the acknowledgement deadline, not yet marked. */
export function overdueHolders<H extends Pick<RecallHolder, 'acknowledgedAt' | 'overdueSince'>>(recall: Pick<Recall, 'acknowledgeBy'>, holders: readonly H[], now: string): H[] {
  if (Date.parse(now) <= Date.parse(recall.acknowledgeBy)) return [];
  return holders.filter((holder) => holder.acknowledgedAt === undefined && holder.overdueSince === undefined);
}

/**
 * Whether a holder missed its acknowledgement deadline: it answered after it (`late`) or the overdue
 * check found it silent (`overdueSince`). A holder counts once against its credit grade, when this
 * first becomes true.
 */
export const answeredLate = (holder: Pick<RecallHolder, 'late' | 'overdueSince'> | undefined): boolean => holder !== undefined && (holder.late === true || holder.overdueSince !== undefined);
