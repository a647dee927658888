import type { Gateway } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { readBlock, type BlockTransaction } from './blockReader';

/** The channel's block height as the peer reports it (system chaincode qscc). */
export async function ledgerHeight(gateway: Gateway, channel: string): Promise<number> {
  const qscc = gateway.getNetwork(channel).getContract('qscc');
  const bytes = await qscc.evaluateTransaction('GetChainInfo', channel);
  return common.BlockchainInfo.deserializeBinary(bytes).getHeight();
}

/**
 * A transaction as committed, found by its id (qscc GetBlockByTxID), or undefined when no block holds
 * it yet. Used to learn the outcome of a write whose commit status was never received.
 */
export async function findCommittedTransaction(gateway: Gateway, channel: string, txId: string): Promise<BlockTransaction | undefined> {
  const qscc = gateway.getNetwork(channel).getContract('qscc');
  let bytes: Uint8Array;
  try {
    bytes = await qscc.evaluateTransaction('GetBlockByTxID', channel, txId);
  } catch (error) {
    if (error instanceof Error && /not found|no such transaction|Failed to get block/i.test(JSON.stringify((error as { details?: unknown }).details ?? '') + error.message)) {
      return undefined;
    }
    throw error;
  }
  return readBlock(common.Block.deserializeBinary(bytes)).find((tx) => tx.txId === txId);
}
