/** What the resolver does with each identifier kind the model recognises: the facts, the page and the JSON. */
export type { IdentifierHandler, ScanAnswer, ScannedFacts, ScanReading, ScanReads } from './identifierHandler';
export { handlerOf, IdentifierHandlers } from './identifierHandlers';
