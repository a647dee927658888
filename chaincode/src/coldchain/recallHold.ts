import type { Context } from 'fabric-contract-api';
import { conflict, forbidden, type ColdChainLot, type HoldState } from '../../../model/src';
import { actsAsRegulator, callerOf, requireEnterpriseCaller } from '../common/caller';
import type { ColdChainSession } from './coldChainSession';

/**
 * Who is setting or lifting a hold: a registered, active regulator identity (`regulator:<enrollment
 * id>`), or else the enterprise the caller is bound to. Whether that enterprise may act on this lot is
 * checked per lot.
 */
export async function holdAuthorityOf(ctx: Context): Promise<{ actorId: string; regulator: boolean }> {
  const caller = callerOf(ctx);
  if (await actsAsRegulator(ctx, caller)) {
    return { actorId: `regulator:${caller.enrollmentId}`, regulator: true };
  }
  const { enterprise } = await requireEnterpriseCaller(ctx);
  return { actorId: enterprise.id, regulator: false };
}

function requireOwnerOrRegulator(lot: ColdChainLot, authority: { actorId: string; regulator: boolean }, action: string): void {
  if (!authority.regulator && authority.actorId !== lot.ownerId) {
    throw forbidden(`only the owner ${lot.ownerId} of lot ${lot.id} or a regulator may ${action}; caller is ${authority.actorId}`);
  }
}

/**
 * A regulator's hold takes the place of an owner's (whose own recall the regulator takes over), and a
 * regulator's recall takes the place of a quarantine; anything else is a second hold of the same lot.
 */
function replacesHold(current: NonNullable<ColdChainLot['hold']>, authority: { regulator: boolean }, state: HoldState): boolean {
  if (!authority.regulator) return false;
  return !current.setBy.startsWith('regulator:') || (current.state === 'quarantined' && state === 'recalled');
}

export async function setHold(
  session: ColdChainSession,
  authority: { actorId: string; regulator: boolean },
  lotId: string,
  hold: { state: HoldState; reason: string },
): Promise<ColdChainLot> {
  const lot = await session.lot(lotId);
  requireOwnerOrRegulator(lot, authority, `mark it ${hold.state}`);
  if (lot.hold) {
    if (!replacesHold(lot.hold, authority, hold.state)) {
      throw conflict(`lot ${lot.id} is already ${lot.hold.state} since ${lot.hold.setAt}`);
    }
    // One transaction: no moment between lifting the old hold and setting the new one in which the lot could move.
    lot.liftedHold = { ...lot.hold, liftedBy: authority.actorId, liftedAt: session.now, liftReason: `replaced by a regulator's ${hold.state}: ${hold.reason}` };
  }
  lot.hold = { ...hold, setBy: authority.actorId, setAt: session.now, txId: session.txId };
  session.putLot(lot);
  return lot;
}

/** Lifts a hold. A hold a regulator set can only be lifted by a regulator. */
export async function liftHold(
  session: ColdChainSession,
  authority: { actorId: string; regulator: boolean },
  lotId: string,
  liftReason: string,
): Promise<ColdChainLot> {
  const lot = await session.lot(lotId);
  requireOwnerOrRegulator(lot, authority, 'lift its hold');
  if (!lot.hold) {
    throw conflict(`lot ${lot.id} is neither recalled nor quarantined`);
  }
  if (lot.hold.setBy.startsWith('regulator:') && !authority.regulator) {
    throw forbidden(`lot ${lot.id} was ${lot.hold.state} by a regulator; only a regulator may lift it`);
  }
  lot.liftedHold = { ...lot.hold, liftedBy: authority.actorId, liftedAt: session.now, liftReason };
  lot.hold = undefined;
  session.putLot(lot);
  return lot;
}
