import type * as grpc from '@grpc/grpc-js';
import type { Gateway, Signer } from '@hyperledger/fabric-gateway';
import { gateway as gatewayProtos, peer } from '@hyperledger/fabric-protos';

/** A peer's answer kept whole: the signed ProposalResponse and the SignedProposal it answers. */
export interface SignedPeerAnswer {
  mspId: string;
  response: Uint8Array;
  proposal: Uint8Array;
}

const PROCESS_PROPOSAL = '/protos.Endorser/ProcessProposal';
const QUERY_DEADLINE_MS = 15_000;

/**
 * Asks one peer a system-chaincode query through the Endorser service and keeps its signed answer.
 * fabric-gateway's evaluate returns only the result and drops the peer's signature, which is what an
 * audit pack needs: the proposal is built by fabric-gateway, signed here, and sent over the shared
 * connection to that peer.
 */
export async function signedPeerQuery(
  connection: grpc.Client,
  reader: Gateway,
  sign: Signer,
  target: { mspId: string; channel: string; chaincode: string; args: (string | Uint8Array)[] },
): Promise<SignedPeerAnswer> {
  const [fn, ...args] = target.args;
  const unsigned = reader.getNetwork(target.channel).getContract(target.chaincode).newProposal(typeof fn === 'string' ? fn : Buffer.from(fn).toString('utf8'), { arguments: args });
  const signed = reader.newSignedProposal(unsigned.getBytes(), await sign(unsigned.getDigest()));
  const signedProposal = gatewayProtos.ProposedTransaction.deserializeBinary(signed.getBytes()).getProposal();
  if (!signedProposal) throw new Error('fabric-gateway built no signed proposal');
  const response = await new Promise<peer.ProposalResponse>((resolve, reject) => {
    connection.makeUnaryRequest(
      PROCESS_PROPOSAL,
      (message: peer.SignedProposal) => Buffer.from(message.serializeBinary()),
      (bytes: Buffer) => peer.ProposalResponse.deserializeBinary(bytes),
      signedProposal,
      { deadline: Date.now() + QUERY_DEADLINE_MS },
      (error, value) => (error || !value ? reject(error ?? new Error('no answer')) : resolve(value)),
    );
  });
  const status = response.getResponse()?.getStatus() ?? 0;
  if (status !== 200) throw new Error(`peer of ${target.mspId} answered ${status}: ${response.getResponse()?.getMessage() ?? ''}`);
  return { mspId: target.mspId, response: response.serializeBinary(), proposal: signedProposal.serializeBinary() };
}
