import { dayOf, publicViewOnly } from './audience';
import type { TraceEvent } from './traceEvent';

/**
 * A trace event as the public sees it: who did what to which subject, on which day. Its details are
 * free-form (quantities, addresses, document numbers) and its exact time is the recording
 * enterprise's business: the recorder (its party) and regulators see the event whole.
 */
export type PublicTraceEvent = Pick<TraceEvent, 'eventId' | 'subjectId' | 'bizStep' | 'enterpriseId'> & { day: string };

export function publicTraceEvent(event: TraceEvent): PublicTraceEvent {
  return { eventId: event.eventId, subjectId: event.subjectId, bizStep: event.bizStep, enterpriseId: event.enterpriseId, day: dayOf(event.eventTime) };
}

/** The parties of a trace event: the enterprise that recorded it. */
export function traceEventParties(event: Pick<TraceEvent, 'enterpriseId'>): string[] {
  return [event.enterpriseId];
}

export const TraceEventAudiences = {
  event: publicViewOnly(publicTraceEvent),
} as const;
