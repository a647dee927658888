import { z } from 'zod';

/**
 * Recall or quarantine of a lot, set and lifted by the lot's owner or a regulator. While held, a lot
 * can be received and stored (it has to sit somewhere) but not shipped, released, sold or derived.
 * Every lot made from it is held with it, and freed when it is lifted (`holdInheritance.ts`).
 */
export const HoldInputSchema = z.strictObject({
  state: z.enum(['recalled', 'quarantined']),
  reason: z.string().min(1).max(500),
});

export const LiftHoldInputSchema = z.strictObject({
  reason: z.string().min(1).max(500),
});
