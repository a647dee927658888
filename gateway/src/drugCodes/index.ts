/** Drug codes off chain: the stored code lists of commissionings, proofs from them, and reads of a code's state from the projection. */
export { chunkId, drugCodeListModels, storeCodeList, type DrugCodeListDocument, type DrugCodeListModels } from './codeListStore';
export { DrugCodeReader, type DrugCodeVerification, type FoundCode, type ProjectedPosition } from './drugCodeReader';
export { batchWhereabouts, MAX_WHEREABOUTS_BUCKETS, type BatchWhereabouts } from './batchWhereabouts';
export { provenChildren, provenCode, provenCodes } from './provenCodes';
export { code128Widths, drugLabelGrid, gs1ElementStringOf, MIN_BAR_MM, printedDigits, streamDrugLabelSheetPdf, type DrugLabel } from './drugLabelSheetPdf';
export { withPrintedLabel, type LabelMismatch } from './printedLabel';
