export { recallListIds, recallModels, RECALL_LIST_PAGE_ITEMS, type RecallModels, type StoredRecall } from './models';
export { recallProjection } from './recallProjection';
