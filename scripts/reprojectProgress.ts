import { Presets, SingleBar } from 'cli-progress';
import type { Projector } from '../gateway/src/projection/projector';

const POLL_MS = 1000;

/**
 * Shows a rebuild's progress until every block below `height` is projected: blocks, transactions and
 * custody events per second, and the time left. Without a terminal (CI, logs) a line every 10 s.
 */
export async function reprojectProgress(projector: Projector, height: number): Promise<void> {
  const bar = new SingleBar(
    { format: 'reproject |{bar}| block {value}/{total} · {transactions} tx · {custody} custody events ({rate}/s) · eta {eta_formatted}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000, etaBuffer: 50 },
    Presets.shades_classic,
  );
  const started = Date.now();
  const figures = async (): Promise<{ transactions: number; custody: number; rate: string }> => {
    const { projected } = await projector.status();
    const custody = projected.domains.coldchain?.custodyEvents ?? 0;
    return { transactions: projected.transactions, custody, rate: (custody / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) };
  };
  bar.start(height, 0, await figures());
  while (projector.nextBlock < height) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!projector.running) {
      bar.stop();
      throw new Error(`the projector stopped at block ${projector.nextBlock} of ${height}: another process took the projector lease`);
    }
    bar.update(Math.min(projector.nextBlock, height), await figures());
  }
  bar.update(height, await figures());
  bar.stop();
}
