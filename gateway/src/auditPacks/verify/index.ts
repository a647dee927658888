export { verifyPack, MIN_ATTESTING_ORGANISATIONS, type PackVerdict } from './packVerifier';
export type { VerifiedTransaction } from './verifiedTransaction';
export { TrustAnchorSchema, trustAnchorOf, certificateFingerprint, type TrustAnchor } from './trustAnchor';
export { channelConfigOf, type ChannelConfig } from './channelConfig';
export { blockHeaderBytes, blockHeaderHash, blockDataHash } from './blockHashes';
export { recordReasons } from './recordChecks';
export { writtenValue } from './writtenValue';
