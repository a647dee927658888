import * as grpc from '@grpc/grpc-js';
import { connect, GatewayError, hash, signers, type Contract } from '@hyperledger/fabric-gateway';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CHAINCODE_NAME, CHANNEL_NAME } from '../../model/src';
import type { EnrolledIdentity } from './ca';
import { TLS_SERVER_NAME, type NetworkLayout, type PeerLayout } from './layout';

/**
 * Runs `action` with the traceledger contract as one client identity, connected to the peer of the
 * identity's own organisation (each org submits through its own peer gateway). The network's own
 * client, for set-up and admin steps (the gateway has its own): one connection per call, closed after.
 *
 * @example
 * await withContract(layout, admin, (contract) => contract.submitTransaction('registry:whoAmI'));
 */
export async function withContract<T>(
  layout: NetworkLayout,
  identity: EnrolledIdentity,
  action: (contract: Contract) => Promise<T>,
  peer: PeerLayout = layout.peers.find((p) => p.org.mspId === identity.mspId) ?? layout.peers[0],
): Promise<T> {
  const client = new grpc.Client(peer.address, grpc.credentials.createSsl(fs.readFileSync(path.join(peer.tlsDir, 'ca.crt'))), {
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
    'grpc.max_send_message_length': 100 * 1024 * 1024,
    'grpc.ssl_target_name_override': TLS_SERVER_NAME,
  });
  const gateway = connect({
    client,
    identity: { mspId: identity.mspId, credentials: fs.readFileSync(identity.certificate) },
    signer: signers.newPrivateKeySigner(crypto.createPrivateKey(fs.readFileSync(identity.privateKey))),
    hash: hash.sha256,
    // Endorsement waits just past the peers' 90 s chaincode timeout (nodes.ts), which benchmark batches need.
    evaluateOptions: () => ({ deadline: Date.now() + 15_000 }),
    endorseOptions: () => ({ deadline: Date.now() + 95_000 }),
    submitOptions: () => ({ deadline: Date.now() + 15_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 120_000 }),
  });
  try {
    return await action(gateway.getNetwork(CHANNEL_NAME).getContract(CHAINCODE_NAME));
  } catch (error) {
    throw withPeerReasons(error);
  } finally {
    gateway.close();
    client.close();
  }
}

/**
 * A gateway error keeps each peer's reason (timeout, chaincode error, unreachable) in `details`,
 * which neither its message nor a printed stack shows: a failed set-up step or test should say it.
 */
function withPeerReasons(error: unknown): unknown {
  if (error instanceof GatewayError && error.details.length > 0) {
    error.message += ` (${error.details.map((detail) => `${detail.mspId} ${detail.address}: ${detail.message}`).join('; ')})`;
  }
  return error;
}
