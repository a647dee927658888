import crypto from 'node:crypto';
import { common, peer } from '@hyperledger/fabric-protos';
import type { ChannelConfig } from './channelConfig';
import { chainReason, organisationalUnits, signatureHolds, signerOf } from './certificates';

/** A peer's signed answer to a query, once checked: which organisation's peer signed what. */
export interface CheckedAnswer {
  mspId?: string;
  /** The query's answer as the peer signed it (inside the signed proposal response payload). */
  answer?: Uint8Array;
  reasons: string[];
}

/**
 * The hash a peer puts in its response to bind it to the proposal: SHA-256 over the channel header,
 * the signature header and the proposal payload without transient data (Fabric's endorser does the same).
 */
export function proposalHash(proposal: peer.Proposal): Buffer {
  const header = common.Header.deserializeBinary(proposal.getHeader_asU8());
  const payload = peer.ChaincodeProposalPayload.deserializeBinary(proposal.getPayload_asU8());
  const withoutTransient = new peer.ChaincodeProposalPayload();
  withoutTransient.setInput(payload.getInput_asU8());
  return crypto
    .createHash('sha256')
    .update(header.getChannelHeader_asU8())
    .update(header.getSignatureHeader_asU8())
    .update(withoutTransient.serializeBinary())
    .digest();
}

/** The chaincode and arguments a proposal asks for. */
export function proposalCall(proposal: peer.Proposal): { channel: string; chaincode?: string; args: Buffer[] } {
  const header = common.Header.deserializeBinary(proposal.getHeader_asU8());
  const channel = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8()).getChannelId();
  const spec = peer.ChaincodeInvocationSpec.deserializeBinary(peer.ChaincodeProposalPayload.deserializeBinary(proposal.getPayload_asU8()).getInput_asU8()).getChaincodeSpec();
  return { channel, chaincode: spec?.getChaincodeId()?.getName(), args: (spec?.getInput()?.getArgsList_asU8() ?? []).map((arg) => Buffer.from(arg)) };
}

/**
 * Checks a peer's signed answer (a ProposalResponse) to a query it was sent (the SignedProposal): a
 * peer of an organisation of the channel signed it, it answers exactly that proposal, and the proposal
 * asked `chaincode` for `args` on `channel`. Reasons name `item`.
 */
export function checkSignedAnswer(
  item: string,
  responseBytes: Uint8Array,
  signedProposalBytes: Uint8Array,
  config: ChannelConfig,
  expected: { channel: string; chaincode: string; args: Uint8Array[] },
): CheckedAnswer {
  const checked: CheckedAnswer = { reasons: [] };
  const fail = (reason: string): CheckedAnswer => {
    checked.reasons.push(`${item}: ${reason}`);
    return checked;
  };
  try {
    const response = peer.ProposalResponse.deserializeBinary(responseBytes);
    const endorsement = response.getEndorsement();
    if (!endorsement) return fail('the answer is not signed');
    const signer = signerOf(endorsement.getEndorser_asU8());
    checked.mspId = signer.mspId;
    const chain = chainReason(signer, config);
    if (chain) return fail(chain);
    if (!organisationalUnits(signer.certificate).includes(config.organisations.get(signer.mspId)?.peerOu ?? 'peer')) fail(`the signer of ${signer.mspId} is no peer`);
    const signed = Buffer.concat([Buffer.from(response.getPayload_asU8()), Buffer.from(endorsement.getEndorser_asU8())]);
    if (!signatureHolds(signer.certificate, signed, endorsement.getSignature_asU8())) return fail(`the signature of ${signer.mspId}'s peer does not hold`);

    const proposal = peer.Proposal.deserializeBinary(peer.SignedProposal.deserializeBinary(signedProposalBytes).getProposalBytes_asU8());
    const responsePayload = peer.ProposalResponsePayload.deserializeBinary(response.getPayload_asU8());
    if (!proposalHash(proposal).equals(Buffer.from(responsePayload.getProposalHash_asU8()))) return fail('the signed answer is not the answer to the proposal beside it');
    const call = proposalCall(proposal);
    const sameArgs = call.args.length === expected.args.length && call.args.every((arg, i) => arg.equals(Buffer.from(expected.args[i])));
    if (call.channel !== expected.channel || call.chaincode !== expected.chaincode || !sameArgs) {
      return fail(`the proposal asked ${call.chaincode ?? '?'} on ${call.channel} for [${call.args.map((a) => a.toString('utf8').slice(0, 64)).join(', ')}], not what this pack entry needs`);
    }
    const action = peer.ChaincodeAction.deserializeBinary(responsePayload.getExtension_asU8());
    const answer = action.getResponse();
    if (!answer || answer.getStatus() !== 200) return fail(`the peer answered status ${answer?.getStatus() ?? '?'}: ${answer?.getMessage() ?? ''}`);
    checked.answer = answer.getPayload_asU8();
  } catch (error) {
    fail(`cannot be read: ${(error as Error).message}`);
  }
  return checked;
}
