import type { Logger } from 'pino';
import type { AlertReference, DomainHooks } from '../domains/domainHooks';
import { ledgerRefusalOf } from '../fabric';
import type { ProjectedEvent } from '../projection/domainProjection';
import type { ClueModels } from '../projection/clues';

/** Alerts the intake hands to the ledger per run: a backlog drains over a few runs, not one long one. */
export const CLUE_INTAKE_BATCH = 200;

/**
 * Makes every alert a domain raises a risk clue. The projector tells it of each alert as its block is
 * projected (before the checkpoint, so a crash replays what was not kept); the entry waits in
 * `clue_intake` until the ledger has the clue. The ledger reads the alert itself and refuses a second
 * clue for it, so a replay, a rewritten alert or two gateways asking at once raise one clue.
 */
export class ClueIntake {
  constructor(
    private readonly models: Pick<ClueModels, 'clueIntake'>,
    private readonly domains: readonly Pick<DomainHooks, 'alertsOf'>[],
    private readonly raise: (alert: AlertReference) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** The projector's listener: keeps each alert the event carries. */
  async hear({ name, record }: ProjectedEvent): Promise<void> {
    const alerts = this.domains.flatMap((domain) => domain.alertsOf(name, record));
    for (const alert of alerts) {
      const _id = `${alert.domain}|${alert.itemId}|${alert.alertId}`;
      await this.models.clueIntake.replaceOne({ _id }, { _id, ...alert }, { upsert: true });
    }
  }

  /** Asks the ledger for the clue of each waiting alert; answers how many it raised. */
  async drain(): Promise<number> {
    const waiting = await this.models.clueIntake.find({}).limit(CLUE_INTAKE_BATCH).lean();
    let raised = 0;
    for (const entry of waiting) {
      try {
        await this.raise({ domain: entry.domain as AlertReference['domain'], itemId: entry.itemId, alertId: entry.alertId });
        raised++;
      } catch (error) {
        const kind = ledgerRefusalOf(error)?.kind;
        // CONFLICT: the clue exists; NOT_FOUND: no such alert on the ledger (it never will be).
        if (kind !== 'CONFLICT' && kind !== 'NOT_FOUND') {
          this.log.warn({ err: error, alert: entry._id }, 'raising a clue for an alert failed; retrying at the next run');
          continue;
        }
      }
      await this.models.clueIntake.deleteOne({ _id: entry._id });
    }
    return raised;
  }
}
