/** Who each read is for, and the audit of regulators' reads: the audiences module's only public door. */
export * from './regulatorReads';
export * from './regulatorScope';
export * from './requestAudience';
export * from './regulatorScope';
