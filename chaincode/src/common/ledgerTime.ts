import type { Context } from 'fabric-contract-api';
import { eventTimeMillis, invalid, MAX_CLOCK_SKEW_MS } from '../../../model/src';

/**
 * The transaction's timestamp, chosen by the client and signed into the proposal. Every endorser sees
 * the same value, unlike the local clock, so it is the only time chaincode may use.
 */
export function txTime(ctx: Context): Date {
  return ctx.stub.getDateTimestamp();
}

export function txTimeIso(ctx: Context): string {
  return txTime(ctx).toISOString();
}

/**
 * Refuses an event time later than the transaction time plus the allowed clock skew: a writer may
 * record what happened, not what will happen.
 */
export function requireEventTimeNotAhead(ctx: Context, eventTime: string, field = 'eventTime'): void {
  const now = txTime(ctx);
  if (eventTimeMillis(eventTime) > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw invalid(`${field} ${eventTime} lies in the future of the transaction time ${now.toISOString()}`);
  }
}
