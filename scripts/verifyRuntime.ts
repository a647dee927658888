import { runProofCommand } from './packAnchor';
import { leafHash, runtimeSummaryText, verifyRuntimeSummaryProof, type RuntimeSummaryProof } from '../model/src';

/**
 * `npm run verify-runtime -- <proof.json>`: checks a lift's IoT runtime summary proof (the answer of
 * `GET /elevators/{deviceCode}/runtime-summaries/{windowStart}/proof`) with nothing but SHA-256,
 * without the gateway. Prints OK, or FAILED with the reasons; exit code 0 or 1.
 *
 * For the root to mean anything, compare `merkleRoot` with the anchor on the ledger yourself
 * (`elevator:getRuntimeAnchor(deviceCode, windowStart)` on any peer, as a party or regulator); when
 * the file carries the `anchor` record, its root, lift and count are checked against the proof too.
 */

interface ProofDocument extends Partial<RuntimeSummaryProof> {
  anchor?: { deviceCode?: string; merkleRoot?: string; count?: number; txId?: string };
}

export function runtimeProofReasons(document: ProofDocument): string[] {
  const { deviceCode, summary, proof, merkleRoot, anchor } = document;
  if (typeof deviceCode !== 'string' || !summary || !proof || typeof merkleRoot !== 'string') {
    return ['the file must hold deviceCode, summary, proof and merkleRoot'];
  }
  const reasons: string[] = [];
  if (anchor) {
    if (anchor.merkleRoot !== merkleRoot) reasons.push(`merkleRoot ${merkleRoot} is not the anchor's root ${anchor.merkleRoot}`);
    if (anchor.deviceCode !== deviceCode) reasons.push(`the summary's lift ${deviceCode} is not the anchor's lift ${anchor.deviceCode}`);
    if (anchor.count !== proof.treeSize) reasons.push(`the proof is for a tree of ${proof.treeSize} leaves; the anchor counts ${anchor.count}`);
  }
  if (reasons.length === 0 && !verifyRuntimeSummaryProof({ deviceCode, summary, proof, merkleRoot })) {
    let leaf = 'that cannot be encoded canonically';
    try {
      leaf = leafHash(Buffer.from(runtimeSummaryText(deviceCode, summary), 'utf8')).toString('hex');
    } catch {
      // The reason below says the summary is no valid one.
    }
    reasons.push(`the summary's leaf ${leaf} does not lead to root ${merkleRoot} along the audit path`);
  }
  return reasons;
}

if (require.main === module) {
  runProofCommand<ProofDocument>({ command: 'verify-runtime', anchorKeyType: 'tl.el.runtime', reasonsOf: runtimeProofReasons, okLine: (document) => {
    const { deviceCode, summary, proof, merkleRoot } = document as RuntimeSummaryProof;
    return `OK the summary of elevator ${deviceCode} from ${summary.windowStart} is leaf ${proof.leafIndex} of ${proof.treeSize} under root ${merkleRoot}`;
  } }, process.argv.slice(2)).then((code) => (process.exitCode = code));
}
