/** The cold-chain food vertical's shared model: lots, entry documents, storage ranges, loggers, anchors, coverage. */
export * from './alertAcknowledgement';
export * from './alerts';
export * from './anchorEvidence';
export * from './attachmentPeriod';
export * from './coverage';
export * from './documents';
export * from './excursion';
export * from './ledgerUpdate';
export * from './logger';
export * from './loggerGrant';
export * from './lot';
export * from './storageRange';
export * from './timeSpan';
export * from './transformation';
export * from './lotAudiences';
