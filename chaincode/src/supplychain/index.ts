/**
 * The supply-chain core of the chaincode, shared by every traced-goods domain: the transaction session,
 * custody hand-off with receiver confirmation, lineage and its corrections, holds and recalls and
 * their reach, serialised units, the generic cross-checks, the reads of a lot, and the key layout.
 * A domain's contract opens a session over its own item type and calls these; its own rules come in
 * through small interfaces (e.g. {@link ReleaseRule}).
 */
export { applyCustodyBatch, applyCustodyEvent, confirmedShipment, type ReleaseRule } from './custody';
export { checkReceivedQuantity, checkSighting } from './crossChecks';
export { consume, recordDerivation, requireDistinct, requireOutputGtins, type Derivation } from './lineage';
export { correctionAuthorityOf, correctLineage, withCorrection, type CorrectionAuthority } from './lineageCorrection';
export { lotReaderAudience, readAlerts, readCustodyLog, readLineage, readLot, readLotHistory, traceLot, type LotVersion } from './lotQueries';
export { requireCustodian, requireInOwnCustody, requireInStock, requireMovable, requireNotBeforeProduction, requireNotHeld } from './lotRules';
export { holdAuthorityOf, liftHold, setHold } from './recallHold';
export { custodyEventDigest, SupplyChainSession } from './supplyChainSession';
export { alertKey, holderKey, lotKey, unitRunPrefixAttribute } from './supplyChainKeys';
export { commissionUnits, recordUnitSales, type SerialisedLot } from './units';
