import { z } from 'zod';
import { addDays, addMonths } from './shanghaiCalendar';
import type { MaintenanceTier } from './maintenanceItems';

/** TSG T5002's half-monthly interval: the fixed policy of every lift not approved for on-demand maintenance. */
export const DEFAULT_INTERVAL_DAYS = 15;
/** The longest half-monthly interval a regulator may approve for on-demand maintenance (pilots used up to a month). */
export const MAX_ON_DEMAND_DAYS = 30;

/**
 * Pilot conditions for on-demand maintenance (按需维保): IoT monitoring on the lift, liability
 * insurance held by the owner, and a firm rated above class C. The regulator states what it checked;
 * the monitoring device must be registered on the lift.
 */
export const FirmRatings = ['A', 'B', 'C', 'D'] as const;

export const OnDemandApprovalSchema = z
  .strictObject({
    maxDays: z.number().int().min(DEFAULT_INTERVAL_DAYS).max(MAX_ON_DEMAND_DAYS),
    /** Lift runs one visit covers: the usage at which the next visit falls due before `maxDays`. */
    runsPerService: z.number().int().min(100).max(1_000_000),
    liabilityInsurancePolicy: z.string().trim().min(1).max(64),
    firmRating: z.enum(FirmRatings),
  })
  .refine((a) => a.firmRating === 'A' || a.firmRating === 'B', { message: 'must be above class C (A or B) for on-demand maintenance', path: ['firmRating'] });

export type OnDemandApproval = z.infer<typeof OnDemandApprovalSchema>;

/** How a lift's half-monthly visits fall due: every `days`, or on demand within an approved maximum. */
export type IntervalPolicy = { mode: 'fixed'; days: number } | ({ mode: 'onDemand'; approvedBy: string; approvedAt: string } & OnDemandApproval);

export const FIXED_POLICY: IntervalPolicy = { mode: 'fixed', days: DEFAULT_INTERVAL_DAYS };

/** Usage measured since the last visit, from anchored IoT runtime summaries. */
export interface UsageFigures {
  runs: number;
  /** Days the summaries cover (at least 1). */
  days: number;
}

/** A due date with the rule that decided it and the figures the rule used, so each one can be explained. */
export interface DueDate {
  dueOn: string;
  rule: 'fixedInterval' | 'onDemandUsage' | 'onDemandNoUsage' | 'calendarMonths';
  figures: Record<string, number>;
}

/** Months between visits of the tiers that run on calendar months rather than the lift's interval. */
const TIER_MONTHS: Record<Exclude<MaintenanceTier, 'halfMonthly'>, number> = { quarterly: 3, halfYearly: 6, yearly: 12, rescueDrill: 6, selfCheck: 12 };

/**
 * When the next visit of `tier` falls due after one on `lastOn` (a Shanghai calendar date).
 *
 * Half-monthly visits follow the lift's policy. On demand, the interval is the days the lift takes to
 * reach `runsPerService` at its measured daily runs, never below the fixed 15 days (on-demand exists
 * to stretch visits of quiet lifts, not to shorten the legal minimum) nor above the approved maximum;
 * without usage figures it stays at 15 days, as a lift that reports nothing earns no longer interval.
 * Longer tiers run on calendar months, clamped to the month's last day.
 *
 * @example
 * nextDue('halfMonthly', '2026-01-20', FIXED_POLICY) // { dueOn: '2026-02-04', rule: 'fixedInterval', … }
 * nextDue('quarterly', '2026-11-30', FIXED_POLICY).dueOn // '2027-02-28'
 */
export function nextDue(tier: MaintenanceTier, lastOn: string, policy: IntervalPolicy, usage?: UsageFigures): DueDate {
  if (tier !== 'halfMonthly') {
    const months = TIER_MONTHS[tier];
    return { dueOn: addMonths(lastOn, months), rule: 'calendarMonths', figures: { months } };
  }
  if (policy.mode === 'fixed') {
    return { dueOn: addDays(lastOn, policy.days), rule: 'fixedInterval', figures: { days: policy.days } };
  }
  if (usage === undefined || usage.days < 1) {
    return { dueOn: addDays(lastOn, DEFAULT_INTERVAL_DAYS), rule: 'onDemandNoUsage', figures: { days: DEFAULT_INTERVAL_DAYS, maxDays: policy.maxDays } };
  }
  // Integer arithmetic throughout: chaincode recomputes this, and floats could round apart.
  const runsPerDay = Math.max(1, Math.ceil(usage.runs / usage.days));
  const byUsage = Math.floor(policy.runsPerService / runsPerDay);
  const days = Math.min(policy.maxDays, Math.max(DEFAULT_INTERVAL_DAYS, byUsage));
  return {
    dueOn: addDays(lastOn, days),
    rule: 'onDemandUsage',
    figures: { days, runsPerDay, runsPerService: policy.runsPerService, maxDays: policy.maxDays, measuredRuns: usage.runs, measuredDays: usage.days },
  };
}
