import { eventTimeMillis } from '../eventTime';
import type { CustodyRecord } from '../supplychain/custody';
import type { AttachmentPeriod } from './attachmentPeriod';
import type { TimeSpan } from './timeSpan';

/**
 * Temperature coverage of custody: every stretch of a lot's life in the cold chain — held by one
 * enterprise, or in transit between two — must be covered by anchored readings of a logger attached
 * to the lot at the time. A stretch without readings is not proof of abuse, but it is exactly where
 * abuse would hide, so it raises a `temperatureGap` alert for a regulator to look into.
 */

/** Uncovered time shorter than this is normal logger cadence and upload slack, not a gap. */
export const COVERAGE_GAP_TOLERANCE_MS = 30 * 60 * 1000;

/**
 * A custody period is checked only once it ended at least this long before the checking transaction,
 * so that loggers which upload in bulk (at the end of a trip, back in range of their gateway) are in.
 */
export const COVERAGE_CHECK_GRACE_MS = 2 * 60 * 60 * 1000;

export interface CustodyPeriod {
  /** `held` by `holder`, or `inTransit` from `holder` to `receiver`. */
  kind: 'held' | 'inTransit';
  holder: string;
  receiver?: string;
  startEventId: string;
  endEventId: string;
  startMs: number;
  endMs: number;
}

/**
 * Cuts a lot's custody log into periods: a period ends where custody changes hands — a shipment
 * starts a transit, an accepted receipt starts the receiver's holding, a refused one returns the lot
 * to the shipper. The last period ends at the last event: what comes after is not over yet.
 */
export function custodyPeriods(log: readonly CustodyRecord[]): CustodyPeriod[] {
  const records = log.slice().sort((a, b) => eventTimeMillis(a.eventTime) - eventTimeMillis(b.eventTime) || a.sequence - b.sequence);
  const periods: CustodyPeriod[] = [];
  let open: Omit<CustodyPeriod, 'endEventId' | 'endMs'> | undefined;
  const close = (record: CustodyRecord): void => {
    const endMs = eventTimeMillis(record.eventTime);
    if (open && endMs > open.startMs) {
      periods.push({ ...open, endEventId: record.eventId, endMs });
    }
  };
  for (const record of records) {
    if (record.action === 'create' && open) {
      // Registration at transaction time, after physical events dated earlier: not a custody change.
      continue;
    }
    const atMs = eventTimeMillis(record.eventTime);
    if (record.action === 'ship' && record.to !== undefined) {
      close(record);
      open = { kind: 'inTransit', holder: record.enterpriseId, receiver: record.to, startEventId: record.eventId, startMs: atMs };
    } else if (record.action === 'receive') {
      close(record);
      const holder = record.decision === 'accept' ? record.enterpriseId : (open?.holder ?? record.enterpriseId);
      open = { kind: 'held', holder, startEventId: record.eventId, startMs: atMs };
    } else if (!open) {
      open = { kind: 'held', holder: record.enterpriseId, startEventId: record.eventId, startMs: atMs };
    } else if (open.kind === 'held') {
      // Store, release, sell and derivations keep the holder; the period runs on to this event.
      periods.push({ ...open, endEventId: record.eventId, endMs: atMs });
      open = { ...open, startEventId: record.eventId, startMs: atMs };
    }
  }
  return mergeAdjacentHoldings(periods);
}

/** Consecutive stretches under the same holder are one period: a gap across a store event is one gap. */
function mergeAdjacentHoldings(periods: CustodyPeriod[]): CustodyPeriod[] {
  const merged: CustodyPeriod[] = [];
  for (const period of periods) {
    const last = merged[merged.length - 1];
    if (last && last.kind === 'held' && period.kind === 'held' && last.holder === period.holder && last.endMs === period.startMs) {
      merged[merged.length - 1] = { ...last, endEventId: period.endEventId, endMs: period.endMs };
    } else {
      merged.push(period);
    }
  }
  return merged;
}

/** The spans of anchored windows that fall while their logger was attached to the lot. */
export function coveredSpans(attachments: readonly AttachmentPeriod[], windows: readonly TimeSpan[]): TimeSpan[] {
  const spans: TimeSpan[] = [];
  for (const period of attachments) {
    const fromMs = eventTimeMillis(period.from);
    const toMs = period.to === undefined ? Number.POSITIVE_INFINITY : eventTimeMillis(period.to);
    for (const window of windows) {
      const startMs = Math.max(fromMs, window.startMs);
      const endMs = Math.min(toMs, window.endMs);
      if (endMs > startMs) {
        spans.push({ startMs, endMs });
      }
    }
  }
  return spans;
}

/**
 * The parts of `period` no span covers, longer than `toleranceMs`. Spans closer together than the
 * tolerance count as continuous (a logger reading every few minutes leaves gaps between windows).
 *
 * @example
 * uncoveredParts({ startMs: 0, endMs: 100 }, [{ startMs: 0, endMs: 40 }], 10) // [{ startMs: 40, endMs: 100 }]
 */
export function uncoveredParts(period: TimeSpan, spans: readonly TimeSpan[], toleranceMs = COVERAGE_GAP_TOLERANCE_MS): TimeSpan[] {
  const sorted = spans.filter((s) => s.endMs > period.startMs && s.startMs < period.endMs).sort((a, b) => a.startMs - b.startMs);
  const gaps: TimeSpan[] = [];
  let coveredUntil = period.startMs;
  for (const span of sorted) {
    if (span.startMs - coveredUntil > toleranceMs) {
      gaps.push({ startMs: coveredUntil, endMs: span.startMs });
    }
    coveredUntil = Math.max(coveredUntil, span.endMs);
  }
  if (period.endMs - coveredUntil > toleranceMs) {
    gaps.push({ startMs: coveredUntil, endMs: period.endMs });
  }
  return gaps;
}
