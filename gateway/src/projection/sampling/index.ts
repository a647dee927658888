export { SAMPLE_LIST_PAGE_ITEMS, samplingProjection } from './samplingProjection';
export { sampleListIds, samplingModels, type EnterpriseSamplingCounter, type PassRateCounter, type SampleWindowDay, type SamplingModels } from './models';
