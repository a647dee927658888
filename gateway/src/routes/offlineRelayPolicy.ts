import { badRequest, forbiddenRequest } from '../http/httpError';
import { readRelayedProposal } from '../fabric/relayedProposal';

/**
 * The writes an enterprise makes through the offline (non-custodial) relay: its own trace and
 * cold-chain transactions, and once, after enrolling, the confirmation that pins its key to its
 * binding. Other registry, clue and admin functions never need the relay; the chaincode refuses them
 * by role anyway, and the list keeps the relay from being a free proxy to the peers.
 */
export const RELAYED_FUNCTIONS: ReadonlySet<string> = new Set([
  'trace:recordEvent',
  ...['createLot', 'createLotBatch', 'addDocument', 'recordCustody', 'recordCustodyBatch', 'splitLot', 'mergeLots', 'transformLots', 'correctLineage',
    'checkTemperatureCoverage', 'setHold', 'liftHold', 'commissionUnits', 'recordUnitSales', 'registerLogger', 'grantLogger', 'revokeLoggerGrant', 'attachLogger', 'detachLogger', 'anchorReadings', 'acknowledgeAlert'].map((fn) => `coldchain:${fn}`),
  'registry:confirmIdentityKey',
]);

/**
 * How far a relayed proposal's header time may be from the gateway's clock. Orderers do not check
 * header times, and chaincode takes its "now" from them, so a signer could otherwise back- or
 * post-date its writes at will.
 */
export const RELAY_CLOCK_WINDOW_MS = 5 * 60 * 1000;

export function requireRelayedFunction(fn: string): void {
  if (!RELAYED_FUNCTIONS.has(fn)) {
    throw forbiddenRequest(`${fn} cannot be relayed; the relay takes ${[...RELAYED_FUNCTIONS].join(', ')}`);
  }
}

/** Refuses a proposal whose function is not relayed or whose header time is off the gateway's clock by more than the window. */
export function requireRelayable(proposedTransaction: Uint8Array, now = Date.now()): void {
  let proposal;
  try {
    proposal = readRelayedProposal(proposedTransaction);
  } catch (error) {
    throw badRequest(`proposal: not a proposal built by POST /offline/proposals (${error instanceof Error ? error.message : String(error)})`);
  }
  requireRelayedFunction(proposal.fn);
  const skew = proposal.timestamp.getTime() - now;
  if (Math.abs(skew) > RELAY_CLOCK_WINDOW_MS) {
    throw badRequest(`proposal: its time ${proposal.timestamp.toISOString()} is ${Math.round(Math.abs(skew) / 1000)} s ${skew < 0 ? 'behind' : 'ahead of'} the gateway's clock; the relay takes proposals within ${RELAY_CLOCK_WINDOW_MS / 60_000} minutes: build a new one`);
  }
}
