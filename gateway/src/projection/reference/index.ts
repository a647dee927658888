export { referenceEntryId, referenceModels, type ReferenceModels } from './models';
export { referenceProjection } from './referenceProjection';
