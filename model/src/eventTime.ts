import { z } from 'zod';

/**
 * An event time as EPCIS records it: ISO 8601 with an explicit UTC offset (`Z` or `±HH:MM`), so the
 * local time at the place of the event is kept alongside the instant.
 */
export const EventTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
    'must be ISO 8601 with a UTC offset, e.g. 2026-11-29T08:30:00+08:00',
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a real date and time');

/** Milliseconds since the epoch of an {@link EventTimeSchema} string. */
export function eventTimeMillis(eventTime: string): number {
  return Date.parse(eventTime);
}

/** How far an event time may lie ahead of the transaction timestamp (clocks of devices drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
