import type { Connection } from 'mongoose';
import { ledgerModel, shapedModel, type LedgerSource } from '../ledgerModel';
import type { ListPage } from '../pagedList';

/** Clue counters of one region (and the regions below it) for clues raised in one month, or `all`; or of the clues concerning one enterprise. */
export interface ClueCounts {
  /** `<region>|<YYYY-MM>` (month of raising, Asia/Shanghai) or `<region>|all`, region `all` for every clue; `enterprise:<id>` (see enterpriseClueCountId). */
  _id: string;
  raised: number;
  /** Of those raised, consumer complaints. */
  complaints?: number;
  closed: number;
  /** Clues that missed a deadline (escalated at least once) and are not closed. */
  overdue: number;
  escalations: number;
  /** Clues now in each state. */
  states: Record<string, number>;
  /** Clues raised per kind (see clueKindOf): excursions, duplicate sales, overdue maintenance, failed samples, complaint categories, … */
  kinds?: Record<string, number>;
  highWater?: LedgerSource;
  source?: LedgerSource;
}

/** An alert a domain raised that has no clue on the ledger yet, as the intake found it. */
export interface ClueIntakeEntry {
  /** `<domain>|<itemId>|<alertId>`. */
  _id: string;
  domain: string;
  itemId: string;
  alertId: string;
}

/**
 * Risk clues; per subject the paged list of its clues; per region (with the regions above it, and
 * `all`) and state the paged lists of clue documents; the counters; per deadline day the clues due
 * then; and the intake of alerts awaiting their clue.
 */
export function clueModels(connection: Connection) {
  return {
    /** `_id` = `<subjectId>|<clueId>` (see riskClueDocumentId): clue ids are unique per subject only. */
    riskClues: ledgerModel(connection, 'LedgerRiskClue', 'risk_clues'),
    /** Paged lists of the clues' own ids (as on the ledger and in the API), head `_id` = subject id. */
    riskClueSubjects: shapedModel<ListPage<string>>(connection, 'LedgerRiskClueSubject', 'risk_clue_subjects'),
    /**
     * Paged lists of clue document ids, head `_id` = `<region>`, `<region>|<state>`, `<region>|kind:<kind>`, `<region>|overdue` or
     * `<region>|published` (cases whose penalty decision is to be published); an entry of a state list may be
     * stale (the clue moved on): readers check the clue.
     */
    riskClueRegions: shapedModel<ListPage<string>>(connection, 'LedgerRiskClueRegion', 'risk_clue_regions'),
    riskClueCounts: shapedModel<ClueCounts>(connection, 'LedgerRiskClueCount', 'risk_clue_counts'),
    /** Head `_id` = a deadline day (UTC `YYYY-MM-DD`): the clues due that day, for the escalation sweep. */
    riskClueDeadlines: shapedModel<ListPage<string>>(connection, 'LedgerRiskClueDeadline', 'risk_clue_deadlines'),
    clueIntake: shapedModel<ClueIntakeEntry>(connection, 'LedgerClueIntake', 'clue_intake'),
  };
}

export type ClueModels = ReturnType<typeof clueModels>;
