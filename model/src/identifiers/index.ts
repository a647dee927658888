/**
 * Identifier kinds: what a scanned code or a subject id can name (a GS1 lot or unit, an asset, a
 * case or pallet, a drug pack), how each is read and written. The resolver, the scan monitor and the
 * risk clues dispatch through {@link IdentifierKinds} instead of matching paths themselves.
 */
export type { ClueSubjectRole, IdentifierKind } from './identifierKind';
export * from './identifierKinds';
export * from './digitalLinks';
export { elementString, elementStringPairs } from './elementString';
export { lotKind, type LotIdentifier } from './gs1Lot';
export { serialKind, type SerialIdentifier } from './gs1Serial';
export { assetKind, type AssetIdentifier } from './giai';
export { logisticUnitKind, type LogisticUnitIdentifier } from './sscc';
export { drugTraceCodeKind, drugTraceCodeParts, type DrugTraceCode, type DrugTraceCodeParts } from './drugTraceCode';
