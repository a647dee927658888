export { DRUG_LIST_PAGE_ITEMS, drugProjection } from './drugProjection';
export { drugDocumentIds, drugModels, type DrugDocument, type DrugEnterpriseCounter, type DrugModels } from './models';
