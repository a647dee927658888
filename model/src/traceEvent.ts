import { z } from 'zod';
import { DocumentKeySchema } from './documentKey';
import { cleanId } from './cleanText';
import { EventTimeSchema } from './eventTime';

const identifier = (example: string): z.ZodString =>
  cleanId(example).regex(/^[A-Za-z0-9:._/#%+-]{1,256}$/, `must be 1–256 URI-safe characters (letters, digits, : . _ / # % + -), e.g. ${example}`);

/** The CBV 2.0 business steps (EPCIS `bizStep`), by their short names. */
export const CbvBusinessSteps = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance', 'cycle_counting',
  'decommissioning', 'departing', 'destroying', 'disassembling', 'dispensing', 'encoding', 'entering_exiting', 'holding', 'inspecting',
  'installing', 'killing', 'loading', 'other', 'packing', 'picking', 'receiving', 'removing', 'repackaging', 'repairing', 'replacing',
  'reserving', 'retail_selling', 'sampling', 'sensor_reporting', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing',
  'transporting', 'unloading', 'unpacking', 'void_shipping',
] as const;

/** A CBV step, or a step of the writer's own vocabulary named by a URI (EPCIS allows both, nothing else). */
const BusinessStepSchema = z
  .string()
  .max(256)
  .refine(
    (step) => (CbvBusinessSteps as readonly string[]).includes(step) || /^(https?:\/\/[^\s/]+\/\S+|urn:[a-z0-9][a-z0-9-]{0,31}:\S+)$/i.test(step),
    'must be a CBV business step such as shipping, receiving or storing, or a URI of your own vocabulary such as https://example.com/steps/thawing',
  );

/** Lots and serialised units have their own contract and history: a trace event must not pose as one of theirs. */
const DOMAIN_SUBJECT = /^01\/\d{14}\/(10|21)\//;

/**
 * A generic trace event: something an enterprise observed or did to a subject that no domain
 * contract models — a pallet (`00/<SSCC>`), an asset (`8004/<GIAI>`), a shipment or document id.
 * Cold-chain lots and units are recorded with the cold-chain contract, whose history their scan page
 * shows; a trace event naming one of them is refused, so the two never tell two stories.
 */
export const TraceEventInputSchema = z.strictObject({
  /** Globally unique id chosen by the writer (e.g. an EPCIS hash event id); a second write is refused. */
  eventId: identifier('ev-2026-11-29-0001'),
  /** What the event is about, e.g. a pallet as a GS1 Digital Link path such as `00/395212345000000019`. */
  subjectId: identifier('00/395212345000000019').refine(
    (subject) => !DOMAIN_SUBJECT.test(subject),
    'names a cold-chain lot or unit (01/<GTIN>/10/… or 01/<GTIN>/21/…): record what happens to it with the cold-chain API (POST /coldchain/custody), whose history its scan page shows. Trace events are for other subjects such as a pallet 00/<SSCC> or an asset 8004/<GIAI>',
  ),
  bizStep: BusinessStepSchema,
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
