import { runProofCommand } from './packAnchor';
import { canonicalReadingBytes, leafHash, verifyReadingProof, type ReadingProof } from '../model/src/merkle';

/**
 * `npm run verify-reading -- <proof.json>`: checks a reading's inclusion proof (the answer of
 * `GET /coldchain/readings/{loggerId}/{readingId}/proof`) with nothing but SHA-256, without the
 * gateway. Prints OK, or FAILED with the reasons; exit code 0 or 1.
 *
 * For the root to mean anything, compare `merkleRoot` with the anchor on the ledger yourself
 * (`coldchain:getAnchor(loggerId, windowStart)` on any peer); when the file carries the `anchor`
 * record, its root, logger and leaf count are checked against the proof too.
 */

interface ProofDocument extends Partial<ReadingProof> {
  anchor?: { loggerId?: string; merkleRoot?: string; count?: number; windowStart?: string; txId?: string };
}

export function reasonsAgainst(document: ProofDocument): string[] {
  const { reading, proof, merkleRoot, anchor } = document;
  if (!reading || !proof || typeof merkleRoot !== 'string') {
    return ['the file must hold reading, proof and merkleRoot'];
  }
  const reasons: string[] = [];
  try {
    canonicalReadingBytes(reading);
  } catch (error) {
    reasons.push(`the reading cannot be encoded canonically: ${(error as Error).message}`);
  }
  if (anchor) {
    if (anchor.merkleRoot !== merkleRoot) reasons.push(`merkleRoot ${merkleRoot} is not the anchor's root ${anchor.merkleRoot}`);
    if (anchor.loggerId !== reading.loggerId) reasons.push(`the reading's logger ${reading.loggerId} is not the anchor's logger ${anchor.loggerId}`);
    if (anchor.count !== proof.treeSize) reasons.push(`the proof is for a tree of ${proof.treeSize} leaves; the anchor counts ${anchor.count}`);
  }
  if (reasons.length === 0 && !verifyReadingProof({ reading, proof, merkleRoot })) {
    reasons.push(`the reading's leaf ${leafHash(canonicalReadingBytes(reading)).toString('hex')} does not lead to root ${merkleRoot} along the audit path`);
  }
  return reasons;
}

if (require.main === module) {
  runProofCommand<ProofDocument>({ command: 'verify-reading', anchorKeyType: 'tl.cc.anchor', reasonsOf: reasonsAgainst, okLine: (document) => {
    const { reading, proof, merkleRoot } = document as ReadingProof;
    return `OK reading ${reading.readingId} of ${reading.loggerId} is leaf ${proof.leafIndex} of ${proof.treeSize} under root ${merkleRoot}`;
  } }, process.argv.slice(2)).then((code) => (process.exitCode = code));
}
