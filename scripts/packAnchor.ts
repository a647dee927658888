import fs from 'node:fs';
import { verifyPack, writtenValue } from '../gateway/src/auditPacks/verify';
import { trustAnchorFrom } from './packTrust';

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
