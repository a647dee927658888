/** Sampling inspections: plans, samples and their finality, pass rates, double-random draws, credit grades. */
export * from './creditGrade';
export * from './draw';
export * from './finality';
export * from './ledgerUpdate';
export * from './passRate';
export * from './sampleResult';
export * from './samplingPlan';
