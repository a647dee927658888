/**
 * Progress lines for the long-running scripts: one line per step, prefixed with the elapsed time and
 * the part of the system it concerns, so a person watching `npm start` sees what is happening.
 */
const startedAt = Date.now();

export function step(area: string, message: string): void {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[${seconds}s] ${area.padEnd(9)} ${message}\n`);
}
