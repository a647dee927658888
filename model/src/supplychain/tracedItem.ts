import type { AssuranceLabel } from './assurance';
import type { EventLocation } from './location';
import type { QuantityUnit } from './lotIdentity';

export type LotStatus = 'inStock' | 'inTransit' | 'depleted';
export type HoldState = 'recalled' | 'quarantined';

export interface LotHold {
  state: HoldState;
  reason: string;
  /** Enterprise id, or `regulator:<enrollment id>` for a regulator identity. */
  setBy: string;
  setAt: string;
  txId: string;
  /**
   * Set on a lot made (by split, merge or transform, at any depth) from the lot the hold was set on:
   * that lot's id. Such a hold is lifted there, never at this lot (see `holdInheritance.ts`).
   */
  inheritedFrom?: string;
}

export interface PendingShipment {
  eventId: string;
  from: string;
  to: string;
  quantity: number;
  eventTime: string;
  /** The transaction that recorded the shipment, whose custody key holds its record. */
  txId?: string;
}

/** The last place and time the ledger saw the lot, which the travel cross-checks compare against. */
export interface LotSighting {
  eventId: string;
  eventTime: string;
  location: EventLocation;
  enterpriseId: string;
}

/**
 * What custody, holds, lineage and the cross-checks read and change on an item the ledger traces: a
 * cold-chain lot today, a drug batch or an aggregation parent (a case with an SSCC) next. Each domain's
 * item carries these fields under these names, so the supply-chain core moves it without knowing the
 * rest. Quantities balance:
 * `initialQuantity = quantityOnHand + (shipment?.quantity ?? 0) + quantitySold + quantityLost + quantityToChildren`.
 */
export interface TracedItem {
  id: string;
  unit: QuantityUnit;
  /** The day it was made (a case: packed); nothing happens to it earlier. */
  productionDate: string;
  /** The enterprise answerable for it: its creator, or whoever merged or transformed it. */
  ownerId: string;
  custodianId: string;
  /** When the custodian's custody began (its accepted receipt, or the derivation that made the item); absent: since production. */
  custodySince?: string;
  status: LotStatus;
  initialQuantity: number;
  quantityOnHand: number;
  quantitySold: number;
  quantityLost: number;
  quantityToChildren: number;
  shipment?: PendingShipment;
  releasedForSale?: { eventId: string; eventTime: string; by: string };
  hold?: LotHold;
  /** The last hold lifted, and why; the item key's history keeps earlier ones. */
  liftedHold?: LotHold & { liftedBy: string; liftedAt: string; liftReason: string };
  lastSighting?: LotSighting;
  /** Items this one was split, merged or transformed from. */
  parents: string[];
  assurance: AssuranceLabel;
  /** Custody events recorded so far; orders the item's custody log. */
  eventCount: number;
  /**
   * A short digest of the id of each of the item's custody events (`custodyEventDigest`), so that a
   * replayed event id is refused without a ledger key per event.
   */
  eventIdDigests: string[];
  updatedAt: string;
  updatedTxId: string;
}

/** A traced item that is a lot or batch of one trade item (GS1 AIs 01 + 10): serialised units and brand checks need its GTIN. */
export interface TracedLot extends TracedItem {
  gtin: string;
  lotNumber: string;
}

/** One state of a traced item's history, as the history database gives it. */
export interface LotVersionRecord<Item extends TracedItem = TracedItem> {
  txId: string;
  timestamp: string;
  lot: Item;
}
