export * from './connection';
export * from './ledgerInfo';
