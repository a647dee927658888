import { z } from 'zod';
import { cleanId } from '../cleanText';
import { EventTimeSchema } from '../eventTime';
import { RegistrationNumberSchema } from './elevator';

/** The national entrapment hotline, shown in every car with the lift's rescue code. */
export const RESCUE_HOTLINE = '96333';

const CallIdSchema = cleanId('96333-20261201-0001').regex(/^[A-Za-z0-9._-]{4,64}$/, 'must be 4–64 letters, digits or . _ -');

/**
 * A 96333 entrapment call as the call centre records it, with its own identity: when the call came
 * and when it dispatched the maintenance firm. The firm cannot write these times, so it cannot move
 * the clock its arrival is judged by.
 */
export const RescueCallSchema = z
  .strictObject({
    callId: CallIdSchema,
    registrationNumber: RegistrationNumberSchema,
    calledAt: EventTimeSchema,
    dispatchedAt: EventTimeSchema,
    trappedPassengers: z.number().int().min(0).max(100),
  })
  .refine((c) => Date.parse(c.dispatchedAt) >= Date.parse(c.calledAt), { message: 'must not be before calledAt', path: ['dispatchedAt'] });

export type RescueCall = z.infer<typeof RescueCallSchema>;

/** The firm's part: when its rescuer arrived and when the passengers were released. */
export const RescueArrivalSchema = z
  .strictObject({
    callId: CallIdSchema,
    registrationNumber: RegistrationNumberSchema,
    arrivedAt: EventTimeSchema,
    releasedAt: EventTimeSchema,
  })
  .refine((r) => Date.parse(r.releasedAt) >= Date.parse(r.arrivedAt), { message: 'must not be before arrivedAt', path: ['releasedAt'] });

export type RescueArrival = z.infer<typeof RescueArrivalSchema>;

export interface Rescue extends RescueCall {
  deviceCode: string;
  callCentreId: string;
  /** The firm under contract when the call came: the only one that may record the arrival. */
  firmId: string;
  arrivedAt?: string;
  releasedAt?: string;
  /** Minutes from the call to arrival, and the region's limit it was judged against. */
  arrivalMinutes?: number;
  arrivalLimitMinutes: number;
  recordedAt: string;
  txId: string;
  arrivalTxId?: string;
}

export const FaultKinds = ['doorFault', 'stopsBetweenFloors', 'abnormalNoise', 'overspeed', 'levelling', 'powerFailure', 'other'] as const;

/** A fault report by the using unit or the firm under contract. */
export const FaultReportSchema = z.strictObject({
  registrationNumber: RegistrationNumberSchema,
  occurredAt: EventTimeSchema,
  kind: z.enum(FaultKinds),
  description: z.string().trim().min(3).max(1000),
});

export type FaultReport = z.infer<typeof FaultReportSchema>;

export interface ElevatorFault extends FaultReport {
  faultId: string;
  deviceCode: string;
  reportedBy: string;
  recordedAt: string;
  txId: string;
}

/** Whole minutes from `from` to `to`, rounded up: 30 min 1 s is over a 30-minute limit. */
export function minutesBetween(from: string, to: string): number {
  return Math.ceil((Date.parse(to) - Date.parse(from)) / 60_000);
}
