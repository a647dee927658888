export { CLUE_LIST_PAGE_ITEMS, clueProjection, riskClueDocumentId } from './clueProjection';
export { clueModels, type ClueModels } from './models';
