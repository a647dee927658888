import { SamplingEvents, type SamplingLedgerUpdate } from '../../../model/src';
import type { FinalitySweeper } from '../sampling/finalitySweeper';
import type { DomainHooks } from './domainHooks';

/** Seconds between finality sweeps: windows are days long, so a quarter of an hour is prompt enough. */
export const FINALITY_SWEEP_SECONDS = 15 * 60;

/** The alert id of a final failed sample (as `chaincode/src/clues/alertClues.ts` reads it). */
const FAILED_SAMPLE = 'failedSample';

/**
 * Sampling's contribution to the regulator's work: the scheduled check that makes samples final once
 * their objection window has closed, and the clue every final failure raises (the ledger reads the
 * sample itself before raising it). It recalls nothing by itself: a regulator opens the recall.
 */
export function samplingHooks(sweeper: FinalitySweeper, everySeconds = FINALITY_SWEEP_SECONDS): DomainHooks {
  return {
    domain: 'sampling',
    alertKinds: [FAILED_SAMPLE],
    alertsOf: (eventName, record) =>
      eventName === SamplingEvents.sampleFinalized
        ? (record as SamplingLedgerUpdate).samples.filter((sample) => sample.status === 'final' && sample.verdict === 'fail').map((sample) => ({ domain: 'sampling' as const, itemId: sample.sampleId, alertId: FAILED_SAMPLE }))
        : [],
    recallScope: () => Promise.resolve(undefined),
    scheduledChecks: [{ name: 'sampling finality', everySeconds, run: (now) => sweeper.sweep(now) }],
  };
}
