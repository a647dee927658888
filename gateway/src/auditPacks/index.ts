export { AuditPackBuilder, type BuiltPack, type PackBuilding } from './packBuilder';
export { AuditPackKinds, AuditPackModes, PackClaims, PackEntries, type AuditPackKind, type AuditPackMode, type PackManifest } from './packFormat';
export { verifyPack, trustAnchorOf, TrustAnchorSchema, channelConfigOf, blockHeaderHash, writtenValue, type PackVerdict, type TrustAnchor } from './verify';
export { entriesOf, zipOf } from './zipEntries';
