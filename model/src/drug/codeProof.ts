import { z } from 'zod';
import { auditPath, auditPathFromLevels, verifyInclusion, type InclusionProof } from '../merkle/auditPath';
import { leafHashOfText, merkleRoot, treeLevels } from '../merkle/merkleTree';

/**
 * Inclusion proofs of drug trace codes in their commissioning's code list: the same RFC 6962 tree
 * as reading anchors, one leaf per code (the leaf hashes the 20 digits as text). Verify and dispense
 * check the proof against the root on chain, so a guessed serial with made-up check digits is unknown.
 *
 * The list is kept off chain in chunks of {@link CODE_CHUNK_SIZE} codes. The chunk size is a power of
 * two, so each chunk is a subtree of the whole tree: a code's proof is its path inside its chunk
 * followed by the chunk root's path among the chunk roots, built from one chunk and the roots.
 */
export const CODE_CHUNK_SIZE = 1024;

/** Levels of a tree of {@link MAX_CODES_PER_COMMISSIONING}-sized lists and then some: bounds a proof's path. */
const MAX_PROOF_LENGTH = 40;

export const InclusionProofSchema = z.strictObject({
  leafIndex: z.number().int().min(0),
  treeSize: z.number().int().min(1),
  auditPath: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters')).max(MAX_PROOF_LENGTH),
});

/** A code's leaf hash. */
export const codeLeafHash = (code: string): Buffer => leafHashOfText(code);

/** The root of a tree over codes given in list order, hex. */
export function codeListRoot(codes: readonly string[]): string {
  return merkleRoot(codes.map(codeLeafHash)).toString('hex');
}

/** The roots of each chunk of a canonical code list, hex, in order. */
export function codeChunkRoots(codes: readonly string[]): string[] {
  const roots: string[] = [];
  for (let start = 0; start < codes.length; start += CODE_CHUNK_SIZE) {
    roots.push(codeListRoot(codes.slice(start, start + CODE_CHUNK_SIZE)));
  }
  return roots;
}

/**
 * The root of the whole list from its chunk roots: the same as {@link codeListRoot} of the list.
 *
 * @example
 * rootOfChunks(codeChunkRoots(list)) === codeListRoot(list) // true
 */
export function rootOfChunks(chunkRootsHex: readonly string[]): string {
  return merkleRoot(chunkRootsHex.map((root) => Buffer.from(root, 'hex'))).toString('hex');
}

/**
 * The proof of the code at `indexInChunk` of chunk `chunkIndex`, from that chunk's codes and every
 * chunk root. `treeSize` is the list's length.
 */
export function codeProofFromChunk(chunkCodes: readonly string[], chunkIndex: number, indexInChunk: number, chunkRootsHex: readonly string[], treeSize: number): InclusionProof {
  const inner = auditPath(chunkCodes.map(codeLeafHash), indexInChunk).auditPath;
  const outer = auditPath(chunkRootsHex.map((root) => Buffer.from(root, 'hex')), chunkIndex).auditPath;
  return { leafIndex: chunkIndex * CODE_CHUNK_SIZE + indexInChunk, treeSize, auditPath: [...inner, ...outer] };
}

/** Whether the code is the leaf the proof names in the tree whose root is `rootHex`. */
export function verifyCodeInclusion(code: string, proof: InclusionProof, rootHex: string): boolean {
  return verifyInclusion(codeLeafHash(code), proof, rootHex);
}

/** The levels of a chunk's tree and of the tree over a list's chunk roots, for {@link codeProofFromLevels}. */
export const chunkTreeLevels = (chunkCodes: readonly string[]): Buffer[][] => treeLevels(chunkCodes.map(codeLeafHash));
export const chunkRootsTreeLevels = (chunkRootsHex: readonly string[]): Buffer[][] => treeLevels(chunkRootsHex.map((root) => Buffer.from(root, 'hex')));

/** As {@link codeProofFromChunk}, from trees already built: what a gateway proving many codes of one chunk keeps. */
export function codeProofFromLevels(chunkLevels: readonly (readonly Buffer[])[], rootsLevels: readonly (readonly Buffer[])[], chunkIndex: number, indexInChunk: number, treeSize: number): InclusionProof {
  return { leafIndex: chunkIndex * CODE_CHUNK_SIZE + indexInChunk, treeSize, auditPath: [...auditPathFromLevels(chunkLevels, indexInChunk), ...auditPathFromLevels(rootsLevels, chunkIndex)] };
}
