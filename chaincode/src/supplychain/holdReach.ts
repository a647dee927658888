import {
  conflict,
  holdFromParents,
  inheritedHold,
  MAX_HOLD_REACH,
  parentsFirst,
  replacesHold,
  type TracedItem,
  type LineageLink,
} from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readRecordsByPartialKey } from '../common/state';
import type { SupplyChainSession } from './supplyChainSession';

/**
 * Carries a hold from the lot it is set on (the origin) to every lot made from it, and back off when
 * it is lifted there, in the same transaction. The walk reads `tl.cc.child` ranges level by level
 * (range reads are re-checked at commit, so a lot derived meanwhile fails the transaction instead of
 * escaping the hold), in key order, so every endorser writes the same lots; it refuses past
 * {@link MAX_HOLD_REACH} lots. A move then needs only the lot's own key to know it is held.
 *
 * The walk leans on one invariant: a held lot's derived lots are held too (a held lot cannot be split,
 * merged or transformed, and each hold is walked when set). So it need not pass a lot held for another
 * reason: what was made from it already holds. It does pass lots with their own hold, whose derived
 * lots may hold from further up.
 */

type Visit = (lot: TracedItem) => 'walkOn' | 'stop';

/** Lots made from `originId`, breadth first; `visit` decides, per lot, whether the walk goes past it. */
async function walkDerivedLots(session: SupplyChainSession, originId: string, action: string, visit: Visit): Promise<TracedItem[]> {
  const reached: TracedItem[] = [];
  const seen = new Set<string>([originId]);
  let level = [originId];
  while (level.length > 0) {
    const next: string[] = [];
    for (const lotId of level) {
      for (const link of await readRecordsByPartialKey<LineageLink>(session.ctx, KeyTypes.lineageChild, lotId)) {
        if (seen.has(link.childId)) continue;
        seen.add(link.childId);
        if (reached.length >= MAX_HOLD_REACH) {
          throw conflict(
            `${action} lot ${originId} would reach more than ${MAX_HOLD_REACH} lots made from it, more than one transaction may change; ` +
              'a regulator can first hold lots made from it (a hold reaches the lots made from its own lot), then act on this one',
          );
        }
        const lot = await session.lot(link.childId);
        reached.push(lot);
        if (visit(lot) === 'walkOn') next.push(lot.id);
      }
    }
    level = next;
  }
  return reached;
}

/**
 * After `origin`'s own hold was set (or replaced): every lot made from it that is not held takes the
 * hold, naming `origin`, and so does one whose hold came from `origin` (or from the lot whose hold
 * `origin` just took over as its own), or that the new hold replaces by the rule a direct hold follows.
 */
export async function holdDerivedLots(session: SupplyChainSession, origin: TracedItem, authority: { regulator: boolean }, takenOverFrom?: string): Promise<void> {
  const hold = origin.hold;
  if (!hold) return;
  await walkDerivedLots(session, origin.id, 'holding', (lot) => {
    const current = lot.hold;
    if (current && current.inheritedFrom === undefined) {
      // Its own hold stays its own; lots made from it may still take this one (their holds from further up).
      return 'walkOn';
    }
    const takes =
      current === undefined ||
      current.inheritedFrom === origin.id ||
      current.inheritedFrom === takenOverFrom ||
      replacesHold(current, authority, hold.state);
    if (!takes) return 'stop';
    lot.hold = inheritedHold(origin.id, hold);
    session.putLot(lot);
    return 'walkOn';
  });
}

/**
 * After `origin`'s own hold was lifted: each lot made from it whose hold came from `origin` takes
 * its hold again from its parents as they now stand (parents first, so a parent freed in this same
 * transaction counts as freed), and is freed when none of them is held.
 */
export async function releaseDerivedLots(session: SupplyChainSession, origin: TracedItem, liftedBy: string, liftReason: string): Promise<void> {
  const fromOrigin = (lot: TracedItem): boolean => lot.hold?.inheritedFrom === origin.id;
  const reached = await walkDerivedLots(session, origin.id, 'lifting the hold of', (lot) =>
    // Lots held from elsewhere, or not at all, have no lots made from them held from `origin`.
    fromOrigin(lot) || (lot.hold !== undefined && lot.hold.inheritedFrom === undefined) ? 'walkOn' : 'stop',
  );
  const released = new Map(reached.filter(fromOrigin).map((lot) => [lot.id, lot]));
  for (const lotId of parentsFirst([...released.keys()], (id) => released.get(id)?.parents ?? [])) {
    const lot = released.get(lotId) as TracedItem;
    const parents: TracedItem[] = [];
    for (const parentId of lot.parents) {
      parents.push(await session.lot(parentId));
    }
    const still = holdFromParents(parents);
    if (still) {
      lot.hold = still;
    } else if (lot.hold) {
      lot.liftedHold = { ...lot.hold, liftedBy, liftedAt: session.now, liftReason: `lifted at lot ${origin.id}: ${liftReason}` };
      lot.hold = undefined;
    }
    session.putLot(lot);
  }
}
