export { ColdChainProjection, type CustodyListener } from './coldChainProjection';
export { ENTERPRISE_LIST_PAGE_ITEMS, EnterpriseListEntries, LotStates, alertDocumentId, concernedBy, lotStateOf, newlyRelated, relationsOf, type LotRelation, type LotState } from './enterpriseLists';
export { JOURNEY_LIMITS, applyLotChanges, changesByLot, type ColdChainJourney, type LotChanges } from './journey';
export { coldChainCollections, coldChainModels, type ColdChainCollections, type ColdChainModels, type UnitRunBucket, type UnitSaleDocument } from './models';
export { UNIT_BUCKET_SIZE, findUnit, type ProjectedUnit } from './units';
export { JourneyStore, unversioned, type CompactionTiming, type StoredJourney } from './journeyStore';
export { custodyEventRow, journeyRows } from './eventRows';
