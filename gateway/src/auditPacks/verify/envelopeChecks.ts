import { common, ledger, peer } from '@hyperledger/fabric-protos';
import type { ChannelConfig } from './channelConfig';
import { chainReason, signatureHolds, signerOf, type SignerIdentity } from './certificates';
import { channelPolicyHolds } from './endorsementPolicy';

/** One key a transaction wrote, in its chaincode's namespace. */
export interface KeyWrite {
  namespace: string;
  key: string;
  isDelete: boolean;
  value: Buffer;
}

/** What an endorser transaction says, once read, and every reason it cannot be trusted. */
export interface CheckedEnvelope {
  txId: string;
  channel: string;
  /** The chaincode the transaction invoked. */
  chaincode?: string;
  writes: KeyWrite[];
  reasons: string[];
}

function writesOf(results: Uint8Array): KeyWrite[] {
  const writes: KeyWrite[] = [];
  for (const ns of ledger.rwset.TxReadWriteSet.deserializeBinary(results).getNsRwsetList()) {
    for (const write of ledger.rwset.kvrwset.KVRWSet.deserializeBinary(ns.getRwset_asU8()).getWritesList()) {
      writes.push({ namespace: ns.getNamespace(), key: write.getKey(), isDelete: write.getIsDelete(), value: Buffer.from(write.getValue_asU8()) });
    }
  }
  return writes;
}

/** A signer whose certificate chains to its organisation, or the reason it does not (parse errors included). */
function trustedSigner(serialized: Uint8Array, config: ChannelConfig): { signer?: SignerIdentity; reason?: string } {
  try {
    const signer = signerOf(serialized);
    const reason = chainReason(signer, config);
    return reason ? { reason } : { signer };
  } catch (error) {
    return { reason: `a certificate cannot be read: ${(error as Error).message}` };
  }
}

/**
 * Checks an endorser transaction's envelope: the client's signature over the payload, each
 * endorsement's signature over the proposal response payload and endorser, every certificate against
 * its organisation's root CA, and the endorsements against `policy` (the chaincode definition's).
 * Reasons are prefixed with `item` (the pack entry), so a failure names where it is.
 */
export function checkEnvelope(item: string, envelopeBytes: Uint8Array, config: ChannelConfig, policy: common.Policy | undefined): CheckedEnvelope {
  const checked: CheckedEnvelope = { txId: '', channel: '', writes: [], reasons: [] };
  const fail = (reason: string): CheckedEnvelope => {
    checked.reasons.push(`${item}: ${reason}`);
    return checked;
  };
  try {
    const envelope = common.Envelope.deserializeBinary(envelopeBytes);
    const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
    const channelHeader = common.ChannelHeader.deserializeBinary(payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array());
    const signatureHeader = common.SignatureHeader.deserializeBinary(payload.getHeader()?.getSignatureHeader_asU8() ?? new Uint8Array());
    checked.txId = channelHeader.getTxId();
    checked.channel = channelHeader.getChannelId();
    if (channelHeader.getType() !== common.HeaderType.ENDORSER_TRANSACTION) return fail('not an endorser transaction');

    const creator = trustedSigner(signatureHeader.getCreator_asU8(), config);
    if (creator.reason) fail(`submitter: ${creator.reason}`);
    else if (creator.signer && !signatureHolds(creator.signer.certificate, envelope.getPayload_asU8(), envelope.getSignature_asU8())) fail(`the submitter's signature does not hold`);

    const [action] = peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList();
    if (!action) return fail('the transaction holds no action');
    const endorsed = peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction();
    if (!endorsed) return fail('the transaction holds no endorsed action');
    const responsePayload = endorsed.getProposalResponsePayload_asU8();
    const chaincodeAction = peer.ChaincodeAction.deserializeBinary(peer.ProposalResponsePayload.deserializeBinary(responsePayload).getExtension_asU8());
    checked.chaincode = chaincodeAction.getChaincodeId()?.getName();
    checked.writes = writesOf(chaincodeAction.getResults_asU8());

    const endorsers: SignerIdentity[] = [];
    endorsed.getEndorsementsList().forEach((endorsement, index) => {
      const endorser = trustedSigner(endorsement.getEndorser_asU8(), config);
      if (endorser.reason) {
        fail(`endorsement ${index}: ${endorser.reason}`);
      } else if (endorser.signer) {
        const signed = Buffer.concat([Buffer.from(responsePayload), Buffer.from(endorsement.getEndorser_asU8())]);
        if (signatureHolds(endorser.signer.certificate, signed, endorsement.getSignature_asU8())) endorsers.push(endorser.signer);
        else fail(`endorsement ${index}: the signature of ${endorser.signer.mspId} does not hold`);
      }
    });
    if (policy && !channelPolicyHolds(policy, endorsers, config)) {
      fail(`the endorsements that hold (${endorsers.map((e) => e.mspId).join(', ') || 'none'}) do not satisfy the chaincode's endorsement policy`);
    }
  } catch (error) {
    fail(`cannot be read: ${(error as Error).message}`);
  }
  return checked;
}
