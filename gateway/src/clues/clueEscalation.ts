import type { Logger } from 'pino';
import { clueStateOf, type ClueReference, type RiskClue } from '../../../model/src';
import { ledgerRefusalOf } from '../fabric';
import type { ClueModels } from '../projection/clues';
import { readPagedList } from '../projection/pagedList';

/** Deadline days the sweep looks back over: a gateway down longer than this escalates older clues at their next deadline. */
export const ESCALATION_SWEEP_DAYS = 60;

/**
 * Asks the ledger to escalate every clue whose deadline has passed and that is not closed. The
 * gateway only decides when: the chaincode compares the deadline with the transaction's time and
 * moves the clue up a unit, so the platform cannot escalate a clue early. Reads only `_id`s: the
 * deadline-day lists of the projection, then each listed clue.
 */
export class ClueEscalation {
  constructor(
    private readonly models: Pick<ClueModels, 'riskClues' | 'riskClueDeadlines'>,
    private readonly escalate: (clue: ClueReference) => Promise<void>,
    private readonly log: Logger,
  ) {}

  async sweep(now = Date.now()): Promise<number> {
    const today = new Date(now).toISOString().slice(0, 10);
    const ids = new Set<string>();
    for (let back = 0; back <= ESCALATION_SWEEP_DAYS; back++) {
      const day = new Date(Date.parse(today) - back * 86_400_000).toISOString().slice(0, 10);
      const head = await readPagedList(this.models.riskClueDeadlines, day);
      for (let page = 0; head && page < head.pages; page++) {
        const list = page === head.page ? head : await readPagedList(this.models.riskClueDeadlines, day, page);
        for (const id of list?.items ?? []) ids.add(id);
      }
    }
    let escalated = 0;
    for (const id of ids) {
      const clue = (await this.models.riskClues.findById(id).lean())?.record as unknown as RiskClue | undefined;
      if (!clue || clueStateOf(clue) === 'closed' || clue.deadline === undefined || Date.parse(clue.deadline) >= now) continue;
      try {
        await this.escalate({ subjectId: clue.subjectId, clueId: clue.clueId });
        escalated++;
      } catch (error) {
        if (ledgerRefusalOf(error)?.kind === 'CONFLICT') continue;
        this.log.warn({ err: error, clue: id }, 'escalating a clue failed; retrying at the next sweep');
      }
    }
    return escalated;
  }
}
