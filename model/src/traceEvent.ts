import { z } from 'zod';
import { DocumentKeySchema } from './documentKey';
import { cleanId } from './cleanText';
import { EventTimeSchema } from './eventTime';

const identifier = (example: string): z.ZodString =>
  cleanId(example).regex(/^[A-Za-z0-9:._/#%+-]{1,256}$/, `must be 1–256 URI-safe characters (letters, digits, : . _ / # % + -), e.g. ${example}`);

/**
 * A generic trace event: something an enterprise observed or did to a traceable subject (a lot, a
 * drug code, an elevator). Domain contracts record richer events; this one proves the write path and
 * keeps a per-subject history.
 */
export const TraceEventInputSchema = z.strictObject({
  /** Globally unique id chosen by the writer (e.g. an EPCIS hash event id); a second write is refused. */
  eventId: identifier('ev-2026-11-29-0001'),
  /** What the event is about, e.g. a GS1 Digital Link path such as `01/09521234543213/10/LOT42`. */
  subjectId: identifier('01/09521234543213/10/LOT42'),
  /** The business step in CBV words, e.g. `shipping`, `receiving`, `storing`. */
  bizStep: z.string().regex(/^[a-z_]{1,64}$/, 'must be a CBV business step word such as shipping'),
  eventTime: EventTimeSchema,
  /** Free-form attributes; kept small because every endorser executes and stores them. Keys must be storable as document fields. */
  details: z
    .record(DocumentKeySchema, z.union([z.string().max(1024), z.number(), z.boolean()]))
    .refine((details) => Object.keys(details).length <= 32, 'may have at most 32 entries')
    .default({}),
});

export type TraceEventInput = z.infer<typeof TraceEventInputSchema>;

/** A trace event as stored on the ledger. */
export interface TraceEvent extends TraceEventInput {
  enterpriseId: string;
  recordedAt: string;
  txId: string;
}
