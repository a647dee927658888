import { common, peer } from '@hyperledger/fabric-protos';

/** One endorser transaction of a block, with its chaincode event and response as committed. */
export interface BlockTransaction {
  blockNumber: number;
  /** Position of the transaction in its block. */
  index: number;
  txId: string;
  /** TxValidationCode: 0 = VALID; anything else wrote nothing. */
  validationCode: number;
  chaincodeId?: string;
  /** The chaincode's response payload (what the submitting client was told). */
  response?: Uint8Array;
  event?: { name: string; payload: Uint8Array };
}

/**
 * Reads the endorser transactions of a block: tx id, validation code, and from the (single) chaincode
 * action its response and chaincode event. Config transactions and other types are skipped; the
 * projection and idempotent retries both read committed facts this way.
 */
export function readBlock(block: common.Block): BlockTransaction[] {
  const blockNumber = Number(block.getHeader()?.getNumber() ?? 0);
  const metadata = block.getMetadata()?.getMetadataList_asU8() ?? [];
  const validationCodes = metadata[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ?? new Uint8Array();
  const transactions: BlockTransaction[] = [];
  block
    .getData()
    ?.getDataList_asU8()
    .forEach((envelopeBytes, index) => {
      const envelope = common.Envelope.deserializeBinary(envelopeBytes);
      const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
      const channelHeader = common.ChannelHeader.deserializeBinary(payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array());
      if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) {
        return;
      }
      const entry: BlockTransaction = { blockNumber, index, txId: channelHeader.getTxId(), validationCode: validationCodes[index] ?? 255 };
      const [action] = peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList();
      if (action) {
        const actionPayload = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8());
        const responsePayload = peer.ProposalResponsePayload.deserializeBinary(actionPayload.getAction()?.getProposalResponsePayload_asU8() ?? new Uint8Array());
        const chaincodeAction = peer.ChaincodeAction.deserializeBinary(responsePayload.getExtension_asU8());
        entry.chaincodeId = chaincodeAction.getChaincodeId()?.getName();
        entry.response = chaincodeAction.getResponse()?.getPayload_asU8();
        const eventBytes = chaincodeAction.getEvents_asU8();
        if (eventBytes.length > 0) {
          const event = peer.ChaincodeEvent.deserializeBinary(eventBytes);
          entry.event = { name: event.getEventName(), payload: event.getPayload_asU8() };
        }
      }
      transactions.push(entry);
    });
  return transactions;
}

export const VALID = 0;
