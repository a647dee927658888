import fs from 'node:fs';
import { verifyPack, writtenValue } from '../gateway/src/auditPacks/verify';
import { option, trustAnchorFrom } from './packTrust';

/**
 * The anchor record a proof relies on, read from a verified audit pack instead of from the proof
 * file: the value transaction `txId` wrote to a key of `keyType` (`tl.cc.anchor` for reading windows,
 * `tl.el.runtime` for lifts' runtime summaries). Reasons when the pack fails or holds no such write.
 */
export async function anchorFromPack(packFile: string, trust: string, txId: string | undefined, keyType: string): Promise<{ anchor?: Record<string, unknown>; reasons: string[] }> {
  if (!txId) return { reasons: ['the proof names no anchor transaction (anchor.txId), so it cannot be found in the pack'] };
  const verdict = await verifyPack(fs.readFileSync(packFile), trustAnchorFrom(trust));
  if (!verdict.ok) return { reasons: verdict.reasons.map((reason) => `pack: ${reason}`) };
  const value = writtenValue(verdict.transactions, txId, (key) => key.startsWith(`\u0000${keyType}\u0000`));
  if (value === undefined) return { reasons: [`pack: transaction ${txId} is not in the pack or wrote no ${keyType} key`] };
  return { anchor: JSON.parse(value) as Record<string, unknown>, reasons: [] };
}

/** What differs between the proof commands: the command, the anchor's key type, the checks and the OK line. */
export interface ProofCommand<D extends { anchor?: { txId?: string } }> {
  command: string;
  anchorKeyType: string;
  reasonsOf(document: D): string[];
  okLine(document: D): string;
}

function failed(reasons: readonly string[]): number {
  process.stdout.write(`FAILED\n${reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
  return 1;
}

/**
 * `<proof.json> [--pack <pack.zip> --trust <anchor>]` for a proof command: reads the proof, takes its
 * anchor from the verified pack when one is given, prints OK or FAILED with the reasons; exit code 0 or 1.
 */
export async function runProofCommand<D extends { anchor?: { txId?: string } }>(spec: ProofCommand<D>, argv: readonly string[]): Promise<number> {
  const pack = option([...argv], '--pack');
  const trust = option(pack.rest, '--trust');
  const [file] = trust.rest;
  if (!file || (pack.value !== undefined) !== (trust.value !== undefined)) {
    process.stderr.write(`usage: npm run ${spec.command} -- <proof.json> [--pack <pack.zip> --trust <genesis-block hash | anchor.json>]\n`);
    return 1;
  }
  let document: D;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8')) as D;
  } catch (error) {
    return failed([`cannot read ${file}: ${(error as Error).message}`]);
  }
  if (pack.value !== undefined && trust.value !== undefined) {
    // The anchor the proof is checked against comes from the verified pack, not from the proof file.
    const fromPack = await anchorFromPack(pack.value, trust.value, document.anchor?.txId, spec.anchorKeyType);
    if (!fromPack.anchor) return failed(fromPack.reasons);
    document = { ...document, anchor: fromPack.anchor };
  }
  const reasons = spec.reasonsOf(document);
  if (reasons.length > 0) return failed(reasons);
  process.stdout.write(`${spec.okLine(document)}\n`);
  return 0;
}
