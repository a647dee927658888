import type { Gateway } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';

/** The channel's block height as the peer reports it (system chaincode qscc). */
export async function ledgerHeight(gateway: Gateway, channel: string): Promise<number> {
  const qscc = gateway.getNetwork(channel).getContract('qscc');
  const bytes = await qscc.evaluateTransaction('GetChainInfo', channel);
  return common.BlockchainInfo.deserializeBinary(bytes).getHeight();
}
