/** Temperature readings: bulk upload, primary storage, per-window anchoring and inclusion proofs. */
export { verifyDeviceSignature, deviceKeyOf } from './deviceSignature';
export { ReadingIntake, type AnchoredWindow, type UploadAnswer, type UploadResult } from './readingIntake';
export { ReadingProofs, type ReadingProofAnswer } from './readingProofs';
export { readingModels, readingDocumentId, type ReadingModels, type StoredReading, type ReadingAssurance } from './readingStore';
export { LoggerParamsSchema, MAX_READINGS_PER_UPLOAD, ReadingInputSchema, ReadingParamsSchema, ReadingUploadSchema, type ReadingInput, type ReadingUpload } from './readingUpload';
export { compareLeafOrder, groupIntoWindows, slotStartOf, WINDOW_SLOT_MS, type ReadingWindow, type WindowReading } from './readingWindows';
export { summariseWindow, windowExcursions, type ExcursionRule, type SummarisedReading } from './windowSummary';
