import fs from 'node:fs';
import path from 'node:path';

/**
 * Opt-in CPU profiling of the Node processes the network starts (chaincode servers, gateway):
 * with TRACELEDGER_CPU_PROFILE=<dir> they run under `node --cpu-prof` and write one .cpuprofile
 * each into <dir> when they stop. `--cpu-prof` writes only on a normal exit, so a preload turns the
 * SIGTERM that `npm stop` sends into one (exitOnSignal.ts).
 *
 * @example TRACELEDGER_CPU_PROFILE=/tmp/prof npm run bench -- blocks
 */
export function cpuProfileArgs(component: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = env.TRACELEDGER_CPU_PROFILE;
  if (!dir) {
    return [];
  }
  const absolute = path.resolve(dir);
  fs.mkdirSync(absolute, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', absolute, '--cpu-prof-name', `${component}-${Date.now()}.cpuprofile`, '--require', path.join(__dirname, 'exitOnSignal.js')];
}
