import { z } from 'zod';
import { EventTimeSchema, LoggerIdSchema, MAX_CLOCK_SKEW_MS } from '../../../model/src';

/** Most readings one upload may carry (about 13 MB of JSON with signatures, under the route's 16 MB body limit). */
export const MAX_READINGS_PER_UPLOAD = 100_000;

/** Ordering, future and duplicate problems reported per kind before the rest are summed up, so a bad file gives a readable 400. */
const MAX_ISSUES_PER_KIND = 20;

/**
 * One reading as a logger posts it. `readingId` is printable ASCII so that every store and every
 * verifier orders ids the same way; `signature` is base64 of the device's signature over the reading's
 * canonical bytes (`canonicalReadingBytes`).
 */
export const ReadingInputSchema = z.strictObject({
  readingId: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be 1–128 printable ASCII characters without spaces'),
  time: EventTimeSchema,
  tenthsC: z.number().int('must be an integer (tenths of a degree Celsius)').min(-1000).max(1000),
  signature: z.string().regex(/^[A-Za-z0-9+/]{16,1024}={0,2}$/, 'must be base64').optional(),
});

export type ReadingInput = z.infer<typeof ReadingInputSchema>;

/**
 * A bulk upload: readings strictly later one after another (a logger samples one reading at a time),
 * none beyond now plus the allowed clock skew, no reading id twice.
 */
export const ReadingUploadSchema = z
  .strictObject({ readings: z.array(ReadingInputSchema).min(1).max(MAX_READINGS_PER_UPLOAD) })
  .superRefine(({ readings }, context) => {
    const latest = Date.now() + MAX_CLOCK_SKEW_MS;
    const seen = new Map<string, number>();
    const counts = { order: 0, future: 0, duplicate: 0 };
    const report = (kind: keyof typeof counts, index: number, field: 'time' | 'readingId', message: string): void => {
      counts[kind] += 1;
      if (counts[kind] <= MAX_ISSUES_PER_KIND) {
        context.addIssue({ code: 'custom', path: ['readings', index, field], message });
      }
    };
    readings.forEach((reading, index) => {
      const millis = Date.parse(reading.time);
      if (index > 0 && millis <= Date.parse(readings[index - 1].time)) {
        report('order', index, 'time', `is out of time order: not later than readings[${index - 1}].time ${readings[index - 1].time}`);
      }
      if (millis > latest) {
        report('future', index, 'time', `lies in the future (more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes ahead of the gateway's clock)`);
      }
      const first = seen.get(reading.readingId);
      if (first !== undefined) {
        report('duplicate', index, 'readingId', `duplicates readings[${first}].readingId ${reading.readingId}`);
      } else {
        seen.set(reading.readingId, index);
      }
    });
    for (const [kind, count] of Object.entries(counts)) {
      if (count > MAX_ISSUES_PER_KIND) {
        context.addIssue({ code: 'custom', path: ['readings'], message: `${count - MAX_ISSUES_PER_KIND} more readings have the same ${kind} problem` });
      }
    }
  });

export type ReadingUpload = z.infer<typeof ReadingUploadSchema>;

export const LoggerParamsSchema = z.object({ loggerId: LoggerIdSchema });
export const ReadingParamsSchema = z.object({ loggerId: LoggerIdSchema, readingId: z.string().min(1).max(128) });
