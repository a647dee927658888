import { z } from 'zod';
import { cleanId } from '../cleanText';
import { isGiaiUrn } from '../gs1';
import { EventTimeSchema } from '../eventTime';
import { MAX_ANCHOR_WINDOW_MS } from '../ledgerBounds';
import { LotIdSchema } from '../supplychain/lotIdentity';
import { episodeContradiction } from './anchorEvidence';
import type { AttachmentPeriod } from './attachmentPeriod';

export const LoggerIdSchema = cleanId('urn:epc:id:giai:4000001.111').refine(isGiaiUrn, 'must be a GIAI URN such as urn:epc:id:giai:4000001.111');

/** A temperature logger an enterprise enrols; with a public key its signed readings count as device-signed. */
export const LoggerRegistrationSchema = z.strictObject({
  loggerId: LoggerIdSchema,
  description: z.string().max(200).optional(),
  /** SPKI PEM of the device's signing key (EC or Ed25519). */
  publicKeyPem: z.string().max(4096).optional(),
});

export type LoggerRegistration = z.infer<typeof LoggerRegistrationSchema>;

export interface TemperatureLogger extends LoggerRegistration {
  ownerId: string;
  registeredAt: string;
  txId: string;
}

export const LoggerAttachmentInputSchema = z.strictObject({
  loggerId: LoggerIdSchema,
  lotId: LotIdSchema,
  /** When the logger was attached (`attach`) or removed (`detach`). */
  eventTime: EventTimeSchema,
});

/** The periods one logger was attached to one lot. */
export interface LoggerAttachment {
  loggerId: string;
  lotId: string;
  periods: AttachmentPeriod[];
  updatedTxId: string;
}

export const ExcursionReportSchema = z
  .strictObject({
    start: EventTimeSchema,
    end: EventTimeSchema,
    minTenthsC: z.number().int(),
    maxTenthsC: z.number().int(),
  })
  .refine((e) => Date.parse(e.end) >= Date.parse(e.start), 'end must not be before start')
  .refine((e) => e.minTenthsC <= e.maxTenthsC, 'minTenthsC must not exceed maxTenthsC');

/**
 * The on-chain summary of one logger's readings in one window (at most {@link MAX_ANCHOR_WINDOW_MS}):
 * the RFC 6962 root over their canonical encodings, how many there were, the extremes, how many
 * carried a valid device signature, and the excursion episodes the gateway found, each consistent
 * with the extremes (`anchorEvidence.ts`).
 */
export const ReadingAnchorInputSchema = z
  .strictObject({
    loggerId: LoggerIdSchema,
    windowStart: EventTimeSchema,
    windowEnd: EventTimeSchema,
    merkleRoot: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters'),
    count: z.number().int().positive().max(10_000_000),
    minTenthsC: z.number().int(),
    maxTenthsC: z.number().int(),
    deviceSignedCount: z.number().int().min(0),
    excursions: z.array(ExcursionReportSchema).max(1000).default([]),
  })
  .refine((a) => Date.parse(a.windowEnd) > Date.parse(a.windowStart), { message: 'must be after windowStart', path: ['windowEnd'] })
  .refine((a) => Date.parse(a.windowEnd) - Date.parse(a.windowStart) <= MAX_ANCHOR_WINDOW_MS, {
    message: `must lie at most ${MAX_ANCHOR_WINDOW_MS / 3_600_000} h after windowStart; anchor a longer stretch as several windows`,
    path: ['windowEnd'],
  })
  .refine((a) => a.minTenthsC <= a.maxTenthsC, { message: 'must not exceed maxTenthsC', path: ['minTenthsC'] })
  .refine((a) => a.deviceSignedCount <= a.count, { message: 'must not exceed count', path: ['deviceSignedCount'] })
  // An episode may have begun in an earlier window: it keeps its first start, so it stays one alert.
  .refine((a) => a.excursions.every((e) => Date.parse(e.end) >= Date.parse(a.windowStart) && Date.parse(e.end) <= Date.parse(a.windowEnd)), {
    message: 'every excursion must end inside the window',
    path: ['excursions'],
  })
  .superRefine((a, context) => {
    a.excursions.forEach((episode, index) => {
      const contradiction = episodeContradiction(a, episode);
      if (contradiction !== undefined) {
        context.addIssue({ code: 'custom', message: contradiction, path: ['excursions', index] });
      }
    });
  });

export type ReadingAnchorInput = z.infer<typeof ReadingAnchorInputSchema>;

export interface ReadingAnchor extends ReadingAnchorInput {
  /** Owner of the logger, who anchored. */
  enterpriseId: string;
  anchoredAt: string;
  txId: string;
}
