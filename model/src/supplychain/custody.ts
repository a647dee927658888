import { z } from 'zod';
import { cleanId } from '../cleanText';
import { EventTimeSchema } from '../eventTime';
import { isUscc, wrongCheckCharacter } from '../uscc';
import { explained } from '../validation';
import { ClaimedAssuranceSchema, type AssuranceLabel } from './assurance';
import { EventLocationSchema, type EventLocation } from './location';
import { LotIdSchema, QuantitySchema } from './lotIdentity';

/** Writer-chosen id of a custody event (e.g. an EPCIS hash event id); unique within its lot. */
export const CustodyEventIdSchema = cleanId('ev-2026-11-29-0001').regex(/^[A-Za-z0-9:._/#%?=;+-]{1,160}$/, 'must be 1–160 URI-safe characters, e.g. ev-2026-11-29-0001');

const custodyCommon = {
  eventId: CustodyEventIdSchema,
  lotId: LotIdSchema,
  eventTime: EventTimeSchema,
  location: EventLocationSchema,
  assurance: ClaimedAssuranceSchema,
};

/**
 * The custody events of a lot. Only the current custodian ships, stores, releases and sells; only the
 * named receiver receives. A shipment moves the whole quantity on hand (split first to send part).
 */
export const CustodyEventInputSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...custodyCommon, action: z.literal('ship'), to: cleanId('91350100M000100Y43').refine(isUscc, explained('must be the credit code of a registered enterprise', wrongCheckCharacter)), quantity: QuantitySchema }),
  z.strictObject({
    ...custodyCommon,
    action: z.literal('receive'),
    /** Accept with the quantity counted on arrival (at most what was shipped), or refuse the whole shipment. */
    decision: z.enum(['accept', 'refuse']),
    quantity: QuantitySchema.optional(),
    reason: z.string().min(1).max(500).optional(),
  }).refine((e) => (e.decision === 'accept' ? e.quantity !== undefined : e.reason !== undefined && e.quantity === undefined), {
    message: 'accept needs the quantity received; refuse needs a reason and no quantity',
    path: ['decision'],
  }),
  z.strictObject({ ...custodyCommon, action: z.literal('store') }),
  z.strictObject({ ...custodyCommon, action: z.literal('releaseForSale') }),
  z.strictObject({ ...custodyCommon, action: z.literal('sell'), quantity: QuantitySchema }),
]);

export type CustodyEventInput = z.infer<typeof CustodyEventInputSchema>;
export type CustodyAction = CustodyEventInput['action'] | 'create' | 'split' | 'merge' | 'transform';

/** Many custody events applied in one transaction, all or none, each checked as a single write is. */
export const CustodyBatchSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(2000),
});

/**
 * A custody event as the lot's custody log keeps it: the writer's event plus who recorded it and
 * where it sits in the log. Derivations (split, merge, transform) and creation appear in the log too,
 * with the other lots involved in `detail`.
 */
export interface CustodyRecord {
  action: CustodyAction;
  eventId: string;
  lotId: string;
  eventTime: string;
  location?: EventLocation;
  to?: string;
  decision?: 'accept' | 'refuse';
  quantity?: number;
  reason?: string;
  detail?: Record<string, string | number | string[]>;
  /** The enterprise that recorded it (from the identity binding). */
  enterpriseId: string;
  assurance: AssuranceLabel;
  /** Position in the lot's custody log. */
  sequence: number;
  recordedAt: string;
  txId: string;
  /** For a shipment: the receipt that confirmed it. */
  confirmedByEventId?: string;
}

/** The custody records one transaction made, under one ledger key, in the order they were made. */
export interface CustodyTransaction {
  txId: string;
  records: CustodyRecord[];
}
