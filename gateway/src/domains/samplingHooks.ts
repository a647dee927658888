import type { FinalitySweeper } from '../sampling/finalitySweeper';
import type { DomainHooks } from './domainHooks';

/** Seconds between finality sweeps: windows are days long, so a quarter of an hour is prompt enough. */
export const FINALITY_SWEEP_SECONDS = 15 * 60;

/**
 * Sampling's contribution to the regulator's work: the scheduled check that makes samples final once
 * their objection window has closed. It raises no alerts of its own (a final failed sample is read by
 * the clue intake from its ledger key) and recalls nothing by itself.
 */
export function samplingHooks(sweeper: FinalitySweeper, everySeconds = FINALITY_SWEEP_SECONDS): DomainHooks {
  return {
    domain: 'sampling',
    alertKinds: [],
    // A final failed sample becomes a clue through the clue intake reading `tl.sample`, not as an alert.
    alertsOf: () => [],
    recallScope: () => Promise.resolve(undefined),
    scheduledChecks: [{ name: 'sampling finality', everySeconds, run: (now) => sweeper.sweep(now) }],
  };
}
