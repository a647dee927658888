import { ALL, clueKindOf, passRateCounterId, passRateOf, PASS_RATE_TARGET, type ReferenceRecord, type RiskClue, type Sample } from '../../../model/src';
import type { LedgerModels } from '../projection/models';
import { publishedCaseListId } from '../projection/clues';
import { readPagedList } from '../projection/pagedList';
import { referenceEntryId } from '../projection/reference';
import { byIds } from '../store/byIds';
import { monthsEndingWith } from './dashboardPeriod';
import { samplesBehind, type FigureRecords } from './figureRecords';
import { TREND_MONTHS } from './dashboardFigures';

/** A published sampling result: what was sampled from whom, and the verdict in force; never the lab's report hash or who objected. */
export interface DisclosedSample {
  sampleId: string;
  product: string;
  categoryCode: string;
  enterpriseId: string;
  regionCode: string;
  sampledAt: string;
  verdict: Sample['verdict'];
  failedItems: string[];
  finalizedAt?: string;
}

/**
 * A case a regulator chose to publish: what it concerned and the decision. Never the complaint's text
 * or who filed it, the findings, the evidence or the inspectors: only what the penalty decision says.
 */
export interface DisclosedCase {
  subjectId: string;
  kind: string;
  regionCode?: string;
  enterpriseId?: string;
  caseNumber: string;
  decision: string;
  decidedAt: string;
}

export interface RegionDisclosure {
  region: string;
  regionName?: string;
  period: string;
  passRate: ReturnType<typeof passRateOf> & { target: number };
  trend: { month: string; passed: number; failed: number; passRate: number | null }[];
  samples: DisclosedSample[];
  cases: DisclosedCase[];
  truncated: boolean;
}

/** Cases of the newest pages of a region's published list shown at once. */
export const DISCLOSED_CASE_PAGES = 2;

export const disclosedSampleOf = (sample: Sample): DisclosedSample => {
  const items = (sample.retest ?? sample.report).items;
  return {
    sampleId: sample.sampleId,
    product: sample.product.name,
    categoryCode: sample.categoryCode,
    enterpriseId: sample.enterpriseId,
    regionCode: sample.regionCode,
    sampledAt: sample.sampledAt,
    verdict: sample.verdict,
    failedItems: items.filter((item) => item.result === 'fail').map((item) => item.name),
    ...(sample.finalizedAt ? { finalizedAt: sample.finalizedAt } : {}),
  };
};

export const disclosedCaseOf = (clue: RiskClue): DisclosedCase | undefined => {
  const penalty = clue.case?.penalty;
  if (!clue.case || !penalty?.publish) return undefined;
  return {
    subjectId: clue.subjectId,
    kind: clueKindOf(clue),
    ...(clue.regionCode ? { regionCode: clue.regionCode } : {}),
    ...(clue.enterpriseId ? { enterpriseId: clue.enterpriseId } : {}),
    caseNumber: clue.case.caseNumber,
    decision: penalty.decision,
    decidedAt: penalty.decidedAt,
  };
};

/**
 * What a region publishes (the plan's "inspection → penalty → public disclosure"): the month's pass
 * rate and its trend, the final evaluative samples behind it, and the newest published cases, all
 * from `_id`-keyed counters and lists.
 */
export async function regionDisclosure(models: LedgerModels, region: string, period: string): Promise<RegionDisclosure> {
  const months = monthsEndingWith(period, TREND_MONTHS);
  const [counters, samples, published, regionEntry] = await Promise.all([
    byIds(models.samplePassRates, months.map((month) => passRateCounterId(month, region, ALL))),
    samplesBehind(models, region, period) as Promise<FigureRecords<Sample>>,
    readPagedList(models.riskClueRegions, publishedCaseListId(region)),
    models.referenceEntries.findById(referenceEntryId('region', region)).lean(),
  ]);
  const ids = [...(published?.items ?? [])];
  if (published && published.page > 0 && DISCLOSED_CASE_PAGES > 1) ids.unshift(...((await readPagedList(models.riskClueRegions, publishedCaseListId(region), published.page - 1))?.items ?? []));
  const clues = (await byIds(models.riskClues, ids)).map((doc) => doc.record as unknown as RiskClue);
  const byMonth = new Map(counters.map((doc) => [doc._id.split('|')[0], doc]));
  const rateOf = (month: string) => passRateOf(byMonth.get(month)?.passed ?? 0, byMonth.get(month)?.failed ?? 0);
  return {
    region,
    regionName: (regionEntry?.record as unknown as ReferenceRecord<'region'> | undefined)?.entry.name,
    period,
    passRate: { ...rateOf(period), target: PASS_RATE_TARGET },
    trend: months.map((month) => ({ month, passed: rateOf(month).passed, failed: rateOf(month).failed, passRate: rateOf(month).rate ?? null })),
    samples: samples.records.map(disclosedSampleOf),
    cases: clues.flatMap((clue) => disclosedCaseOf(clue) ?? []).sort((a, b) => b.decidedAt.localeCompare(a.decidedAt)),
    truncated: samples.truncated,
  };
}
