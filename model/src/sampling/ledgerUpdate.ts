import type { Draw } from './draw';
import type { Sample } from './sampleResult';
import type { SamplingPlan } from './samplingPlan';

/** The payload of every sampling chaincode event: the full records the transaction wrote. */
export interface SamplingLedgerUpdate {
  plans: SamplingPlan[];
  samples: Sample[];
  draws: Draw[];
}

export const emptySamplingUpdate = (): SamplingLedgerUpdate => ({ plans: [], samples: [], draws: [] });

/** Names of the sampling chaincode events. */
export const SamplingEvents = {
  planRecorded: 'SamplingPlanRecorded',
  sampleRecorded: 'SampleRecorded',
  sampleObjected: 'SampleObjected',
  sampleRetested: 'SampleRetested',
  sampleFinalized: 'SampleFinalized',
  drawCommitted: 'SamplingDrawCommitted',
  drawRevealed: 'SamplingDrawRevealed',
} as const;
