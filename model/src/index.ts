/**
 * Domain types, identifiers and validation shared by chaincode and gateway. This is the only public
 * door of the model module.
 */
export * from './canonicalJson';
export * from './enterprise';
export * from './eventTime';
export * from './ledgerError';
export * from './orgs';
export * from './traceEvent';
export * from './uscc';
export * from './validation';
export * from './gs1';
export * from './coldchain';
export * from './merkle';
export * from './digitalLink';
export * from './riskClue';
