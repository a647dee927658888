import {
  conflict,
  CustodyEventInputSchema,
  eventTimeMillis,
  forbidden,
  invalid,
  LedgerError,
  parseOrThrow,
  type CustodyEventInput,
  type CustodyRecord,
  type TracedItem,
} from '../../../model/src';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { checkReceivedQuantity, checkSighting } from './crossChecks';
import { requireCustodian, requireInStock, requireMovable, requireNotHeld } from './lotRules';
import type { SupplyChainSession } from './supplyChainSession';

type Event<A extends CustodyEventInput['action']> = Extract<CustodyEventInput, { action: A }>;

/**
 * What a domain requires before its items may be released for sale (the cold chain: entry documents),
 * on top of what custody requires of any item (its custodian releases it, not held, in stock, once).
 */
export interface ReleaseRule<Item extends TracedItem> {
  /** Why the item may not be released yet, or undefined. */
  refusal(item: Item): string | undefined;
  /** The domain's cross-checks of a release just recorded. */
  afterRelease(session: SupplyChainSession<Item>, item: Item): Promise<void>;
}

/**
 * Applies one custody event for the session's actor: checks it, changes the lot, appends it to the
 * lot's custody log and runs the cross-checks. Single writes and batches both come through here, so a
 * batched event is held to exactly the same rules.
 */
export async function applyCustodyEvent<Item extends TracedItem>(session: SupplyChainSession<Item>, event: CustodyEventInput, release: ReleaseRule<Item>): Promise<void> {
  requireEventTimeNotAhead(session.ctx, event.eventTime);
  const lot = await session.lot(event.lotId);
  switch (event.action) {
    case 'ship':
      await ship(session, lot, event);
      break;
    case 'receive':
      await receive(session, lot, event);
      break;
    case 'store':
      requireCustodian(lot, session.actorId, 'store');
      requireInStock(lot, 'stored');
      break;
    case 'releaseForSale':
      await releaseForSale(session, lot, event, release);
      break;
    case 'sell':
      sell(session, lot, event);
      break;
  }
  const { assurance, ...fields } = event;
  await session.appendCustody(lot, { ...fields, enterpriseId: session.actorId, assurance });
  await checkSighting(session, lot, { eventId: event.eventId, eventTime: event.eventTime, location: event.location, enterpriseId: session.actorId });
  session.putLot(lot);
}

async function ship(session: SupplyChainSession, lot: TracedItem, event: Event<'ship'>): Promise<void> {
  requireMovable(lot, session.actorId, 'ship', 'shipped');
  if (event.to === session.actorId) {
    throw invalid(`lot ${lot.id} cannot be shipped by ${event.to} to itself`);
  }
  const receiver = await session.enterprise(event.to);
  if (!receiver) {
    throw invalid(`receiver ${event.to} is not a registered enterprise`);
  }
  if (receiver.status !== 'active') {
    throw conflict(`receiver ${event.to} is ${receiver.status} and may not take custody`);
  }
  if (event.quantity !== lot.quantityOnHand) {
    throw invalid(`a shipment moves the whole lot: lot ${lot.id} has ${lot.quantityOnHand} ${lot.unit} on hand, not ${event.quantity}; split it to ship part`);
  }
  lot.shipment = { eventId: event.eventId, from: session.actorId, to: event.to, quantity: event.quantity, eventTime: event.eventTime, txId: session.txId };
  lot.quantityOnHand = 0;
  lot.status = 'inTransit';
}

