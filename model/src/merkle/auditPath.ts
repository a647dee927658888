import { merkleRoot, nodeHash, treeLevels } from './merkleTree';

/**
 * Audit paths (inclusion proofs) of RFC 6962 section 2.1.1: the sibling hashes from a leaf up to the
 * root, nearest first. Verification follows the algorithm RFC 9162 section 2.1.3.2 spells out for the
 * same tree, so a third party can check a reading against an anchored root with nothing but SHA-256.
 */

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  /** Sibling hashes, hex, from the leaf's level upwards. */
  auditPath: string[];
}

/** The audit path of one leaf in a tree over `leafHashes`. */
export function auditPath(leafHashes: readonly Buffer[], leafIndex: number): InclusionProof {
  if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= leafHashes.length) {
    throw new RangeError(`leaf index ${leafIndex} is outside a tree of ${leafHashes.length} leaves`);
  }
  return { leafIndex, treeSize: leafHashes.length, auditPath: auditPathFromLevels(treeLevels(leafHashes), leafIndex) };
}

/**
 * The sibling hashes of a leaf, read from a tree's levels as `treeLevels` gives them: many proofs of
 * one tree (an upload's codes of one chunk) cost one hashing of the tree, not one each.
 *
 * @example
 * const levels = treeLevels(leaves);
 * codes.map((_, i) => auditPathFromLevels(levels, i))
 */
export function auditPathFromLevels(levels: readonly (readonly Buffer[])[], leafIndex: number): string[] {
  const path: string[] = [];
  let index = leafIndex;
  for (const level of levels.slice(0, -1)) {
    const sibling = index % 2 === 0 ? index + 1 : index - 1;
    // A last node without a sibling is carried up unchanged and adds nothing to the path.
    if (sibling < level.length) {
      path.push(level[sibling].toString('hex'));
    }
    index = Math.floor(index / 2);
  }
  return path;
}

/**
 * Tells whether `leafHashValue` sits at `proof.leafIndex` of the tree whose root is `rootHex`.
 *
 * @example
 * verifyInclusion(leafHash(canonicalReadingBytes(reading)), proof, anchor.merkleRoot) // true
 */
export function verifyInclusion(leafHashValue: Buffer, proof: InclusionProof, rootHex: string): boolean {
  const { leafIndex, treeSize } = proof;
  if (!Number.isInteger(leafIndex) || !Number.isInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    return false;
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHashValue;
  for (const siblingHex of proof.auditPath) {
    if (!/^[0-9a-f]{64}$/.test(siblingHex) || sn === 0) {
      return false;
    }
    const sibling = Buffer.from(siblingHex, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sibling, r);
      if (fn % 2 === 0) {
        // Skip the levels where this subtree is the right-most, unpaired node.
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === rootHex.toLowerCase();
}

/** Root of a tree over the leaf hashes, hex (convenience for anchoring). */
export function merkleRootHex(leafHashes: readonly Buffer[]): string {
  return merkleRoot(leafHashes).toString('hex');
}
