import { conflict, eventTimeMillis, forbidden, invalid, type TracedItem } from '../../../model/src';

/**
 * The preconditions custody, derivation and logger actions share, each with a refusal that names the
 * lot and what stands in the way.
 */

/** Only the enterprise holding the lot may act on it. */
export function requireCustodian(lot: TracedItem, enterpriseId: string, action: string): void {
  if (lot.custodianId !== enterpriseId) {
    throw forbidden(`enterprise ${enterpriseId} is not the custodian of lot ${lot.id} (the custodian is ${lot.custodianId}); only the custodian may ${action} it`);
  }
}

/** The lot sits with its custodian and has something left. */
export function requireInStock(lot: TracedItem, action: string): void {
  if (lot.status === 'inTransit') {
    throw conflict(`lot ${lot.id} is in transit to ${lot.shipment?.to ?? '?'} and cannot be ${action} before it is received`);
  }
  if (lot.status === 'depleted') {
    throw conflict(`lot ${lot.id} has no quantity left and cannot be ${action}`);
  }
}

/** A recalled or quarantined lot does not move, nor does a lot made from one: the refusal names the lot to lift it at. */
export function requireNotHeld(lot: TracedItem, action: string): void {
  const { hold } = lot;
  if (hold?.inheritedFrom) {
    throw conflict(`lot ${lot.id} is ${hold.state} (${hold.reason}) with lot ${hold.inheritedFrom} it was made from, and cannot be ${action} until the hold is lifted at lot ${hold.inheritedFrom}`);
  }
  if (hold) {
    throw conflict(`lot ${lot.id} is ${hold.state} (${hold.reason}) and cannot be ${action}`);
  }
}

/** All three, in the order a reader would check them. */
export function requireMovable(lot: TracedItem, enterpriseId: string, verb: string, participle: string): void {
  requireCustodian(lot, enterpriseId, verb);
  requireNotHeld(lot, participle);
  requireInStock(lot, participle);
}

/**
 * Nothing happens to goods before they were made. A production date is a calendar day at an unknown
 * place: its earliest instant anywhere is 00:00 at UTC+14, so only times before that are refused.
 * Recording late stays allowed (event times may lie long before the transaction).
 */
export function requireNotBeforeProduction(lot: TracedItem, eventTime: string, field: string): void {
  const earliest = Date.parse(`${lot.productionDate}T00:00:00+14:00`);
  if (eventTimeMillis(eventTime) < earliest) {
    throw invalid(`${field} ${eventTime} lies before lot ${lot.id} was produced (${lot.productionDate}); use the time it really happened`);
  }
}

/**
 * A custodian speaks for a lot only while it holds it: a time before its custody began (its accepted
 * receipt, or the derivation that made the lot) lies in someone else's custody, and evidence dated
 * there would borrow or blame theirs. A lot never received has been with its creator since
 * production, which {@link requireNotBeforeProduction} already bounds.
 */
export function requireInOwnCustody(lot: TracedItem, eventTime: string, action: string): void {
  if (lot.custodySince !== undefined && eventTimeMillis(eventTime) < eventTimeMillis(lot.custodySince)) {
    throw forbidden(`enterprise ${lot.custodianId} holds lot ${lot.id} since ${lot.custodySince}; it may not ${action} at ${eventTime}, in an earlier custody`);
  }
}
