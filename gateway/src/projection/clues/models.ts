import type { Connection } from 'mongoose';
import { ledgerModel, shapedModel } from '../ledgerModel';
import type { ListPage } from '../pagedList';

/** Risk clues, and per subject the paged list of its clues. */
export function clueModels(connection: Connection) {
  return {
    /** `_id` = `<subjectId>|<clueId>` (see riskClueDocumentId): clue ids are unique per subject only. */
    riskClues: ledgerModel(connection, 'LedgerRiskClue', 'risk_clues'),
    /** Paged lists of the clues' own ids (as on the ledger and in the API), head `_id` = subject id. */
    riskClueSubjects: shapedModel<ListPage<string>>(connection, 'LedgerRiskClueSubject', 'risk_clue_subjects'),
  };
}

export type ClueModels = ReturnType<typeof clueModels>;
