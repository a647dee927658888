import type { Connection } from 'mongoose';
import type { Recall, RecallHolder } from '../../../../model/src';
import type { CounterDocument } from '../counterDocuments';
import type { LedgerSource } from '../ledgerModel';
import { shapedModel } from '../ledgerModel';
import type { ListPage } from '../pagedList';

/** A recall as projected: the record with its state kept current, and every holder entry. */
export interface StoredRecall {
  _id: string;
  recall: Recall;
  holders: RecallHolder[];
  source: LedgerSource;
}

/** Per enterprise, the recall answers it owed and gave late or not by the deadline: its credit grade reads them. */
export interface RecallEnterpriseCounters extends CounterDocument {
  lateAnswers: number;
}

/** Recalls, the paged lists regulators page through, and per day the recalls whose acknowledgement deadline falls on it. */
export function recallModels(connection: Connection) {
  return {
    /** `_id` = recall id. Replaced per event: a recall changes a few times per holder, not per custody event. */
    recalls: shapedModel<StoredRecall>(connection, 'LedgerRecall', 'recalls'),
    /** Paged lists of recall ids: `all`, and `state:<state>` appended when a recall enters the state (readers drop those that left it). */
    recallLists: shapedModel<ListPage<string>>(connection, 'LedgerRecallList', 'recall_lists'),
    /** `_id` = the UTC day of an acknowledgement deadline: the recalls the overdue check looks at from then on. */
    recallDeadlines: shapedModel<{ _id: string; recallIds: string[]; source: LedgerSource }>(connection, 'LedgerRecallDeadline', 'recall_deadlines'),
    /** `_id` = enterprise id. */
    recallEnterpriseCounters: shapedModel<RecallEnterpriseCounters>(connection, 'LedgerRecallEnterpriseCounter', 'recall_enterprise_counters'),
  };
}

export type RecallModels = ReturnType<typeof recallModels>;

export const recallListIds = {
  all: 'all',
  state: (state: string): string => `state:${state}`,
} as const;

/** Items per page of a recall list. */
export const RECALL_LIST_PAGE_ITEMS = 50;
