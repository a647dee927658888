/**
 * Risk alerts the ledger raises on its own. Each has a deterministic id within its lot, so raising it
 * again (a retried anchor, the same episode seen in the next window) changes nothing.
 */

/** The alerts of the cross-checks every supply chain runs; a domain adds its own kinds (e.g. `ColdChainAlertKinds`). */
export const SupplyChainAlertKinds = ['quantityMismatch', 'twoPlacesAtOnce', 'impossibleTravel', 'unitSoldTwice'] as const;
export type SupplyChainAlertKind = (typeof SupplyChainAlertKinds)[number];

/** Road travel faster than this between two sightings is implausible. */
export const MAX_ROAD_SPEED_KMH = 120;

export interface RiskAlert<Kind extends string = string> {
  lotId: string;
  /** `<kind>:<what makes it unique>`, e.g. `excursion:2026-11-29T01:00:00.000Z`. */
  alertId: string;
  kind: Kind;
  detail: string;
  /** `acknowledged` once the enterprise it concerns has said it looked into it; the alert itself stays. */
  status: 'open' | 'acknowledged';
  raisedAt: string;
  /** The transaction that raised the alert. */
  txId: string;
  /** Facts behind the alert (event ids, quantities, times), for whoever investigates. */
  evidence: Record<string, string | number>;
  /** Acknowledged alerts: the enterprise that acknowledged, when (transaction time), its comment and the transaction. */
  ackBy?: string;
  ackAt?: string;
  comment?: string;
  ackTxId?: string;
}
