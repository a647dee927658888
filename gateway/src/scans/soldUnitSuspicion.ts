import { SOLD_UNIT_CLIENTS } from '../../../model/src';

/** Distinct clients kept per sold unit: enough to pass the threshold, bounded whatever the traffic. */
export const MAX_CLIENTS_KEPT = 20;

/**
 * The distinct client networks that scanned a sold unit, old ones first, with `scanned` added:
 * repeats by one client add nothing, and at most {@link MAX_CLIENTS_KEPT} are kept.
 */
export function mergeClients(kept: readonly string[], scanned: readonly string[]): string[] {
  return [...new Set([...kept, ...scanned])].slice(0, MAX_CLIENTS_KEPT);
}

/**
 * Whether the scans of a unit after its recorded sale look like copies in circulation: at least
 * {@link SOLD_UNIT_CLIENTS} distinct client networks. The buyer and their household are one or two;
 * one client scanning again and again never counts more than once. Returns the number of clients,
 * or undefined.
 */
export function soldUnitSuspicion(clients: readonly string[]): number | undefined {
  const distinct = new Set(clients).size;
  return distinct >= SOLD_UNIT_CLIENTS ? distinct : undefined;
}
