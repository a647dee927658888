import { common, gateway, peer } from '@hyperledger/fabric-protos';

/** What the gateway checks of a proposal it relays for a non-custodial enterprise. */
export interface RelayedProposal {
  /** `contract:function` as the chaincode dispatches it. */
  fn: string;
  /** The client's header time, which the ordering service never checks. */
  timestamp: Date;
}

/**
 * Reads the function and header time of a proposal as fabric-gateway's offline flow serialises it
 * (a ProposedTransaction wrapping the SignedProposal). Throws on bytes that are no such proposal.
 */
export function readRelayedProposal(proposedTransaction: Uint8Array): RelayedProposal {
  const signed = gateway.ProposedTransaction.deserializeBinary(proposedTransaction).getProposal();
  if (!signed) throw new Error('no signed proposal');
  const proposal = peer.Proposal.deserializeBinary(signed.getProposalBytes_asU8());
  const header = common.Header.deserializeBinary(proposal.getHeader_asU8());
  const timestamp = common.ChannelHeader.deserializeBinary(header.getChannelHeader_asU8()).getTimestamp();
  if (!timestamp) throw new Error('no header timestamp');
  const payload = peer.ChaincodeProposalPayload.deserializeBinary(proposal.getPayload_asU8());
  const args = peer.ChaincodeInvocationSpec.deserializeBinary(payload.getInput_asU8()).getChaincodeSpec()?.getInput()?.getArgsList_asU8() ?? [];
  if (args.length === 0) throw new Error('no function name');
  return { fn: Buffer.from(args[0]).toString('utf8'), timestamp: new Date(timestamp.getSeconds() * 1000 + Math.floor(timestamp.getNanos() / 1e6)) };
}
