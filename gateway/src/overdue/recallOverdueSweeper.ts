import type { Logger } from 'pino';
import { overdueHolders } from '../../../model/src';
import type { ScheduledCheck } from '../domains';
import { ledgerRefusalOf } from '../fabric';
import type { RecallModels } from '../projection/recalls';

/** How many days back the sweep looks for acknowledgement deadlines that passed. */
export const RECALL_SWEEP_DAYS = 30;

/** Seconds between recall sweeps: deadlines are hours, so a few minutes is prompt enough. */
export const RECALL_SWEEP_SECONDS = 300;

const DAY_MS = 86_400_000;

/**
 * Asks the ledger to mark the holders of every recall whose acknowledgement deadline passed while
 * they stayed silent. The gateway only decides *when*: the chaincode judges the deadline by the
 * transaction's time, so the platform cannot make a holder overdue early. Reads only `_id`s: the
 * per-day deadline lists of the projection, then each listed recall. Recalls belong to no one domain.
 */
export class RecallOverdueSweeper {
  constructor(
    private readonly models: Pick<RecallModels, 'recallDeadlines' | 'recalls'>,
    private readonly markOverdue: (recallId: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  async sweep(now = Date.now()): Promise<number> {
    const days = Array.from({ length: RECALL_SWEEP_DAYS + 1 }, (_, i) => new Date(now - i * DAY_MS).toISOString().slice(0, 10));
    const listed = new Set<string>();
    for (const day of days) {
      for (const recallId of (await this.models.recallDeadlines.findById(day).lean())?.recallIds ?? []) listed.add(recallId);
    }
    let marked = 0;
    for (const recallId of listed) {
      const doc = await this.models.recalls.findById(recallId).lean();
      if (!doc || doc.recall.state !== 'open' || overdueHolders(doc.recall, doc.holders, new Date(now).toISOString()).length === 0) continue;
      try {
        await this.markOverdue(recallId);
        marked++;
      } catch (error) {
        // Another gateway (or the projection's lag) got there first, or the clocks differ by a moment.
        if (ledgerRefusalOf(error)?.kind === 'CONFLICT') continue;
        this.log.warn({ err: error, recallId }, 'recall overdue check failed; retrying at the next sweep');
      }
    }
    return marked;
  }

  /** The sweep as the scheduler runs it. */
  check(everySeconds = RECALL_SWEEP_SECONDS): ScheduledCheck {
    return { name: 'recall acknowledgement deadlines', everySeconds, run: (now) => this.sweep(now) };
  }
}
