import {
  distanceKm,
  eventTimeMillis,
  isSamePlace,
  MAX_ROAD_SPEED_KMH,
  type LotSighting,
  type TracedItem,
} from '../../../model/src';
import type { SupplyChainSession } from './supplyChainSession';

/**
 * Automatic cross-checks. They never refuse a write — the fact is recorded as the writer stated it —
 * but raise a risk alert on the lot for a regulator to look into.
 */

const placeOf = (sighting: LotSighting): string =>
  sighting.location.gln ?? sighting.location.address ?? `${sighting.location.latitude},${sighting.location.longitude}`;

/**
 * Compares a new sighting of the lot with the last one: the lot at two different places at the same
 * time, or back in time (custody periods that overlap), or between two places faster than road
 * travel allows. Then keeps the later of the two as the lot's last sighting.
 */
export async function checkSighting(session: SupplyChainSession, lot: TracedItem, next: LotSighting): Promise<void> {
  const last = lot.lastSighting;
  if (last) {
    const elapsedMs = eventTimeMillis(next.eventTime) - eventTimeMillis(last.eventTime);
    const samePlace = isSamePlace(last.location, next.location);
    const evidence = {
      earlierEventId: last.eventId,
      earlierEventTime: last.eventTime,
      earlierPlace: placeOf(last),
      laterEventId: next.eventId,
      laterEventTime: next.eventTime,
      laterPlace: placeOf(next),
    };
    if (samePlace === false && elapsedMs <= 0) {
      await session.raiseAlert({
        lotId: lot.id,
        alertId: `twoPlacesAtOnce:${next.eventId}`,
        kind: 'twoPlacesAtOnce',
        detail: `lot ${lot.id} is recorded at ${placeOf(next)} at ${next.eventTime} by ${next.enterpriseId}, not after it was at ${placeOf(last)} at ${last.eventTime} by ${last.enterpriseId}`,
        evidence,
      });
    } else if (samePlace === false) {
      const km = distanceKm(last.location, next.location);
      const kmh = km === undefined ? undefined : km / (elapsedMs / 3_600_000);
      if (km !== undefined && kmh !== undefined && kmh > MAX_ROAD_SPEED_KMH) {
        await session.raiseAlert({
          lotId: lot.id,
          alertId: `impossibleTravel:${next.eventId}`,
          kind: 'impossibleTravel',
          detail: `lot ${lot.id} moved ${Math.round(km)} km from ${placeOf(last)} to ${placeOf(next)} in ${Math.round(elapsedMs / 60_000)} min (${Math.round(kmh)} km/h, more than ${MAX_ROAD_SPEED_KMH} km/h by road)`,
          evidence: { ...evidence, km: Math.round(km), kmh: Math.round(kmh) },
        });
      }
    }
    if (elapsedMs < 0) {
      return;
    }
  }
  lot.lastSighting = next;
}

/** A receipt that counts less than was shipped. */
export async function checkReceivedQuantity(
  session: SupplyChainSession,
  lot: TracedItem,
  shipment: { eventId: string; quantity: number },
  receipt: { eventId: string; quantity: number },
): Promise<void> {
  if (receipt.quantity !== shipment.quantity) {
    await session.raiseAlert({
      lotId: lot.id,
      alertId: `quantityMismatch:${receipt.eventId}`,
      kind: 'quantityMismatch',
      detail: `lot ${lot.id}: received ${receipt.quantity} ${lot.unit} but ${shipment.quantity} ${lot.unit} were shipped`,
      evidence: { shipEventId: shipment.eventId, shipped: shipment.quantity, receiveEventId: receipt.eventId, received: receipt.quantity },
    });
  }
}
