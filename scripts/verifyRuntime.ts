import fs from 'node:fs';
import { anchorFromPack } from './packAnchor';
import { option } from './packTrust';
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

async function main(): Promise<number> {
  const pack = option(process.argv.slice(2), '--pack');
  const trust = option(pack.rest, '--trust');
  const [file] = trust.rest;
  if (!file || (pack.value !== undefined) !== (trust.value !== undefined)) {
    process.stderr.write('usage: npm run verify-runtime -- <proof.json> [--pack <pack.zip> --trust <genesis-block hash | anchor.json>]\n');
    return 1;
  }
  let document: ProofDocument;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8')) as ProofDocument;
  } catch (error) {
    process.stdout.write(`FAILED\n- cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  if (pack.value !== undefined && trust.value !== undefined) {
    // The anchor the proof is checked against comes from the verified pack, not from the proof file.
    const fromPack = await anchorFromPack(pack.value, trust.value, document.anchor?.txId, 'tl.el.runtime');
    if (!fromPack.anchor) {
      process.stdout.write(`FAILED\n${fromPack.reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
      return 1;
    }
    document = { ...document, anchor: fromPack.anchor };
  }
  const reasons = runtimeProofReasons(document);
  if (reasons.length > 0) {
    process.stdout.write(`FAILED\n${reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
    return 1;
  }
  const { deviceCode, summary, proof, merkleRoot } = document as RuntimeSummaryProof;
  process.stdout.write(`OK the summary of elevator ${deviceCode} from ${summary.windowStart} is leaf ${proof.leafIndex} of ${proof.treeSize} under root ${merkleRoot}\n`);
  return 0;
}

if (require.main === module) {
  main().then((code) => (process.exitCode = code));
}
