import type { ScanEvent } from './scanEvents';

/** Clients that must independently place a code in a province before that sighting counts. */
export const MIN_CLIENTS_PER_REGION = 2;

/**
 * Whether one hour of scans of a serialised code looks like copies in circulation: at least two
 * provinces, each reported by {@link MIN_CLIENTS_PER_REGION} distinct clients. Provinces are the
 * server's reading of fixed-line client addresses (hints and mobile networks are claims and are not
 * here), and one client (or one network) alone can never get a genuine item flagged.
 * Returns the provinces with their client counts, or undefined.
 */
export function cloneSuspicion(scans: readonly Pick<ScanEvent, 'province' | 'client'>[]): Record<string, number> | undefined {
  const clientsByProvince = new Map<string, Set<string>>();
  for (const scan of scans) {
    if (!scan.province) continue;
    const clients = clientsByProvince.get(scan.province) ?? new Set<string>();
    clients.add(scan.client);
    clientsByProvince.set(scan.province, clients);
  }
  const supported = [...clientsByProvince].filter(([, clients]) => clients.size >= MIN_CLIENTS_PER_REGION);
  return supported.length >= 2 ? Object.fromEntries(supported.map(([province, clients]) => [province, clients.size])) : undefined;
}
