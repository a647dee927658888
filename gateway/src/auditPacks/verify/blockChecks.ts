import { common } from '@hyperledger/fabric-protos';
import type { ChannelConfig } from './channelConfig';
import { chainReason, signatureHolds, signerOf } from './certificates';
import { blockDataHash, blockHeaderBytes, blockHeaderHash } from './blockHashes';

/**
 * Why a block cannot be trusted: its data hash does not cover its envelopes, or no orderer of the
 * channel signed its header (the signature covers the metadata value, the signature header and the
 * header's ASN.1 bytes). Reasons name `item`.
 */
export function blockReasons(item: string, block: common.Block, config: ChannelConfig): string[] {
  const reasons: string[] = [];
  const header = block.getHeader();
  if (!header) return [`${item}: the block has no header`];
  if (!blockDataHash(block).equals(Buffer.from(header.getDataHash_asU8()))) reasons.push(`${item}: the data hash does not cover the block's envelopes`);
  const signatures = common.Metadata.deserializeBinary(block.getMetadata()?.getMetadataList_asU8()[common.BlockMetadataIndex.SIGNATURES] ?? new Uint8Array());
  const headerBytes = blockHeaderBytes(BigInt(header.getNumber()), header.getPreviousHash_asU8(), header.getDataHash_asU8());
  const signed = signatures.getSignaturesList().filter((metadataSignature) => {
    try {
      const signer = signerOf(common.SignatureHeader.deserializeBinary(metadataSignature.getSignatureHeader_asU8()).getCreator_asU8());
      const org = config.organisations.get(signer.mspId);
      if (org?.part !== 'orderer' || chainReason(signer, config)) return false;
      const data = Buffer.concat([Buffer.from(signatures.getValue_asU8()), Buffer.from(metadataSignature.getSignatureHeader_asU8()), headerBytes]);
      return signatureHolds(signer.certificate, data, metadataSignature.getSignature_asU8());
    } catch {
      return false;
    }
  });
  if (signed.length === 0) reasons.push(`${item}: no signature of an orderer of the channel holds over the block header`);
  return reasons;
}

/** A block header by number, from a whole block or a header entry of the pack. */
export type HeaderSource = (blockNumber: number) => common.BlockHeader | undefined;

/**
 * Why the headers from `from` up to `to` do not form a chain: each header's hash must be the next
 * one's previous hash. Reasons name the entry that breaks it.
 */
export function chainReasons(from: number, to: number, headerOf: HeaderSource, entryName: (blockNumber: number) => string): string[] {
  const reasons: string[] = [];
  for (let n = from; n < to; n++) {
    const header = headerOf(n);
    const next = headerOf(n + 1);
    if (!header) return [`${entryName(n)}: missing, so the hash chain to block ${to} is broken`];
    if (!next) return [`${entryName(n + 1)}: missing, so the hash chain to block ${to} is broken`];
    if (header.getNumber() !== n) reasons.push(`${entryName(n)}: holds block ${header.getNumber()}, not ${n}`);
    if (!blockHeaderHash(header).equals(Buffer.from(next.getPreviousHash_asU8()))) reasons.push(`${entryName(n + 1)}: its previous hash is not the hash of block ${n}`);
  }
  return reasons;
}
