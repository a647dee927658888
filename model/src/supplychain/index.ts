/**
 * The supply-chain core every traced-goods domain shares (cold-chain lots now, drug batches next):
 * traced items, custody hand-off with receiver confirmation, lineage, holds and recalls, serialised
 * units, the generic cross-check alerts, assurance labels and the supply-chain part of the update bundle.
 */
export * from './alerts';
export * from './assurance';
export * from './custody';
export * from './hold';
export * from './holdInheritance';
export * from './ledgerUpdate';
export * from './lineage';
export * from './lineageQuantity';
export * from './location';
export * from './lotIdentity';
export * from './tracedItem';
export * from './units';
