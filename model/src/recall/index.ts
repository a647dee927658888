/** Recalls as a workflow: opening with the impact list, acknowledgements and reports, closing, the overdue check. */
export * from './recall';
export * from './recallAudiences';
export * from './recallRules';
export * from './sampleRecall';
