import { common, ledger as ledgerProtos, peer } from '@hyperledger/fabric-protos';

/** A transaction found in its block: where, its envelope, and what it wrote in the chaincode's namespace. */
export interface LocatedTransaction {
  txId: string;
  blockNumber: number;
  index: number;
  envelope: Uint8Array;
  writes: { key: string; isDelete: boolean; value: Buffer }[];
}

/** Finds a transaction in the block qscc GetBlockByTxID answered, with its writes; undefined when the block does not hold it. */
export function locateTransaction(block: common.Block, txId: string, chaincode: string): LocatedTransaction | undefined {
  const blockNumber = block.getHeader()?.getNumber() ?? 0;
  const envelopes = block.getData()?.getDataList_asU8() ?? [];
  for (let index = 0; index < envelopes.length; index++) {
    const payload = common.Payload.deserializeBinary(common.Envelope.deserializeBinary(envelopes[index]).getPayload_asU8());
    const channelHeader = common.ChannelHeader.deserializeBinary(payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array());
    if (channelHeader.getTxId() !== txId) continue;
    const [action] = peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList();
    const endorsed = action ? peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction() : undefined;
    const results = endorsed
      ? peer.ChaincodeAction.deserializeBinary(peer.ProposalResponsePayload.deserializeBinary(endorsed.getProposalResponsePayload_asU8()).getExtension_asU8()).getResults_asU8()
      : new Uint8Array();
    const writes = ledgerProtos.rwset.TxReadWriteSet.deserializeBinary(results)
      .getNsRwsetList()
      .filter((ns) => ns.getNamespace() === chaincode)
      .flatMap((ns) => ledgerProtos.rwset.kvrwset.KVRWSet.deserializeBinary(ns.getRwset_asU8()).getWritesList())
      .map((write) => ({ key: write.getKey(), isDelete: write.getIsDelete(), value: Buffer.from(write.getValue_asU8()) }));
    return { txId, blockNumber, index, envelope: envelopes[index], writes };
  }
  return undefined;
}
