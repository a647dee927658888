import crypto from 'node:crypto';
import type { common } from '@hyperledger/fabric-protos';

/** DER length octets (short form below 128, long form above). */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

const derElement = (tag: number, content: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);

/** A non-negative DER INTEGER: big-endian, minimal, with a 0x00 in front when the top bit is set. */
function derUnsigned(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return derElement(0x02, bytes);
}

/**
 * The bytes Fabric hashes and orderers sign for a block header: the ASN.1 DER SEQUENCE of number,
 * previous hash and data hash (Go's `protoutil.BlockHeaderBytes`), not the header's protobuf bytes.
 */
export function blockHeaderBytes(number: bigint, previousHash: Uint8Array, dataHash: Uint8Array): Buffer {
  return derElement(0x30, Buffer.concat([derUnsigned(number), derElement(0x04, Buffer.from(previousHash)), derElement(0x04, Buffer.from(dataHash))]));
}

/** A block's hash, as the next block's `previous_hash` holds it. */
export function blockHeaderHash(header: common.BlockHeader): Buffer {
  return crypto.createHash('sha256').update(blockHeaderBytes(BigInt(header.getNumber()), header.getPreviousHash_asU8(), header.getDataHash_asU8())).digest();
}

/** The data hash of a block: SHA-256 over its envelopes laid end to end (no Merkle tree: one envelope is proven only with all the others). */
export function blockDataHash(block: common.Block): Buffer {
  const hash = crypto.createHash('sha256');
  for (const envelope of block.getData()?.getDataList_asU8() ?? []) hash.update(envelope);
  return hash.digest();
}
