export { clueMonth, enterpriseClueCountId, isOverdueClue } from './clueCounts';
export { CLUE_LIST_PAGE_ITEMS, CLUE_REGION_PAGE_ITEMS, clueKindListId, clueProjection, clueRegionListId, overdueClueListId, publishedCaseListId, riskClueDocumentId } from './clueProjection';
export { clueModels, type ClueCounts, type ClueIntakeEntry, type ClueModels } from './models';
