export { traceModels, type SubjectEvent, type TraceModels, type TraceSubjectTimeline } from './models';
export { TIMELINE_PAGE_EVENTS, traceProjection } from './traceProjection';
