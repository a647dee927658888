import type { KeyWrite } from './envelopeChecks';

/** A transaction of a verified pack: where it is and what it wrote in the pack's chaincode namespace. */
export interface VerifiedTransaction {
  txId: string;
  blockNumber: number;
  index: number;
  writes: KeyWrite[];
}
