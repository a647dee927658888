import fs from 'node:fs';
import path from 'node:path';
import { formatTopSelfTime, type CpuProfile } from './bench/cpuProfile';
import { runCommand } from './cli';

/**
 * `bash scripts/run.sh cpuProfileTop <file.cpuprofile | dir> [N]`: the top N functions (default 15)
 * by self time of each profile, as shares of the process's busy time.
 */
runCommand(async () => {
  const [target, count] = process.argv.slice(2);
  if (!target) throw new Error('usage: cpuProfileTop <file.cpuprofile | dir> [N]');
  const files = fs.statSync(target).isDirectory()
    ? fs.readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).sort().map((f) => path.join(target, f))
    : [target];
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
    process.stdout.write(`${formatTopSelfTime(path.basename(file), profile, Number(count ?? 15))}\n\n`);
  }
});
