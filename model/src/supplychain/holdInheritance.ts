import type { HoldState, LotHold } from './tracedItem';

/**
 * A recall or quarantine reaches every lot made from the held lot (its origin) by split, merge or
 * transform, at any depth. The ledger marks those lots in the same transaction that sets or lifts the
 * hold, walking lineage keys level by level, so that every check of a move reads only the lot's own
 * key and every write stays deterministic.
 */

/**
 * Lots one hold may reach in a transaction (the lots walked, held or not), else the transaction is
 * refused, naming the bound. A lot batch writes as many lots at once. A regulator can hold lots made
 * from the origin first: a walk stops at a lot held for another reason and a hold on it reaches the
 * lots made from it, so a larger tree is held in parts.
 */
export const MAX_HOLD_REACH = 1000;

/** The lot whose hold this is: the one it was set on. */
export function holdOriginOf(lotId: string, hold: LotHold): string {
  return hold.inheritedFrom ?? lotId;
}

/** The hold a lot made from `parentId` takes from it: the same hold, naming the lot it was set on. */
export function inheritedHold(parentId: string, parentHold: LotHold): LotHold {
  return { ...parentHold, inheritedFrom: holdOriginOf(parentId, parentHold) };
}

/**
 * The hold a lot takes from its parents, if any of them is held: a recall before a quarantine, then
 * the first in the lot's own order of parents.
 */
export function holdFromParents(parents: readonly { id: string; hold?: LotHold }[]): LotHold | undefined {
  const held = parents.filter((parent): parent is { id: string; hold: LotHold } => parent.hold !== undefined);
  const chosen = held.find((parent) => parent.hold.state === 'recalled') ?? held[0];
  return chosen ? inheritedHold(chosen.id, chosen.hold) : undefined;
}

/**
 * `lotIds` reordered so that each lot comes after those of its parents that are in the list too,
 * otherwise keeping the given order: a lot's hold is worked out from its parents' holds as they
 * stand after this transaction. Lineage has no cycles (a child is always a new lot).
 */
export function parentsFirst(lotIds: readonly string[], parentsOf: (lotId: string) => readonly string[]): string[] {
  const pending = new Set(lotIds);
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((id) => !parentsOf(id).some((parent) => pending.has(parent)));
    // Unreachable with lineage as the ledger writes it; keeps a malformed graph from looping forever.
    const next = ready.length > 0 ? ready : [...pending];
    for (const id of next) {
      pending.delete(id);
      ordered.push(id);
    }
  }
  return ordered;
}

/**
 * Whether a new hold takes the place of the current one: a regulator's takes the place of an owner's
 * (whose own recall the regulator takes over), and a regulator's recall that of a quarantine.
 */
export function replacesHold(current: LotHold, authority: { regulator: boolean }, state: HoldState): boolean {
  if (!authority.regulator) return false;
  return !current.setBy.startsWith('regulator:') || (current.state === 'quarantined' && state === 'recalled');
}

/**
 * Whether a regulator may make a lot's inherited hold its own (at the same or a stronger state):
 * that is how a reach too large for one transaction is held or lifted in parts.
 */
export function takesOverInheritedHold(current: LotHold, authority: { regulator: boolean }, state: HoldState): boolean {
  return authority.regulator && current.inheritedFrom !== undefined && (state === 'recalled' || current.state === 'quarantined');
}
