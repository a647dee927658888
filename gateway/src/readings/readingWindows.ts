/**
 * How readings become anchor windows.
 *
 * Readings are grouped per logger into fixed one-hour UTC slots ([hh:00, hh+1:00)). The readings of one
 * slot that arrive in one upload form one window: its leaves are ordered by time, then by reading id
 * (code-unit order of printable ASCII, the same in every language and store), and it is anchored
 * under `windowStart` = its first reading's time (UTC), `windowEnd` = its last reading's time + 1 ms.
 *
 * Why the first reading's time and not the slot start: chaincode keys anchors by
 * [loggerId, windowStart] and refuses a different root for a key once anchored, so an anchored window
 * is closed for good. Readings of the same hour that arrive later (a logger back in range of its
 * gateway, a resent buffer) form a further window of that hour, keyed by their own first reading;
 * since a logger never has two readings at the same instant, the keys do not collide.
 */

export const WINDOW_SLOT_MS = 3_600_000;

export interface WindowReading {
  readingId: string;
  /** Milliseconds since the epoch of the reading's time. */
  timeMs: number;
}

export interface ReadingWindow<R extends WindowReading> {
  /** Start of the one-hour UTC slot the window lies in. */
  slotStart: string;
  windowStart: string;
  windowEnd: string;
  /** In leaf order. */
  readings: R[];
}

/** Leaf order: time, then reading id by code units (never locale-dependent). */
export function compareLeafOrder(a: WindowReading, b: WindowReading): number {
  if (a.timeMs !== b.timeMs) {
    return a.timeMs - b.timeMs;
  }
  return a.readingId < b.readingId ? -1 : a.readingId > b.readingId ? 1 : 0;
}

export function slotStartOf(timeMs: number): number {
  return Math.floor(timeMs / WINDOW_SLOT_MS) * WINDOW_SLOT_MS;
}

/**
 * Splits one logger's not yet anchored readings into windows, oldest first.
 *
 * @example
 * groupIntoWindows(pending).map((w) => w.windowStart) // ['2026-11-29T08:00:05.000Z', '2026-11-29T09:00:00.000Z']
 */
export function groupIntoWindows<R extends WindowReading>(readings: readonly R[]): ReadingWindow<R>[] {
  const sorted = readings.slice().sort(compareLeafOrder);
  const windows: ReadingWindow<R>[] = [];
  let current: R[] = [];
  const close = (): void => {
    if (current.length > 0) {
      windows.push({
        slotStart: new Date(slotStartOf(current[0].timeMs)).toISOString(),
        windowStart: new Date(current[0].timeMs).toISOString(),
        windowEnd: new Date(current[current.length - 1].timeMs + 1).toISOString(),
        readings: current,
      });
    }
    current = [];
  };
  for (const reading of sorted) {
    if (current.length > 0 && slotStartOf(reading.timeMs) !== slotStartOf(current[0].timeMs)) {
      close();
    }
    current.push(reading);
  }
  close();
  return windows;
}
