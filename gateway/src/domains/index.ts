/** Each domain's hooks for the regulator's work, and the one scheduler of their checks. */
export { coldChainHooks, type ColdChainHookReads } from './coldChainHooks';
export { drugHooks, type DrugHookReads } from './drugHooks';
export type { DomainHooks, RecallScope, ScheduledCheck } from './domainHooks';
export { elevatorHooks, OVERDUE_SWEEP_SECONDS } from './elevatorHooks';
export { FINALITY_SWEEP_SECONDS, samplingHooks } from './samplingHooks';
export { CheckScheduler } from './scheduler';
