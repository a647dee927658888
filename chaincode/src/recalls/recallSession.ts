import type { Context } from 'fabric-contract-api';
import type { ColdChainLedgerUpdate, ColdChainLot, RecallLedgerUpdate } from '../../../model/src';
import { SupplyChainSession } from '../supplychain';

/** What a recall transaction reports: its recall and holder records, and the cold-chain lots its hold changed. */
export type RecallTransactionUpdate = ColdChainLedgerUpdate & RecallLedgerUpdate;

/** One recall transaction: the supply-chain session (so `setHold` reaches derived lots), reporting recall records beside the lots. */
export type RecallSession = SupplyChainSession<ColdChainLot, RecallTransactionUpdate>;

const emptyRecallUpdate = (): RecallTransactionUpdate => ({ lots: [], custodyEvents: [], alerts: [], lineage: [], loggers: [], attachments: [], anchors: [], recalls: [], recallHolders: [] });

export function openRecallSession(ctx: Context, actorId: string): RecallSession {
  return new SupplyChainSession(ctx, actorId, emptyRecallUpdate);
}
