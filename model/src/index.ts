/**
 * Domain types, identifiers and validation shared by chaincode and gateway. This is the only public
 * door of the model module.
 */
export * from './audience';
export * from './calendar';
export * from './calendarDate';
export * from './brandPrefix';
export * from './canonicalJson';
export * from './cleanText';
export * from './documentKey';
export * from './enterprise';
export * from './eventTime';
export * from './ledgerBounds';
export * from './ledgerError';
export * from './orgs';
export * from './regulatorBinding';
export * from './traceEvent';
export * from './traceEventAudiences';
export * from './uscc';
export * from './validation';
export * from './gs1';
export * from './supplychain';
export * from './coldchain';
export * from './drug';
export * from './merkle';
export { DigitalLinkError } from './digitalLink';
export * from './identifiers';
export * from './riskClue';
export * from './keyFingerprint';
export * from './bindingKey';
export * from './identityRekey';
export * from './ledgerEvents';
export * from './elevator';
export * from './reference';
export * from './recall';
export * from './sampling';
