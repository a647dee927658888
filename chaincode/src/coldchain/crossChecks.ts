import {
  distanceKm,
  eventTimeMillis,
  isSamePlace,
  MAX_ROAD_SPEED_KMH,
  type ColdChainLot,
  type EntryDocument,
  type LotSighting,
} from '../../../model/src';
import type { ColdChainSession } from './coldChainSession';

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
export async function checkSighting(session: ColdChainSession, lot: ColdChainLot, next: LotSighting): Promise<void> {
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

/** The local calendar date of an event time (its first ten characters carry the local date). */
const localDate = (eventTime: string): string => eventTime.slice(0, 10);

/** A document issued after the lot was released for sale cannot have been the basis of the release. */
export async function checkDocumentsAgainstRelease(session: ColdChainSession, lot: ColdChainLot, documents: readonly EntryDocument[]): Promise<void> {
  const release = lot.releasedForSale;
  if (!release) {
    return;
  }
  for (const document of documents) {
    if (document.issuedOn > localDate(release.eventTime)) {
      await session.raiseAlert({
        lotId: lot.id,
        alertId: `documentAfterRelease:${document.kind}:${document.number}`,
        kind: 'documentAfterRelease',
        detail: `${document.kind} ${document.number} of lot ${lot.id} is dated ${document.issuedOn}, after the lot was released for sale on ${localDate(release.eventTime)}`,
        evidence: { documentKind: document.kind, documentNumber: document.number, issuedOn: document.issuedOn, releaseEventId: release.eventId, releasedAt: release.eventTime },
      });
    }
  }
}

/** A receipt that counts less than was shipped. */
export async function checkReceivedQuantity(
  session: ColdChainSession,
  lot: ColdChainLot,
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
