/**
 * Risk alerts the ledger raises on its own. Each has a deterministic id within its lot, so raising it
 * again (a retried anchor, the same episode seen in the next window) changes nothing.
 */
export const AlertKinds = ['excursion', 'quantityMismatch', 'documentAfterRelease', 'twoPlacesAtOnce', 'impossibleTravel', 'temperatureGap', 'unitSoldTwice'] as const;
export type AlertKind = (typeof AlertKinds)[number];

/** Road travel faster than this between two sightings is implausible. */
export const MAX_ROAD_SPEED_KMH = 120;

export interface RiskAlert {
  lotId: string;
  /** `<kind>:<what makes it unique>`, e.g. `excursion:2026-11-29T01:00:00.000Z`. */
  alertId: string;
  kind: AlertKind;
  detail: string;
  status: 'open';
  raisedAt: string;
  txId: string;
  /** Facts behind the alert (event ids, quantities, times), for whoever investigates. */
  evidence: Record<string, string | number>;
}
