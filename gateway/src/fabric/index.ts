export * from './connection';
export * from './ledgerInfo';
export * from './ledgerRefusal';
export * from './identity';
export * from './ledger';
export * from './blockReader';
