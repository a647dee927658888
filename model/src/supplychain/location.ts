import { z } from 'zod';
import { isGln13, wrongCheckDigit } from '../gs1';
import { explained } from '../validation';

/**
 * Where an event happened: a GLN-13, or a street address with its 6-digit administrative region code,
 * optionally with WGS 84 coordinates (which the travel cross-check needs).
 */
export const EventLocationSchema = z
  .strictObject({
    gln: z.string().refine(isGln13, explained('must be a 13-digit GLN with a valid check digit', (gln) => wrongCheckDigit('GLN', gln))).optional(),
    address: z.string().min(1).max(300).optional(),
    region: z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code').optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .refine((l) => l.gln !== undefined || (l.address !== undefined && l.region !== undefined), 'needs a gln, or an address with a region code')
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), 'latitude and longitude go together');

export type EventLocation = z.infer<typeof EventLocationSchema>;

const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in km, or undefined when either place lacks coordinates. V8's Math.sin/cos
 * are a port of fdlibm and give the same bits on every platform, so endorsers agree on the result.
 */
export function distanceKm(a: EventLocation, b: EventLocation): number | undefined {
  if (a.latitude === undefined || a.longitude === undefined || b.latitude === undefined || b.longitude === undefined) {
    return undefined;
  }
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Places closer than this are the same site (two docks of one cold store). */
const SAME_SITE_KM = 1;

/**
 * Whether two locations are the same place, judged by the best key both carry; undefined when they
 * share none (a GLN against a bare address), so no cross-check fires on incomparable places.
 */
export function isSamePlace(a: EventLocation, b: EventLocation): boolean | undefined {
  if (a.gln !== undefined && b.gln !== undefined) {
    return a.gln === b.gln;
  }
  const km = distanceKm(a, b);
  if (km !== undefined) {
    return km < SAME_SITE_KM;
  }
  if (a.address !== undefined && b.address !== undefined) {
    return a.address === b.address && a.region === b.region;
  }
  return undefined;
}
