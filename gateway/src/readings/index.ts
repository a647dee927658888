/** Temperature readings: bulk upload, primary storage, per-window anchoring and inclusion proofs. */
export { verifyDeviceSignature, deviceKeyOf } from './deviceSignature';
export { ReadingIntake, type AnchoredWindow, type UploadAnswer, type UploadResult } from './readingIntake';
export { ReadingProofs, type ReadingProofAnswer } from './readingProofs';
export { readingModels, readingWindowId, readingChunkId, READINGS_PER_CHUNK, type ReadingModels, type ReadingWindowDocument, type ReadingChunkDocument, type ReadingAssurance } from './readingStore';
export { prepareReadings } from './readingIntake';
export { LoggerParamsSchema, MAX_READINGS_PER_UPLOAD, ReadingInputSchema, ReadingParamsSchema, ReadingUploadSchema, type ReadingInput, type ReadingUpload } from './readingUpload';
export { compareLeafOrder, groupIntoWindows, slotStartOf, WINDOW_SLOT_MS, type ReadingWindow, type WindowReading } from './readingWindows';
export { summariseWindow, windowExcursions, type ExcursionRule, type SummarisedReading } from './windowSummary';
