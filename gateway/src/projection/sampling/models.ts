import type { Connection } from 'mongoose';
import type { CounterDocument } from '../counterDocuments';
import { ledgerModel, shapedModel, type LedgerSource } from '../ledgerModel';
import type { ListPage } from '../pagedList';

/** Final evaluative samples counted in one period, region and category (`_id` = `<period>|<region>|<category>`, see passRateCounterIds). */
export interface PassRateCounter extends CounterDocument {
  passed: number;
  failed: number;
}

/** What one enterprise's samples add up to: the sampling facts of its credit grade. */
export interface EnterpriseSamplingCounter extends CounterDocument {
  samples: number;
  objections: number;
  finalPassed: number;
  finalFailed: number;
}

/**
 * The samples whose objection window closes on one UTC day (`_id` = the day): what the finality
 * check reads. Entries are only added; the check re-reads each sample before it acts.
 */
export interface SampleWindowDay {
  _id: string;
  sampleIds: string[];
  source: LedgerSource;
}

/**
 * Sample lists' ids: samples of a plan, samples of an enterprise, and the final evaluative samples a
 * pass rate of every category counts (`final:<period>|<region>|*`, see passRateCounterId): the records
 * behind the dashboard's figure, in the order they became final.
 */
export const sampleListIds = {
  plan: (planId: string): string => `plan:${planId}`,
  enterprise: (enterpriseId: string): string => `enterprise:${enterpriseId}`,
  final: (passRateCounterId: string): string => `final:${passRateCounterId}`,
} as const;

/**
 * Sampling in the read store, every read by `_id`: plans, samples and draws under their ids, paged
 * lists of sample ids per plan and per enterprise, and the counters regulators read.
 */
export function samplingModels(connection: Connection) {
  return {
    samplingPlans: ledgerModel(connection, 'LedgerSamplingPlan', 'sampling_plans'),
    samples: ledgerModel(connection, 'LedgerSample', 'samples'),
    samplingDraws: ledgerModel(connection, 'LedgerSamplingDraw', 'sampling_draws'),
    /** Head `_id` = `plan:<planId>`, `enterprise:<id>` or `final:<period>|<region>|*`; items are sample ids, in the order recorded. */
    sampleLists: shapedModel<ListPage<string>>(connection, 'LedgerSampleList', 'sample_lists'),
    sampleWindows: shapedModel<SampleWindowDay>(connection, 'LedgerSampleWindowDay', 'sample_windows'),
    samplePassRates: shapedModel<PassRateCounter>(connection, 'LedgerSamplePassRate', 'sample_pass_rates'),
    /** `_id` = enterprise id. */
    sampleEnterpriseCounters: shapedModel<EnterpriseSamplingCounter>(connection, 'LedgerSampleEnterpriseCounter', 'sample_enterprise_counters'),
  };
}

export type SamplingModels = ReturnType<typeof samplingModels>;
