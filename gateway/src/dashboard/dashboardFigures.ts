import { ALL, accidentsPer10k, passRateCounterId, passRateOf, PASS_RATE_TARGET, type Recall, type RecallHolder } from '../../../model/src';
import type { ClueCounts } from '../projection/clues';
import { regionMonthId, type RegionStats } from '../projection/elevator';
import type { LedgerModels } from '../projection/models';
import { readPagedList } from '../projection/pagedList';
import { recallListIds } from '../projection/recalls';
import { byIds } from '../store/byIds';
import { monthsEndingWith } from './dashboardPeriod';

/** Months a trend chart shows, ending with the period asked. */
export const TREND_MONTHS = 6;

/** The alert kinds the dashboard shows as their own figures: each alert became a clue of its kind. */
export const DashboardAlertKinds = ['excursion', 'temperatureGap', 'duplicateSale', 'maintenanceOverdue', 'lateRescueArrival'] as const;

/** A recall's acknowledgement progress: its holders, how many acknowledged, reported, and are silent past the deadline. */
export interface RecallProgress {
  recallId: string;
  level: Recall['level'];
  domain: Recall['domain'];
  reason: string;
  openedAt: string;
  acknowledgeBy: string;
  holders: number;
  acknowledged: number;
  reported: number;
  overdue: number;
}

/** The figures of one region and month, each from counters the projection keeps. */
export interface DashboardFigures {
  region: string;
  period: string;
  sampling: ReturnType<typeof passRateOf> & { target: number };
  clues: { raised: number; closed: number; overdue: number; closureRate: number | null; kinds: Record<string, number>; states: Record<string, number> };
  alerts: Record<(typeof DashboardAlertKinds)[number], number>;
  /** The open recalls of the newest page of the open list (up to 50: recalls are not kept by region), newest first. */
  recalls: { open: number; items: RecallProgress[] };
  elevators: { lifts: number; overdueAlerts: number; overdueRate: number | null; accidents: number; accidentsAllTime: number; accidentsPer10k: number };
  trend: { month: string; raised: number; closed: number; overdue: number; passed: number; failed: number; passRate: number | null }[];
}

const noClues = (): Omit<ClueCounts, '_id'> => ({ raised: 0, closed: 0, overdue: 0, escalations: 0, states: {} });

/** A recall's progress from its holder entries. */
export function recallProgressOf(recall: Recall, holders: readonly RecallHolder[]): RecallProgress {
  return {
    recallId: recall.recallId,
    level: recall.level,
    domain: recall.domain,
    reason: recall.reason,
    openedAt: recall.openedAt,
    acknowledgeBy: recall.acknowledgeBy,
    holders: holders.length,
    acknowledged: holders.filter((h) => h.acknowledgedAt).length,
    reported: holders.filter((h) => h.reportedAt).length,
    overdue: holders.filter((h) => h.overdueSince && !h.acknowledgedAt).length,
  };
}

/**
 * Gathers a region's figures for a month in `_id` reads made at once, never a scan: the clue counters and
 * the pass-rate counters of the trend's months (six each), the region's lift and accident documents (two),
 * and the newest page of open recalls with their documents (one, then one per recall). Elevator overdue rate
 * = overdue-maintenance clues raised in the month ÷ lifts in use in the region now (every overdue alert
 * becomes a clue, so the clue counters count them); accidents per 10,000 lifts are of all time, as the
 * plan's KPI is.
 *
 * @example
 * const figures = await dashboardFigures(services.projection.models, '330100', '2026-07');
 * figures.clues.closureRate; // closed ÷ raised of clues raised in July 2026 in Hangzhou and below
 */
export async function dashboardFigures(models: LedgerModels, region: string, period: string): Promise<DashboardFigures> {
  const months = monthsEndingWith(period, TREND_MONTHS);
  const passRateRegion = region === 'all' ? ALL : region;
  const [clueDocs, passDocs, regionDocs, openList] = await Promise.all([
    byIds(models.riskClueCounts, months.map((month) => `${region}|${month}`)) as Promise<ClueCounts[]>,
    byIds(models.samplePassRates, months.map((month) => passRateCounterId(month, passRateRegion, ALL))),
    byIds(models.elevatorRegionStats, [region, regionMonthId(region, period)]) as Promise<RegionStats[]>,
    readPagedList(models.recallLists, recallListIds.state('open')),
  ]);
  const clueOf = new Map(clueDocs.map((doc) => [doc._id.slice(doc._id.lastIndexOf('|') + 1), doc]));
  const passOf = new Map(passDocs.map((doc) => [doc._id.split('|')[0], doc]));
  const clues = clueOf.get(period) ?? noClues();
  const pass = passOf.get(period);
  const kinds = clues.kinds ?? {};
  const liftsDoc = regionDocs.find((doc) => doc._id === region);
  const monthDoc = regionDocs.find((doc) => doc._id !== region);
  const lifts = liftsDoc?.lifts.length ?? 0;
  const overdueAlerts = kinds.maintenanceOverdue ?? 0;
  const openIds = openList?.items ?? [];
  const openDocs = (await byIds(models.recalls, openIds)) as { recall: Recall; holders: RecallHolder[] }[];
  const open = openDocs.filter((doc) => doc.recall.state === 'open');
  return {
    region,
    period,
    sampling: { ...passRateOf(pass?.passed ?? 0, pass?.failed ?? 0), target: PASS_RATE_TARGET },
    clues: { raised: clues.raised, closed: clues.closed, overdue: clues.overdue, closureRate: clues.raised === 0 ? null : clues.closed / clues.raised, kinds, states: clues.states },
    alerts: Object.fromEntries(DashboardAlertKinds.map((kind) => [kind, kinds[kind] ?? 0])) as DashboardFigures['alerts'],
    recalls: { open: open.length, items: open.map((doc) => recallProgressOf(doc.recall, doc.holders)).sort((a, b) => b.openedAt.localeCompare(a.openedAt)) },
    elevators: {
      lifts,
      overdueAlerts,
      overdueRate: lifts === 0 ? null : overdueAlerts / lifts,
      accidents: monthDoc?.accidents ?? 0,
      accidentsAllTime: liftsDoc?.accidents ?? 0,
      accidentsPer10k: accidentsPer10k(liftsDoc?.accidents ?? 0, lifts),
    },
    trend: months.map((month) => {
      const c = clueOf.get(month) ?? noClues();
      const p = passRateOf(passOf.get(month)?.passed ?? 0, passOf.get(month)?.failed ?? 0);
      return { month, raised: c.raised, closed: c.closed, overdue: c.overdue, passed: p.passed, failed: p.failed, passRate: p.rate ?? null };
    }),
  };
}
