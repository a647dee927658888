import { z } from 'zod';

/**
 * Where a recorded fact came from. Writers may claim only what they can do alone (`typed`,
 * `scanned`); `deviceSigned` and `partnerConfirmed` are given by the ledger, when a logger's
 * signatures were verified or the counter-party confirmed (a receipt confirms its shipment).
 */
export const AssuranceLabels = ['typed', 'scanned', 'deviceSigned', 'partnerConfirmed'] as const;
export type AssuranceLabel = (typeof AssuranceLabels)[number];

export const ClaimedAssuranceSchema = z.enum(['typed', 'scanned']).default('typed');
