import type { Signer } from '@hyperledger/fabric-gateway';
import type { Connection } from 'mongoose';
import { identityFromFiles, type ClientIdentity, type Ledger } from '../fabric';
import type { ProjectionReads } from '../projection/projectionReads';
import { common, peer } from '@hyperledger/fabric-protos';
import { locateTransaction, type LocatedTransaction } from './locatedTransaction';
import { PackClaims, PackEntries, PACK_FORMAT, type AuditPackKind, type AuditPackMode, type PackManifest } from './packFormat';
import { subjectRecords } from './subjectRecords';
import { packSubjectOf } from './packSubjects';
import { blockHeaderHash, channelConfigOf, trustAnchorOf, type TrustAnchor } from './verify';
import { signedPeerQuery, type SignedPeerAnswer } from './signedPeerQuery';
import { zipOf } from './zipEntries';

export type PackBuilding = { ledger: Ledger; readerIdentity: ClientIdentity; projection: ProjectionReads; store: Connection };

/** A built pack: the ZIP and what it holds. */
export interface BuiltPack {
  zip: Buffer;
  manifest: PackManifest;
}

/**
 * Builds audit packs from the ledger: the subject's transactions (found from the records' own
 * transaction ids and the projection's sources), located with qscc on the gateway's peer, the
 * chaincode definition and, per mode, whole blocks with the header chain to the newest block, or each
 * transaction with peers' signed answers that it is valid. See `packFormat.ts` for the layout.
 */
export class AuditPackBuilder {
  #signer?: Signer;
  #genesis?: Uint8Array;

  constructor(private readonly services: PackBuilding) {}

  /** The reader's signer, made at first use (the app is built before, and in tests without, key files). */
  #sign(): Signer {
    this.#signer ??= identityFromFiles(this.services.readerIdentity, this.services.readerIdentity.privateKeyPem).signer;
    return this.#signer;
  }

  #qscc() {
    return this.services.ledger.gatewayFor(this.services.readerIdentity).getNetwork(this.services.ledger.channel).getContract('qscc');
  }

  async #blockByNumber(n: number): Promise<Uint8Array> {
    return this.#qscc().evaluateTransaction('GetBlockByNumber', this.services.ledger.channel, String(n));
  }

  /** Signed answers of one peer per configured org (the pack needs two; every org that answers is kept). */
  async #signedByEveryOrg(chaincode: string, args: (string | Uint8Array)[]): Promise<SignedPeerAnswer[]> {
    const { ledger, readerIdentity } = this.services;
    const reader = ledger.gatewayFor(readerIdentity);
    const answers = await Promise.allSettled(
      ledger.peerOrganisations.map((mspId) => signedPeerQuery(ledger.peerConnection(mspId), reader, this.#sign(), { mspId, channel: ledger.channel, chaincode, args })),
    );
    return answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
  }

  async #genesisBlock(): Promise<Uint8Array> {
    this.#genesis ??= await this.#blockByNumber(0);
    return this.#genesis;
  }

  /** The trust anchor of this channel: its genesis block's hash and every organisation's root CA fingerprints. */
  async trustAnchor(): Promise<TrustAnchor> {
    const genesis = common.Block.deserializeBinary(await this.#genesisBlock());
    const header = genesis.getHeader();
    if (!header) throw new Error('the genesis block has no header');
    return trustAnchorOf(channelConfigOf(genesis), blockHeaderHash(header).toString('hex'));
  }

  /** The pack of a subject, or undefined when the ledger knows no such subject. */
  async build(kind: AuditPackKind, id: string, mode: AuditPackMode): Promise<BuiltPack | undefined> {
    const { ledger } = this.services;
    const subject = await packSubjectOf(this.services, kind, id);
    if (!subject) return undefined;
    const entries = new Map<string, Uint8Array>();
    const blocks = new Map<number, Uint8Array>();
    const transactions: LocatedTransaction[] = [];
    await Promise.all(
      [...subject.txIds].map(async (txId) => {
        const bytes = await this.#qscc().evaluateTransaction('GetBlockByTxID', ledger.channel, txId);
        const block = common.Block.deserializeBinary(bytes);
        const located = locateTransaction(block, txId, ledger.chaincode);
        const flags = block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ?? new Uint8Array();
        // An invalid transaction wrote nothing: it is no evidence of any record.
        if (!located || flags[located.index] !== 0) return;
        transactions.push(located);
        blocks.set(located.blockNumber, bytes);
      }),
    );
    transactions.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
    const height = common.BlockchainInfo.deserializeBinary(await this.#qscc().evaluateTransaction('GetChainInfo', ledger.channel)).getHeight();
    const newestBlock = height - 1;

    entries.set(PackEntries.genesisBlock, await this.#genesisBlock());
    const definitionArgs = new peer.lifecycle.QueryChaincodeDefinitionArgs();
    definitionArgs.setName(ledger.chaincode);
    const definitions = await this.#signedByEveryOrg('_lifecycle', ['QueryChaincodeDefinition', definitionArgs.serializeBinary()]);
    for (const answer of definitions) {
      entries.set(PackEntries.definitionAnswer(answer.mspId), answer.response);
      entries.set(PackEntries.definitionProposal(answer.mspId), answer.proposal);
    }

    if (mode === 'full') {
      if (!blocks.has(newestBlock)) blocks.set(newestBlock, await this.#blockByNumber(newestBlock));
      for (const [n, bytes] of blocks) entries.set(PackEntries.block(n), bytes);
      const oldest = Math.min(...blocks.keys());
      const between = [];
      for (let n = oldest + 1; n < newestBlock; n++) if (!blocks.has(n)) between.push(n);
      // Headers only: the blocks in between hold others' transactions and are needed for their hashes alone.
      for (let i = 0; i < between.length; i += 32) {
        await Promise.all(
          between.slice(i, i + 32).map(async (n) => {
            const header = common.Block.deserializeBinary(await this.#blockByNumber(n)).getHeader();
            if (header) entries.set(PackEntries.header(n), header.serializeBinary());
          }),
        );
      }
    } else {
      await Promise.all(
        transactions.map(async (tx) => {
          entries.set(PackEntries.envelope(tx.txId), tx.envelope);
          for (const answer of await this.#signedByEveryOrg('qscc', ['GetTransactionByID', ledger.channel, tx.txId])) {
            entries.set(PackEntries.validityAnswer(tx.txId, answer.mspId), answer.response);
            entries.set(PackEntries.validityProposal(tx.txId, answer.mspId), answer.proposal);
          }
        }),
      );
    }

    entries.set(PackEntries.records, Buffer.from(JSON.stringify(subjectRecords(transactions, subject.keyAttributes), null, 1)));
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      mode,
      kind,
      id,
      channel: ledger.channel,
      chaincode: ledger.chaincode,
      builtAt: new Date().toISOString(),
      newestBlock,
      transactions: transactions.map(({ txId, blockNumber, index }) => ({ txId, blockNumber, index })),
      attestingOrganisations: definitions.map((answer) => answer.mspId).sort(),
      ...PackClaims[mode],
    };
    entries.set(PackEntries.manifest, Buffer.from(JSON.stringify(manifest, null, 2)));
    return { zip: await zipOf(entries), manifest };
  }
}
