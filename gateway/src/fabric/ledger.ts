import type * as grpc from '@grpc/grpc-js';
import { connect, hash, type Gateway, type Proposal } from '@hyperledger/fabric-gateway';
import crypto from 'node:crypto';
import { connectPeer, DEFAULT_DEADLINES, openGateway, type ClientIdentityFiles, type PeerEndpoint } from './connection';
import type { ClientIdentity } from './identity';

/** What a committed write returns to the client: the chaincode's answer and where it is on the ledger. */
export interface CommittedTransaction<T> {
  result: T;
  txId: string;
  blockNumber: number;
}

/** A write whose commit failed validation (e.g. an MVCC read conflict); the outcome is known: nothing was written. */
export class CommitRejectedError extends Error {
  constructor(
    readonly txId: string,
    readonly validationCode: number,
  ) {
    super(`transaction ${txId} was not committed: validation code ${validationCode}`);
    this.name = 'CommitRejectedError';
  }
}

/**
 * The gateway's access to the ledger: one gRPC connection per peer org, reused by every request, and
 * one Fabric gateway per client identity (cached), so that each enterprise submits with its own
 * identity through its own org's peer.
 */
export class Ledger {
  readonly #clients = new Map<string, grpc.Client>();
  readonly #gateways = new Map<string, Gateway>();

  constructor(
    private readonly peers: Record<string, PeerEndpoint>,
    readonly channel: string,
    readonly chaincode: string,
  ) {}

  #clientFor(mspId: string): grpc.Client {
    let client = this.#clients.get(mspId);
    if (!client) {
      const endpoint = this.peers[mspId];
      if (!endpoint) {
        throw new Error(`no peer is configured for ${mspId}`);
      }
      client = connectPeer(endpoint);
      this.#clients.set(mspId, client);
    }
    return client;
  }

  /** The shared gRPC connection to the configured peer of an org, for calls fabric-gateway does not make (signed peer answers). */
  peerConnection(mspId: string): grpc.Client {
    return this.#clientFor(mspId);
  }

  /** The MSP ids of the orgs a peer is configured for. */
  get peerOrganisations(): string[] {
    return Object.keys(this.peers);
  }

  gatewayFor(identity: ClientIdentity): Gateway {
    const key = `${identity.mspId}/${identity.enrollmentId}`;
    let gateway = this.#gateways.get(key);
    if (!gateway) {
      const files: ClientIdentityFiles = identity;
      gateway = openGateway(this.#clientFor(identity.mspId), files, undefined, identity.privateKeyPem);
      this.#gateways.set(key, gateway);
    }
    return gateway;
  }

  /**
   * A gateway for a non-custodial identity: it knows only the certificate and has no signer, so it
   * can build proposals and forward what the enterprise signed, never sign anything itself.
   */
  offlineGatewayFor(mspId: string, certificatePem: string): Gateway {
    const key = `offline/${mspId}/${crypto.createHash('sha256').update(certificatePem).digest('hex')}`;
    let gateway = this.#gateways.get(key);
    if (!gateway) {
      gateway = connect({
        client: this.#clientFor(mspId),
        identity: { mspId, credentials: Buffer.from(certificatePem) },
        hash: hash.sha256,
        endorseOptions: () => ({ deadline: Date.now() + DEFAULT_DEADLINES.endorseMs }),
        submitOptions: () => ({ deadline: Date.now() + DEFAULT_DEADLINES.submitMs }),
        commitStatusOptions: () => ({ deadline: Date.now() + DEFAULT_DEADLINES.commitStatusMs }),
      });
      this.#gateways.set(key, gateway);
    }
    return gateway;
  }

  /** Drops the cached gateway of an identity (after its key or certificate changed). */
  forget(identity: { mspId: string; enrollmentId: string }): void {
    const key = `${identity.mspId}/${identity.enrollmentId}`;
    this.#gateways.get(key)?.close();
    this.#gateways.delete(key);
  }

  #contract(identity: ClientIdentity) {
    return this.gatewayFor(identity).getNetwork(this.channel).getContract(this.chaincode);
  }

  /** Evaluates a read on one peer of the identity's org; nothing goes to the orderer. */
  async evaluate<T>(identity: ClientIdentity, fn: string, ...args: string[]): Promise<T> {
    const bytes = await this.#contract(identity).evaluateTransaction(fn, ...args);
    return decodeJson<T>(bytes);
  }

  /** Endorses, submits and waits for the commit of `fn(args)`; answers only when the transaction is valid in a block. */
  submit<T>(identity: ClientIdentity, fn: string, args: string[]): Promise<CommittedTransaction<T>> {
    return this.submitPrepared<T>(this.prepare(identity, fn, args));
  }

  /**
   * Submits a proposal prepared earlier (see {@link prepare}), whose transaction id was known before
   * anything was sent: what makes a retry after an unknown outcome safe.
   */
  async submitPrepared<T>(proposal: Proposal): Promise<CommittedTransaction<T>> {
    const transaction = await proposal.endorse();
    const commit = await transaction.submit();
    const status = await commit.getStatus();
    if (!status.successful) {
      throw new CommitRejectedError(status.transactionId, status.code);
    }
    return { result: decodeJson<T>(transaction.getResult()), txId: status.transactionId, blockNumber: Number(status.blockNumber) };
  }

  prepare(identity: ClientIdentity, fn: string, args: string[]): Proposal {
    return this.#contract(identity).newProposal(fn, { arguments: args });
  }

  /** A proposal stored as bytes, rebuilt to be sent again by the identity that prepared it. */
  preparedAgain(identity: ClientIdentity, proposalBytes: Uint8Array): Proposal {
    return this.gatewayFor(identity).newProposal(proposalBytes);
  }

  close(): void {
    for (const gateway of this.#gateways.values()) gateway.close();
    for (const client of this.#clients.values()) client.close();
    this.#gateways.clear();
    this.#clients.clear();
  }
}

function decodeJson<T>(bytes: Uint8Array): T {
  const text = Buffer.from(bytes).toString('utf8');
  return (text.length > 0 ? JSON.parse(text) : undefined) as T;
}
