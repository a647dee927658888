import { Schema, type Connection, type Model } from 'mongoose';
import type { Logger } from 'pino';
import { COVERAGE_CHECK_GRACE_MS, eventTimeMillis, type ColdChainLedgerUpdate } from '../../../model/src';
import { ledgerRefusalOf } from '../fabric';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/** A lot whose custody changed; its coverage is checked once the grace time after `dueAt` has passed. */
export interface PendingCoverageCheck {
  _id: string;
  dueAt: Date;
}

export function pendingCoverageCheckModel(connection: Connection): Model<PendingCoverageCheck> {
  const schema = new Schema<PendingCoverageCheck>({ _id: String, dueAt: { type: Date, required: true } }, { collection: `${PRIMARY_COLLECTION_PREFIX}coverage_checks`, versionKey: false });
  return connection.models.PendingCoverageCheck ?? connection.model<PendingCoverageCheck>('PendingCoverageCheck', schema);
}

/** Slack after the chaincode's grace time, so that the check never runs a moment too early. */
const MARGIN_MS = 60_000;

/**
 * Asks the ledger to check temperature coverage of every lot whose custody changed, once the ledger's
 * grace time for late logger uploads has passed. The gateway only decides *when*; the chaincode
 * finds the gaps from ledger facts and raises the alerts, so the platform cannot invent one.
 *
 * Pending checks are primary data (one small document per lot, removed once checked), so a restart
 * loses none; a projection rebuild schedules them again, and checking twice changes nothing.
 */
export class CoverageSweeper {
  readonly #timer: NodeJS.Timeout;
  #sweeping = false;

  constructor(
    private readonly pending: Model<PendingCoverageCheck>,
    private readonly check: (lotId: string) => Promise<void>,
    private readonly log: Logger,
    sweepSeconds: number,
  ) {
    this.#timer = setInterval(() => void this.sweep(), sweepSeconds * 1000);
    this.#timer.unref();
  }

  /** Called by the projector for each cold-chain update it projected. */
  async schedule(update: ColdChainLedgerUpdate): Promise<void> {
    const latest = new Map<string, number>();
    for (const event of update.custodyEvents) {
      latest.set(event.lotId, Math.max(latest.get(event.lotId) ?? 0, eventTimeMillis(event.eventTime)));
    }
    for (const [lotId, eventMs] of latest) {
      await this.pending.replaceOne({ _id: lotId }, { _id: lotId, dueAt: new Date(eventMs + COVERAGE_CHECK_GRACE_MS + MARGIN_MS) }, { upsert: true });
    }
  }

  /** Checks every lot that is due; a failed check stays pending for the next sweep. */
  async sweep(now = Date.now()): Promise<number> {
    if (this.#sweeping) return 0;
    this.#sweeping = true;
    let checked = 0;
    try {
      const due = (await this.pending.find({}).lean()).filter((entry) => entry.dueAt.getTime() <= now);
      for (const entry of due) {
        try {
          await this.check(entry._id);
        } catch (error) {
          if (ledgerRefusalOf(error)?.kind !== 'NOT_FOUND') {
            this.log.warn({ err: error, lotId: entry._id }, 'temperature coverage check failed; retrying at the next sweep');
            continue;
          }
        }
        // Only if no later custody event moved the due time meanwhile.
        await this.pending.deleteOne({ _id: entry._id, dueAt: entry.dueAt });
        checked++;
      }
    } finally {
      this.#sweeping = false;
    }
    return checked;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
