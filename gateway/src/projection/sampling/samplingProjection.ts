import { ALL, passRateCounterIds, SamplingEvents, type SamplingLedgerUpdate } from '../../../../model/src';
import { bulkReplace } from '../../store/bulkReplace';
import { CounterChanges } from '../counterDocuments';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import { sampleListIds, type EnterpriseSamplingCounter, type PassRateCounter, type SamplingModels } from './models';

/** Sample ids per page of a plan's or an enterprise's list. */
export const SAMPLE_LIST_PAGE_ITEMS = 500;

interface Doc {
  _id: string;
  record: Record<string, unknown>;
  source: LedgerSource;
}

/**
 * Projects the sampling events: plans, samples and draws replace their documents (the last write of
 * a group wins); a sample recorded is appended to its plan's and its enterprise's lists; a sample made
 * final counts once in its enterprise's counters and, when evaluative, in every pass-rate counter it
 * belongs to and in the lists of those of every category. Lists and counters skip what their high-water mark has seen, so a replay adds nothing.
 */
export function samplingProjection(collections: SamplingModels): DomainProjection {
  return {
    name: 'sampling',
    events: Object.values(SamplingEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      const plans = new Map<string, Doc>();
      const samples = new Map<string, Doc>();
      const draws = new Map<string, Doc>();
      const lists = new Map<string, { item: string; source: LedgerSource }[]>();
      const listOn = (id: string, item: string, source: LedgerSource): void => {
        lists.set(id, [...(lists.get(id) ?? []), { item, source }]);
      };
      const windows = new Map<string, { ids: Set<string>; source: LedgerSource }>();
      const passRates = new CounterChanges<PassRateCounter>((id) => ({ _id: id, passed: 0, failed: 0 }));
      const enterprises = new CounterChanges<EnterpriseSamplingCounter>((id) => ({ _id: id, samples: 0, objections: 0, finalPassed: 0, finalFailed: 0 }));
      for (const { name, record, source } of events) {
        const update = record as SamplingLedgerUpdate;
        for (const plan of update.plans) plans.set(plan.planId, { _id: plan.planId, record: plan as unknown as Record<string, unknown>, source });
        for (const draw of update.draws) draws.set(draw.drawId, { _id: draw.drawId, record: draw as unknown as Record<string, unknown>, source });
        for (const sample of update.samples) {
          samples.set(sample.sampleId, { _id: sample.sampleId, record: sample as unknown as Record<string, unknown>, source });
          if (name === SamplingEvents.sampleRecorded) {
            listOn(sampleListIds.plan(sample.planId), sample.sampleId, source);
            listOn(sampleListIds.enterprise(sample.enterpriseId), sample.sampleId, source);
            enterprises.on(sample.enterpriseId, source, (c) => c.samples++);
            const day = sample.objectionUntil.slice(0, 10);
            windows.set(day, { ids: (windows.get(day)?.ids ?? new Set()).add(sample.sampleId), source });
          }
          if (name === SamplingEvents.sampleObjected) enterprises.on(sample.enterpriseId, source, (c) => c.objections++);
          if (name === SamplingEvents.sampleFinalized && sample.status === 'final') {
            const failed = sample.verdict === 'fail';
            enterprises.on(sample.enterpriseId, source, (c) => (failed ? c.finalFailed++ : c.finalPassed++));
            if (sample.sampleType === 'evaluative') {
              for (const id of passRateCounterIds(sample)) passRates.on(id, source, (c) => (failed ? c.failed++ : c.passed++));
              // Listed under the figures of every category only: the dashboard drills down by region and period.
              for (const id of passRateCounterIds(sample).filter((counterId) => counterId.endsWith(`|${ALL}`))) listOn(sampleListIds.final(id), sample.sampleId, source);
            }
          }
        }
      }
      await bulkReplace(collections.samplingPlans, [...plans.values()]);
      await bulkReplace(collections.samples, [...samples.values()]);
      await bulkReplace(collections.samplingDraws, [...draws.values()]);
      // Adding to a set is idempotent: a replayed block adds nothing new.
      for (const [day, { ids, source }] of windows) {
        await collections.sampleWindows.updateOne({ _id: day }, { $addToSet: { sampleIds: { $each: [...ids] } }, $set: { source } }, { upsert: true });
      }
      for (const [id, entries] of lists) await appendToPagedList(collections.sampleLists, id, entries, SAMPLE_LIST_PAGE_ITEMS);
      await passRates.apply(collections.samplePassRates);
      await enterprises.apply(collections.sampleEnterpriseCounters);
    },
    // No read caches samples: regulators' and the public's reads go to the store by `_id`.
    touchedKeys: () => [],
  };
}
