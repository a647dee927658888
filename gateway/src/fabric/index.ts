export * from './connection';
export * from './ledgerInfo';
export * from './ledgerRefusal';
