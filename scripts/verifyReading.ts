import fs from 'node:fs';
import { anchorFromPack } from './packAnchor';
import { option } from './packTrust';
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

async function main(): Promise<number> {
  const pack = option(process.argv.slice(2), '--pack');
  const trust = option(pack.rest, '--trust');
  const [file] = trust.rest;
  if (!file || (pack.value !== undefined) !== (trust.value !== undefined)) {
    process.stderr.write('usage: npm run verify-reading -- <proof.json> [--pack <pack.zip> --trust <genesis-block hash | anchor.json>]\n');
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
    const fromPack = await anchorFromPack(pack.value, trust.value, document.anchor?.txId, 'tl.cc.anchor');
    if (!fromPack.anchor) {
      process.stdout.write(`FAILED\n${fromPack.reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
      return 1;
    }
    document = { ...document, anchor: fromPack.anchor };
  }
  const reasons = reasonsAgainst(document);
  if (reasons.length > 0) {
    process.stdout.write(`FAILED\n${reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
    return 1;
  }
  const { reading, proof, merkleRoot } = document as ReadingProof;
  process.stdout.write(`OK reading ${reading.readingId} of ${reading.loggerId} is leaf ${proof.leafIndex} of ${proof.treeSize} under root ${merkleRoot}\n`);
  return 0;
}

if (require.main === module) {
  main().then((code) => (process.exitCode = code));
}
