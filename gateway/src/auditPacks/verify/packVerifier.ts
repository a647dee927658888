import { common, peer } from '@hyperledger/fabric-protos';
import { PackEntries, PackManifestSchema, PackRecordsSchema, type PackManifest } from '../packFormat';
import { entriesOf } from '../zipEntries';
import { blockHeaderHash } from './blockHashes';
import { blockReasons, chainReasons } from './blockChecks';
import { channelConfigOf, type ChannelConfig } from './channelConfig';
import { definitionPolicy } from './endorsementPolicy';
import { checkEnvelope } from './envelopeChecks';
import { recordReasons } from './recordChecks';
import { checkSignedAnswer } from './signedAnswers';
import { configReasonsAgainst, type TrustAnchor } from './trustAnchor';
import type { VerifiedTransaction } from './verifiedTransaction';

/** The outcome of verifying a pack: OK when `reasons` is empty. */
export interface PackVerdict {
  ok: boolean;
  reasons: string[];
  manifest?: PackManifest;
  /** The pack's transactions in ledger order (those that failed a check too: reasons tell). */
  transactions: VerifiedTransaction[];
}

/** Peers of this many organisations must sign the chaincode definition and, in a party pack, each transaction's validity. */
export const MIN_ATTESTING_ORGANISATIONS = 2;

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** A JSON entry of the pack, or undefined when it is missing or no JSON (the schema then names the entry). */
function jsonEntry(entries: Map<string, Buffer>, name: string): unknown {
  try {
    return JSON.parse(entries.get(name)?.toString('utf8') ?? 'null');
  } catch {
    return undefined;
  }
}

/** The chaincode definition's endorsement policy, from peers' signed answers of at least two organisations that agree. */
function definitionOf(entries: Map<string, Buffer>, manifest: PackManifest, config: ChannelConfig, reasons: string[]): common.Policy | undefined {
  const args = new peer.lifecycle.QueryChaincodeDefinitionArgs();
  args.setName(manifest.chaincode);
  const expected = { channel: manifest.channel, chaincode: '_lifecycle', args: [utf8('QueryChaincodeDefinition'), args.serializeBinary()] };
  const answers = new Map<string, Buffer>();
  for (const name of entries.keys()) {
    const match = /^chaincode\/definition\.(.+)\.response$/.exec(name);
    if (!match) continue;
    const proposal = entries.get(PackEntries.definitionProposal(match[1]));
    if (!proposal) {
      reasons.push(`${PackEntries.definitionProposal(match[1])}: missing`);
      continue;
    }
    const checked = checkSignedAnswer(name, entries.get(name) as Buffer, proposal, config, expected);
    reasons.push(...checked.reasons);
    if (checked.reasons.length === 0 && checked.mspId && checked.answer) answers.set(checked.mspId, Buffer.from(checked.answer));
  }
  // Peers serialise the approvals map in no fixed order: compare what decides validation.
  const decisive = (answer: Buffer): string => {
    const definition = peer.lifecycle.QueryChaincodeDefinitionResult.deserializeBinary(answer);
    return JSON.stringify([definition.getSequence(), definition.getVersion(), definition.getEndorsementPlugin(), definition.getValidationPlugin(), definition.getValidationParameter_asB64()]);
  };
  const distinct = new Set([...answers.values()].map(decisive));
  if (answers.size < MIN_ATTESTING_ORGANISATIONS) reasons.push(`chaincode/: the chaincode definition is signed by peers of ${answers.size} organisation(s), at least ${MIN_ATTESTING_ORGANISATIONS} are needed`);
  if (distinct.size > 1) reasons.push('chaincode/: the peers\' signed chaincode definitions differ');
  const [answer] = answers.values();
  if (!answer) return undefined;
  const policy = definitionPolicy(peer.lifecycle.QueryChaincodeDefinitionResult.deserializeBinary(answer).getValidationParameter_asU8(), config);
  if (typeof policy === 'string') {
    reasons.push(`chaincode/: ${policy}`);
    return undefined;
  }
  return policy;
}

