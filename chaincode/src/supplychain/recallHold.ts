import type { Context } from 'fabric-contract-api';
import { conflict, forbidden, holdFromParents, replacesHold, takesOverInheritedHold, type TracedItem, type HoldState, type LotHold } from '../../../model/src';
import { callerOf } from '../common/caller';
import { actsAsRegulator, requireEnterpriseCaller } from '../registry/registeredCaller';
import type { SupplyChainSession } from './supplyChainSession';
import { holdDerivedLots, releaseDerivedLots } from './holdReach';

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

function requireOwnerOrRegulator(lot: TracedItem, authority: { actorId: string; regulator: boolean }, action: string): void {
  if (!authority.regulator && authority.actorId !== lot.ownerId) {
    throw forbidden(`only the owner ${lot.ownerId} of lot ${lot.id} or a regulator may ${action}; caller is ${authority.actorId}`);
  }
}

/** How a refusal names a lot's hold: when it was set, and on which lot if it came from there. */
function describeHold(hold: LotHold): string {
  return hold.inheritedFrom ? `since ${hold.setAt}, with lot ${hold.inheritedFrom} it was made from` : `since ${hold.setAt}`;
}

/**
 * Sets a hold on the lot and on every lot made from it (see `holdReach.ts`). A regulator's hold takes
 * the place of an owner's, a regulator's recall that of a quarantine, and a regulator may make an
 * inherited hold the lot's own; anything else is a second hold of the same lot.
 */
export async function setHold(
  session: SupplyChainSession,
  authority: { actorId: string; regulator: boolean },
  lotId: string,
  hold: { state: HoldState; reason: string },
): Promise<TracedItem> {
  const lot = await session.lot(lotId);
  requireOwnerOrRegulator(lot, authority, `mark it ${hold.state}`);
  const takenOverFrom = lot.hold?.inheritedFrom;
  if (lot.hold) {
    if (!replacesHold(lot.hold, authority, hold.state) && !takesOverInheritedHold(lot.hold, authority, hold.state)) {
      throw conflict(`lot ${lot.id} is already ${lot.hold.state} ${describeHold(lot.hold)}`);
    }
    // One transaction: no moment between lifting the old hold and setting the new one in which the lot could move.
    lot.liftedHold = { ...lot.hold, liftedBy: authority.actorId, liftedAt: session.now, liftReason: `replaced by a regulator's ${hold.state}: ${hold.reason}` };
  }
  lot.hold = { ...hold, setBy: authority.actorId, setAt: session.now, txId: session.txId };
  session.putLot(lot);
  await holdDerivedLots(session, lot, authority, takenOverFrom);
  return lot;
}

/**
 * Lifts a lot's own hold, and with it the holds the lots made from it took from it. A hold a regulator
 * set can only be lifted by a regulator; an inherited hold only where it was set. A lot whose parent
 * is still held stays held, now from that parent's origin.
 */
export async function liftHold(
  session: SupplyChainSession,
  authority: { actorId: string; regulator: boolean },
  lotId: string,
  liftReason: string,
): Promise<TracedItem> {
  const lot = await session.lot(lotId);
  requireOwnerOrRegulator(lot, authority, 'lift its hold');
  if (!lot.hold) {
    throw conflict(`lot ${lot.id} is neither recalled nor quarantined`);
  }
  if (lot.hold.inheritedFrom) {
    throw conflict(`lot ${lot.id} is ${lot.hold.state} with lot ${lot.hold.inheritedFrom} it was made from; the hold is lifted at lot ${lot.hold.inheritedFrom}`);
  }
  if (lot.hold.setBy.startsWith('regulator:') && !authority.regulator) {
    throw forbidden(`lot ${lot.id} was ${lot.hold.state} by a regulator; only a regulator may lift it`);
  }
  lot.liftedHold = { ...lot.hold, liftedBy: authority.actorId, liftedAt: session.now, liftReason };
  lot.hold = undefined;
  // Its own hold may have hidden one its parents passed on since.
  const parents: TracedItem[] = [];
  for (const parentId of lot.parents) {
    parents.push(await session.lot(parentId));
  }
  lot.hold = holdFromParents(parents);
  session.putLot(lot);
  await releaseDerivedLots(session, lot, authority.actorId, liftReason);
  return lot;
}
