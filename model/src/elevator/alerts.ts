/**
 * Risk clues the elevator rules raise on a lift (as the cold chain raises alerts on a lot): each has
 * a deterministic id, so a sweep or a retried transaction raising it again changes nothing.
 */
export const ElevatorAlertKinds = [
  /** No half-monthly visit by its due date. */
  'maintenanceOverdue',
  /** A visit recorded after the due date it should have met. */
  'outsideInterval',
  /** A visit without proof of presence, or shorter than its items take. */
  'unprovenMaintenance',
  /** A rescuer arrived later than the region's limit after the 96333 call. */
  'lateRescueArrival',
  /** Faults past the region's count within its window. */
  'repeatedFaults',
  /** Accepted 30 days ago and still not registered. */
  'unregistered',
  /** An inspection failed. */
  'inspectionFailed',
  /** The lift's own monitoring reported passengers trapped: checked against the 96333 calls on record. */
  'iotEntrapment',
] as const;
export type ElevatorAlertKind = (typeof ElevatorAlertKinds)[number];

export interface ElevatorAlert {
  deviceCode: string;
  /** `<kind>:<what makes it unique>`, e.g. `maintenanceOverdue:2026-12-15`. */
  alertId: string;
  kind: ElevatorAlertKind;
  /** The enterprise it counts against: the firm for maintenance and rescues, the using unit for registration. */
  againstId: string;
  detail: string;
  status: 'open';
  raisedAt: string;
  txId: string;
  evidence: Record<string, string | number>;
}