/** The envelope of a transaction from a whole block of a full pack, with the block's validation flag. */
function envelopeInBlock(entries: Map<string, Buffer>, blockNumber: number, index: number): { bytes?: Uint8Array; validationCode?: number } {
  const bytes = entries.get(PackEntries.block(blockNumber));
  if (!bytes) return {};
  const block = common.Block.deserializeBinary(bytes);
  const flags = block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.TRANSACTIONS_FILTER] ?? new Uint8Array();
  return { bytes: block.getData()?.getDataList_asU8()[index], validationCode: flags[index] };
}

/** In a party pack, the organisations whose peers signed that the transaction is committed valid, with exactly this envelope. */
function validityAttestations(entries: Map<string, Buffer>, manifest: PackManifest, txId: string, envelope: Uint8Array, config: ChannelConfig, reasons: string[]): number {
  const expected = { channel: manifest.channel, chaincode: 'qscc', args: [utf8('GetTransactionByID'), utf8(manifest.channel), utf8(txId)] };
  const organisations = new Set<string>();
  for (const name of entries.keys()) {
    const match = new RegExp(`^attestations/${txId}/(.+)\\.response$`).exec(name);
    if (!match) continue;
    const proposal = entries.get(PackEntries.validityProposal(txId, match[1]));
    if (!proposal) {
      reasons.push(`${PackEntries.validityProposal(txId, match[1])}: missing`);
      continue;
    }
    const checked = checkSignedAnswer(name, entries.get(name) as Buffer, proposal, config, expected);
    if (checked.reasons.length > 0 || !checked.answer || !checked.mspId) {
      reasons.push(...checked.reasons);
      continue;
    }
    const processed = peer.ProcessedTransaction.deserializeBinary(checked.answer);
    const attested = processed.getTransactionenvelope()?.serializeBinary() ?? new Uint8Array();
    if (!Buffer.from(attested).equals(Buffer.from(envelope))) reasons.push(`${name}: the peer attests another envelope than ${PackEntries.envelope(txId)}`);
    else if (processed.getValidationcode() !== 0) reasons.push(`${name}: the peer of ${checked.mspId} says the transaction is invalid (code ${processed.getValidationcode()})`);
    else organisations.add(checked.mspId);
  }
  return organisations.size;
}

/** Full packs: every block holding a transaction, and the newest, is orderer-signed and chained by header hashes to the newest. */
function blockChainReasons(entries: Map<string, Buffer>, manifest: PackManifest, config: ChannelConfig): string[] {
  const reasons: string[] = [];
  const headers = new Map<number, common.BlockHeader>();
  const blockNumbers = new Set([...manifest.transactions.map((tx) => tx.blockNumber), manifest.newestBlock]);
  for (const n of blockNumbers) {
    const bytes = entries.get(PackEntries.block(n));
    if (!bytes) {
      reasons.push(`${PackEntries.block(n)}: missing`);
      continue;
    }
    try {
      const block = common.Block.deserializeBinary(bytes);
      reasons.push(...blockReasons(PackEntries.block(n), block, config));
      const header = block.getHeader();
      if (header) headers.set(n, header);
    } catch (error) {
      reasons.push(`${PackEntries.block(n)}: cannot be read: ${(error as Error).message}`);
    }
  }
  const oldest = Math.min(...blockNumbers);
  const headerOf = (n: number): common.BlockHeader | undefined => {
    if (headers.has(n)) return headers.get(n);
    const bytes = entries.get(PackEntries.header(n));
    try {
      return bytes ? common.BlockHeader.deserializeBinary(bytes) : undefined;
    } catch {
      return undefined;
    }
  };
  const entryName = (n: number): string => (headers.has(n) ? PackEntries.block(n) : PackEntries.header(n));
  reasons.push(...chainReasons(oldest, manifest.newestBlock, headerOf, entryName));
  return reasons;
}

/**
 * Verifies an audit pack against a trust anchor, offline: the channel configuration against the
 * anchor, the chaincode definition, every transaction's signatures and endorsements, its validity
 * (block flags and orderer-signed hash chain in a full pack, two organisations' signed answers in a
 * party pack), and every record against the write sets. Every failure is one reason naming its entry.
 *
 * @example
 * const verdict = await verifyPack(fs.readFileSync('pack.zip'), { genesisBlockHash: '…' });
 * console.log(verdict.ok ? 'OK' : verdict.reasons.join('\n'));
 */
