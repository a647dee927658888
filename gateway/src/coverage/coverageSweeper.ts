import { Schema, type Connection, type Model } from 'mongoose';
import type { Logger } from 'pino';
import { COVERAGE_CHECK_GRACE_MS, eventTimeMillis, type ColdChainLedgerUpdate } from '../../../model/src';
import { ledgerRefusalOf } from '../fabric';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/** The lots one transaction's custody events touched; checked once the grace time after `dueAt` has passed. */
export interface PendingCoverageCheck {
  /** The transaction that changed custody: a replayed block writes the same document again. */
  _id: string;
  lotIds?: string[];
  dueAt: Date;
}

export function pendingCoverageCheckModel(connection: Connection): Model<PendingCoverageCheck> {
  const schema = new Schema<PendingCoverageCheck>(
    { _id: String, lotIds: [String], dueAt: { type: Date, required: true } },
    { collection: `${PRIMARY_COLLECTION_PREFIX}coverage_checks`, versionKey: false },
  );
  return connection.models.PendingCoverageCheck ?? connection.model<PendingCoverageCheck>('PendingCoverageCheck', schema);
}

/** Slack after the chaincode's grace time, so that the check never runs a moment too early. */
const MARGIN_MS = 60_000;

/**
 * Asks the ledger to check temperature coverage of every lot whose custody changed, once the ledger's
 * grace time for late logger uploads has passed. The gateway only decides *when*; the chaincode
 * finds the gaps from ledger facts and raises the alerts, so the platform cannot invent one.
 *
 * Pending checks are primary data — one document per custody transaction, not per lot, so that the
 * projector pays one write per transaction — removed once checked; a restart loses none, a projection
 * rebuild schedules them again, and checking a lot twice changes nothing.
 */
export class CoverageSweeper {
  constructor(
    private readonly pending: Model<PendingCoverageCheck>,
    private readonly check: (lotId: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** Called by the cold-chain projection for each projected update that recorded custody. */
  async schedule(update: ColdChainLedgerUpdate, txId: string): Promise<void> {
    if (update.custodyEvents.length === 0) return;
    const lotIds = [...new Set(update.custodyEvents.map((event) => event.lotId))];
    const latestMs = Math.max(...update.custodyEvents.map((event) => eventTimeMillis(event.eventTime)));
    await this.pending.replaceOne({ _id: txId }, { _id: txId, lotIds, dueAt: new Date(latestMs + COVERAGE_CHECK_GRACE_MS + MARGIN_MS) }, { upsert: true });
  }

  /**
   * Checks every lot that is due, each once per sweep; an entry with a failed check stays for the next
   * sweep. Run by the check scheduler (domains/), which never runs two sweeps at once.
   */
  async sweep(now = Date.now()): Promise<number> {
    const checked = new Set<string>();
    const due = (await this.pending.find({}).lean()).filter((entry) => entry.dueAt.getTime() <= now);
    for (const entry of due) {
      let complete = true;
      // Entries from before checks were kept per transaction name one lot by their id.
      const lotIds = entry.lotIds ?? [entry._id];
      for (const lotId of lotIds.filter((id) => !checked.has(id))) {
        try {
          await this.check(lotId);
          checked.add(lotId);
        } catch (error) {
          if (ledgerRefusalOf(error)?.kind === 'NOT_FOUND') continue;
          complete = false;
          this.log.warn({ err: error, lotId }, 'temperature coverage check failed; retrying at the next sweep');
        }
      }
      if (complete) await this.pending.deleteOne({ _id: entry._id });
    }
    return checked.size;
  }
}
