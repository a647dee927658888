import { expect } from 'chai';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type mongoose from 'mongoose';
import { unversioned } from '../../gateway/src/projection/coldchain';
import { ledgerModels } from '../../gateway/src/projection/models';
import { REPO_ROOT } from '../../network/src/layout';

export const PROJECTOR = path.join(REPO_ROOT, 'dist', 'scripts', 'projector.js');

/** Runs the standalone projector; resolves with its exit code and signal. */
export function runProjector(configFile: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PROJECTOR, ...args], { env: { ...process.env, TRACELEDGER_GATEWAY_CONFIG: configFile, LOG_LEVEL: 'warn', ...env }, stdio: 'ignore' });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

type Doc = Record<string, unknown> & { _id: string; source: { blockNumber: number } };

/** Every document of every ledger-derived collection, keyed by collection. */
export async function snapshot(connection: mongoose.Connection): Promise<Record<string, Doc[]>> {
  const { journeys, ...models } = ledgerModels(connection);
  const result: Record<string, Doc[]> = {};
  // The clue intake is a queue of alerts awaiting their clue, emptied as the ledger raises them: it is not a
  // picture of the ledger, so a rebuild need not hold what the live store still waits on.
  const notProjections = new Set(['journeyBases', 'journeyVersions', 'clueIntake']);
  for (const [name, model] of Object.entries(models).filter(([key]) => !notProjections.has(key))) {
    result[name] = (await (model as unknown as mongoose.Model<Doc>).find().sort({ _id: 1 }).lean()) as unknown as Doc[];
  }
  // Journeys as readers see them: each lot's newest.
  const newest: Doc[] = [];
  for await (const journey of journeys.all()) newest.push(unversioned(journey) as unknown as Doc);
  result.journeys = newest.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return result;
}

/**
 * Two projections agree up to a block height: every document last written below it in either store
 * is equal in the other. Documents that aggregate many transactions (journeys, timelines) may have
 * been touched again at or above the height in one store only, which is no disagreement.
 */
export function expectSameBelow(actual: Record<string, Doc[]>, expected: Record<string, Doc[]>, height: number): void {
  for (const name of Object.keys(expected)) {
    const mine = new Map(actual[name].map((doc) => [doc._id, doc]));
    const theirs = new Map(expected[name].map((doc) => [doc._id, doc]));
    for (const id of new Set([...mine.keys(), ...theirs.keys()])) {
      const [a, b] = [mine.get(id), theirs.get(id)];
      if ((a?.source.blockNumber ?? Infinity) >= height && (b?.source.blockNumber ?? Infinity) >= height) continue;
      if (a && b && (a.source.blockNumber >= height || b.source.blockNumber >= height)) continue;
      expect(JSON.stringify(a), `${name} ${id}, differing in ${differingPaths(a, b).join(', ')}`).to.equal(JSON.stringify(b));
    }
  }
}

/** The paths (up to three levels deep) at which two documents differ, with both values, so a failure names the field, not a whole document. */
function differingPaths(a: unknown, b: unknown, at = '', depth = 0): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (depth === 3 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return [`${at || '(the document)'} (${String(JSON.stringify(a)).slice(0, 160)} ≠ ${String(JSON.stringify(b)).slice(0, 160)})`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differingPaths((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], at ? `${at}.${key}` : key, depth + 1));
}

