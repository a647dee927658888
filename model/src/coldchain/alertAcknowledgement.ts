import { z } from 'zod';
import { cleanId } from '../cleanText';
import { AlertKinds } from './alerts';
import { LotIdSchema } from '../supplychain/lotIdentity';

/** An alert's id within its lot, `<kind>:<what makes it unique>` (URL-encode it in paths). */
export const AlertIdSchema = cleanId('quantityMismatch:ev-2026-11-29-0001')
  .max(512)
  .refine((id) => AlertKinds.some((kind) => id.startsWith(`${kind}:`)), 'must be an alert id <kind>:<…> such as quantityMismatch:ev-2026-11-29-0001');

/** One alert of one lot: the path of its acknowledgements and the arguments of `acknowledgeAlert`. */
export const AlertReferenceSchema = z.object({ lotId: LotIdSchema, alertId: AlertIdSchema });

/** What the enterprise an alert concerns says when it acknowledges it: what it found or did. */
export const AlertAcknowledgementInputSchema = z.strictObject({
  comment: z.string().trim().min(1, 'must say what was found or done').max(500),
});

export type AlertAcknowledgementInput = z.infer<typeof AlertAcknowledgementInputSchema>;

/**
 * The refusal of an acknowledgement by an enterprise the alert does not concern, naming who may give
 * one: the lot's owner, answerable for it, and its custodian, who has it in hand.
 *
 * @example
 * acknowledgerRefusal({ id: '01/09521234543213/10/LOT42', ownerId: 'A', custodianId: 'B' }, 'C')
 * // "only the owner A or the custodian B of lot 01/09521234543213/10/LOT42 may acknowledge its alerts; enterprise C is neither"
 */
export function acknowledgerRefusal(lot: { id: string; ownerId: string; custodianId: string }, enterpriseId: string): string {
  if (lot.ownerId === lot.custodianId) {
    return `only ${lot.ownerId}, owner and custodian of lot ${lot.id}, may acknowledge its alerts; enterprise ${enterpriseId} may not`;
  }
  return `only the owner ${lot.ownerId} or the custodian ${lot.custodianId} of lot ${lot.id} may acknowledge its alerts; enterprise ${enterpriseId} is neither`;
}