export async function verifyPack(zipBytes: Buffer, anchor: TrustAnchor): Promise<PackVerdict> {
  let entries: Map<string, Buffer>;
  try {
    entries = await entriesOf(zipBytes);
  } catch (error) {
    return { ok: false, reasons: [`the pack is no readable ZIP: ${(error as Error).message}`], transactions: [] };
  }
  const reasons: string[] = [];
  const parsed = PackManifestSchema.safeParse(jsonEntry(entries, PackEntries.manifest));
  if (!parsed.success) return { ok: false, reasons: [`${PackEntries.manifest}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`], transactions: [] };
  const manifest = parsed.data;

  const genesisBytes = entries.get(PackEntries.genesisBlock);
  if (!genesisBytes) return { ok: false, reasons: [`${PackEntries.genesisBlock}: missing`], manifest, transactions: [] };
  let config: ChannelConfig;
  try {
    const genesis = common.Block.deserializeBinary(genesisBytes);
    config = channelConfigOf(genesis);
    const header = genesis.getHeader();
    if (!header || header.getNumber() !== 0) reasons.push(`${PackEntries.genesisBlock}: not block 0`);
    reasons.push(...configReasonsAgainst(anchor, config, header ? blockHeaderHash(header).toString('hex') : ''));
  } catch (error) {
    return { ok: false, reasons: [`${PackEntries.genesisBlock}: cannot be read: ${(error as Error).message}`], manifest, transactions: [] };
  }
  if (config.channel !== manifest.channel) reasons.push(`${PackEntries.manifest}: channel ${manifest.channel} is not the genesis block's ${config.channel}`);

  const policy = definitionOf(entries, manifest, config, reasons);
  const transactions: VerifiedTransaction[] = [];
  for (const tx of manifest.transactions) {
    const inBlock = manifest.mode === 'full' ? envelopeInBlock(entries, tx.blockNumber, tx.index) : {};
    const item = manifest.mode === 'full' ? `${PackEntries.block(tx.blockNumber)} (transaction ${tx.index})` : PackEntries.envelope(tx.txId);
    const envelope = manifest.mode === 'full' ? inBlock.bytes : entries.get(PackEntries.envelope(tx.txId));
    if (!envelope) {
      reasons.push(`${item}: missing`);
      continue;
    }
    const checked = checkEnvelope(item, envelope, config, policy);
    reasons.push(...checked.reasons);
    if (checked.txId !== tx.txId) reasons.push(`${item}: holds transaction ${checked.txId}, not ${tx.txId}`);
    if (checked.chaincode !== manifest.chaincode) reasons.push(`${item}: invokes ${checked.chaincode ?? 'no chaincode'}, not ${manifest.chaincode}`);
    if (manifest.mode === 'full' && inBlock.validationCode !== 0) reasons.push(`${item}: the block marks it invalid (code ${inBlock.validationCode ?? '?'})`);
    if (manifest.mode === 'party') {
      const attesting = validityAttestations(entries, manifest, tx.txId, envelope, config, reasons);
      if (attesting < MIN_ATTESTING_ORGANISATIONS) reasons.push(`attestations/${tx.txId}/: peers of ${attesting} organisation(s) attest its validity, at least ${MIN_ATTESTING_ORGANISATIONS} are needed`);
    }
    transactions.push({ txId: tx.txId, blockNumber: tx.blockNumber, index: tx.index, writes: checked.writes.filter((w) => w.namespace === manifest.chaincode) });
  }
  if (manifest.mode === 'full') reasons.push(...blockChainReasons(entries, manifest, config));

  const records = PackRecordsSchema.safeParse(jsonEntry(entries, PackEntries.records));
  if (!records.success) reasons.push(`${PackEntries.records}: missing, not JSON, or not a list of records`);
  else reasons.push(...recordReasons(records.data, transactions));
  return { ok: reasons.length === 0, reasons, manifest, transactions };
}
