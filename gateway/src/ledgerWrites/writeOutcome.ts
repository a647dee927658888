import type { LedgerRefusal } from '../fabric';

/** What a committed write tells its client: the chaincode's answer and where it is on the ledger. */
export interface CommittedWrite {
  result: unknown;
  txId: string;
  blockNumber: number;
}

/**
 * The final outcome of a write made once per Idempotency-Key, as remembered for replays: committed,
 * refused by chaincode, or ordered but invalidated at commit (a retry learned it from the ledger).
 */
export type WriteOutcome =
  | { kind: 'committed'; committed: CommittedWrite }
  | { kind: 'refused'; refusal: LedgerRefusal }
  | { kind: 'invalidated'; txId: string; validationCode: number };

/** An outcome and whether it was remembered from an earlier attempt rather than reached by this one. */
export interface WriteResult {
  outcome: WriteOutcome;
  replayed: boolean;
}