async function receive(session: SupplyChainSession, lot: TracedItem, event: Event<'receive'>): Promise<void> {
  const shipment = lot.shipment;
  if (lot.status !== 'inTransit' || !shipment) {
    throw conflict(`lot ${lot.id} is not in transit, so there is nothing to receive`);
  }
  if (shipment.to !== session.actorId) {
    throw forbidden(`lot ${lot.id} was shipped to ${shipment.to}; enterprise ${session.actorId} may not receive it`);
  }
  lot.shipment = undefined;
  lot.status = 'inStock';
  if (event.decision === 'refuse') {
    // The shipper keeps custody of what came back.
    lot.quantityOnHand = shipment.quantity;
    return;
  }
  // The schema guarantees a positive quantity on an acceptance.
  const received = event.quantity as number;
  if (received > shipment.quantity) {
    throw invalid(`cannot receive ${received} ${lot.unit} of lot ${lot.id}: only ${shipment.quantity} ${lot.unit} were shipped`);
  }
  lot.custodianId = session.actorId;
  // Custody changes hands at the receipt, as dated by the receiver, yet never before the shipment left:
  // the receiver may not claim the shipper's time for its own.
  lot.custodySince = eventTimeMillis(event.eventTime) >= eventTimeMillis(shipment.eventTime) ? event.eventTime : shipment.eventTime;
  lot.quantityOnHand = received;
  lot.quantityLost += shipment.quantity - received;
  // The ledger's log shows the shipment confirmed when read (see readCustodyLog); the read store gets
  // the confirmed record from this transaction's event.
  const shipRecord = shipment.txId === undefined ? undefined : await session.custodyRecord(shipment.txId, lot.id, shipment.eventId);
  if (shipRecord) {
    session.reportCustodyRecord(confirmedShipment(shipRecord, event.eventId));
  }
  await checkReceivedQuantity(session, lot, shipment, { eventId: event.eventId, quantity: received });
}

/** A shipment record as its acceptance confirms it. */
export function confirmedShipment(shipRecord: CustodyRecord, receiptEventId: string): CustodyRecord {
  return { ...shipRecord, assurance: 'partnerConfirmed', confirmedByEventId: receiptEventId };
}

async function releaseForSale<Item extends TracedItem>(session: SupplyChainSession<Item>, lot: Item, event: Event<'releaseForSale'>, release: ReleaseRule<Item>): Promise<void> {
  requireMovable(lot, session.actorId, 'release', 'released for sale');
  if (lot.releasedForSale) {
    throw conflict(`lot ${lot.id} was already released for sale by ${lot.releasedForSale.by} at ${lot.releasedForSale.eventTime}`);
  }
  const refusal = release.refusal(lot);
  if (refusal !== undefined) {
    throw conflict(refusal);
  }
  lot.releasedForSale = { eventId: event.eventId, eventTime: event.eventTime, by: session.actorId };
  await release.afterRelease(session, lot);
}

function sell(session: SupplyChainSession, lot: TracedItem, event: Event<'sell'>): void {
  requireCustodian(lot, session.actorId, 'sell');
  requireNotHeld(lot, 'sold');
  requireInStock(lot, 'sold');
  if (!lot.releasedForSale) {
    throw conflict(`lot ${lot.id} has not been released for sale`);
  }
  if (event.quantity > lot.quantityOnHand) {
    throw invalid(`cannot sell ${event.quantity} ${lot.unit} of lot ${lot.id}: ${lot.quantityOnHand} ${lot.unit} on hand`);
  }
  lot.quantityOnHand -= event.quantity;
  lot.quantitySold += event.quantity;
  if (lot.quantityOnHand === 0) {
    lot.status = 'depleted';
  }
}

/**
 * Applies a batch in order, all or none: the first refused event refuses the whole transaction, with
 * its position and id in front of the reason.
 */
export async function applyCustodyBatch<Item extends TracedItem>(session: SupplyChainSession<Item>, rawEvents: readonly unknown[], release: ReleaseRule<Item>): Promise<number> {
  for (const [index, raw] of rawEvents.entries()) {
    const eventId = typeof raw === 'object' && raw !== null && 'eventId' in raw ? String(raw.eventId) : '?';
    try {
      await applyCustodyEvent(session, parseOrThrow(CustodyEventInputSchema, raw), release);
    } catch (error) {
      if (error instanceof LedgerError) {
        throw new LedgerError(error.kind, `events[${index}] (${eventId}): ${error.message.slice(error.kind.length + 2)}`);
      }
      throw error;
    }
  }
  return rawEvents.length;
}
