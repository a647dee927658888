import type { Context } from 'fabric-contract-api';

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
