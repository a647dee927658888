import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, type Gateway, type Identity, type Signer } from '@hyperledger/fabric-gateway';
import crypto from 'node:crypto';
import fs from 'node:fs';

/** Where a peer's gateway service listens and how to trust its TLS certificate. */
export interface PeerEndpoint {
  /** `host:port` */
  address: string;
  /** PEM of the CA that issued the peer's TLS certificate. */
  tlsRootCert: Buffer;
  /** The name the peer's TLS certificate is checked against, when not the host of `address`. */
  tlsServerName?: string;
}

/** A Fabric client identity held as files: certificate and private key (PEM). */
export interface ClientIdentityFiles {
  mspId: string;
  certificate: string;
  privateKey: string;
}

/**
 * One gRPC connection per peer, shared by every gateway built on it: connections are expensive and
 * HTTP/2 multiplexes concurrent calls.
 */
export function connectPeer(endpoint: PeerEndpoint): grpc.Client {
  const credentials = grpc.credentials.createSsl(endpoint.tlsRootCert);
  return new grpc.Client(endpoint.address, credentials, {
    'grpc.max_receive_message_length': 100 * 1024 * 1024,
    'grpc.max_send_message_length': 100 * 1024 * 1024,
    'grpc.keepalive_time_ms': 120_000,
    // TLS server names may not be IPs: a peer reached at 127.0.0.1 is checked as the name its certificate gives.
    ...(endpoint.tlsServerName ? { 'grpc.ssl_target_name_override': endpoint.tlsServerName } : {}),
  });
}

export function identityFromFiles(files: ClientIdentityFiles, privateKeyPem?: string): { identity: Identity; signer: Signer } {
  const credentials = fs.readFileSync(files.certificate);
  const privateKey = crypto.createPrivateKey(privateKeyPem ?? fs.readFileSync(files.privateKey));
  return { identity: { mspId: files.mspId, credentials }, signer: signers.newPrivateKeySigner(privateKey) };
}

/**
 * Deadlines per call kind. Commit waits long: under load a block can take many seconds to commit.
 * Endorsement waits just past the peers' 90 s chaincode and endorsement timeouts (network/src/nodes.ts),
 * which large batches need, so the peer's own answer arrives first.
 */
export const DEFAULT_DEADLINES = {
  evaluateMs: 15_000,
  endorseMs: 95_000,
  submitMs: 15_000,
  commitStatusMs: 120_000,
};

/**
 * A gateway acting as one client identity over a shared peer connection. The caller closes the
 * gateway; the connection outlives it.
 */
export function openGateway(client: grpc.Client, files: ClientIdentityFiles, deadlines = DEFAULT_DEADLINES, privateKeyPem?: string): Gateway {
  const { identity, signer } = identityFromFiles(files, privateKeyPem);
  return connect({
    client,
    identity,
    signer,
    hash: hash.sha256,
    evaluateOptions: () => ({ deadline: Date.now() + deadlines.evaluateMs }),
    endorseOptions: () => ({ deadline: Date.now() + deadlines.endorseMs }),
    submitOptions: () => ({ deadline: Date.now() + deadlines.submitMs }),
    commitStatusOptions: () => ({ deadline: Date.now() + deadlines.commitStatusMs }),
  });
}
