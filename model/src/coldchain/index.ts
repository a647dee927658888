/** The cold-chain food vertical's shared model: lots, documents, custody, lineage, loggers, alerts. */
export * from './alerts';
export * from './anchorEvidence';
export * from './assurance';
export * from './coverage';
export * from './custody';
export * from './documents';
export * from './excursion';
export * from './hold';
export * from './ledgerUpdate';
export * from './lineage';
export * from './location';
export * from './logger';
export * from './loggerGrant';
export * from './lot';
export * from './storageRange';
export * from './units';
