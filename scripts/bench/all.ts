import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../cli';

/**
 * `npm run bench [name ...]`: runs every benchmark under scripts/bench (or the named ones) one after
 * another. Each measures its own baseline in the same run and prints its figures as ratios to it.
 */
const NOT_BENCHMARKS = new Set(['all', 'harness', 'stats', 'submitLoad', 'httpLoad', 'benchEnterprise', 'coldChainSetup', 'custodyLoad', 'readingLoad', 'readingsPhase']);

runCommand(async () => {
  const available = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.slice(0, -3))
    .filter((name) => !NOT_BENCHMARKS.has(name))
    .sort((a, b) => (a === 'baseline' ? -1 : b === 'baseline' ? 1 : a.localeCompare(b)));
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(`no benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  }
  for (const name of wanted.length > 0 ? wanted : available) {
    process.stdout.write(`\n===== benchmark ${name}\n`);
    const result = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error(`benchmark ${name} failed (exit ${result.status})`);
    }
  }
});
