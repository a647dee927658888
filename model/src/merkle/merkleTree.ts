import { createHash, hash } from 'node:crypto';

/**
 * Merkle Tree Hash of RFC 6962 (Certificate Transparency), section 2.1:
 * leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ left ‖ right), and the hash of the empty
 * tree is SHA-256 of nothing. The prefixes keep a leaf from ever passing for an inner node.
 *
 * Trees are built bottom-up, carrying an unpaired last node one level up unchanged; that yields the
 * same root as the RFC's recursive split at the largest power of two below n, without recursion.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(entry: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(entry).digest();
}

/**
 * The leaf hash of an entry given as text (its UTF-8 bytes): one one-shot `crypto.hash` call, the
 * cheapest per-call path Node has, for hashing every reading of an upload.
 */
export function leafHashOfText(entry: string): Buffer {
  return hash('sha256', `\u0000${entry}`, 'buffer') as unknown as Buffer;
}

/** 0x01 ‖ left ‖ right, reused by every node hash (synchronous, so never shared between two calls). */
const nodeInput = Buffer.alloc(65, 0x01);

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) {
    return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return hash('sha256', nodeInput, 'buffer') as unknown as Buffer;
}

export const EMPTY_TREE_HASH = createHash('sha256').digest();

/** Every level of the tree, leaves first, root last. */
export function treeLevels(leafHashes: readonly Buffer[]): Buffer[][] {
  const levels: Buffer[][] = [leafHashes.slice()];
  while (levels[levels.length - 1].length > 1) {
    const below = levels[levels.length - 1];
    const above: Buffer[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) {
      above.push(nodeHash(below[i], below[i + 1]));
    }
    if (below.length % 2 === 1) {
      above.push(below[below.length - 1]);
    }
    levels.push(above);
  }
  return levels;
}

/**
 * The root of a tree over the given leaf hashes.
 *
 * @example
 * merkleRoot(entries.map(leafHash)).toString('hex')
 */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) {
    return EMPTY_TREE_HASH;
  }
  const levels = treeLevels(leafHashes);
  return levels[levels.length - 1][0];
}
