import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { networkUp } from '../network/src/network';
import { step } from '../network/src/progress';
import { runCommand, selectedLayout } from './cli';
import { adminToken, loadDemoData } from './demoData';

/** Seconds of fuzzing per audience (anonymous, enterprise, regulator, admin). */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const SCHEMATHESIS = 'schemathesis==4.32.5';

/** `st` (Schemathesis' CLI) from PyPI, installed for this user when missing. */
async function schemathesis(): Promise<string> {
  try {
    await promisify(execFile)('st', ['--version']);
  } catch {
    step('fuzz', `installing ${SCHEMATHESIS} from PyPI`);
    await promisify(execFile)('python3', ['-m', 'pip', 'install', '--quiet', '--user', SCHEMATHESIS]);
  }
  return 'st';
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { stdio: 'inherit' }).once('exit', (code) => resolve(code ?? 1)));
}

/**
 * `npm run fuzz:api` (opt-in, not part of `npm test`): an OpenAPI-driven fuzz run of the gateway with
 * Schemathesis, once anonymously and once with a token of each role, each bounded by FUZZ_SECONDS.
 * Passes when no request gets a 5xx and no schema-valid request is rejected. Starts the dev network
 * when it is not running; request limits are raised for the run (one loopback client sends it all).
 */
runCommand(async () => {
  process.env.TRACELEDGER_ANONYMOUS_RATE_LIMIT ??= '100000000';
  process.env.TRACELEDGER_ENTERPRISE_WRITES_PER_MINUTE ??= '100000000';
  const layout = selectedLayout();
  await networkUp(layout, { store: true, gateway: true });
  const demo = await loadDemoData(layout);
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  const regulator = await fetch(`${base}/admin/regulators`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.admin}`, 'content-type': 'application/json', 'idempotency-key': `fuzz-regulator-${Date.now()}` },
    body: JSON.stringify({ enrollmentId: `fuzz-regulator-${Date.now().toString(36)}` }),
  });
  const audiences: [string, string | undefined][] = [
    ['anonymous', undefined],
    ['enterprise', demo.enterprises[0].token],
    ['regulator', regulator.ok ? ((await regulator.json()) as { token: string }).token : undefined],
    ['admin', await adminToken(layout)],
  ];
  const st = await schemathesis();
  const failed: string[] = [];
  for (const [audience, token] of audiences) {
    if (audience !== 'anonymous' && !token) {
      failed.push(`${audience} (no token)`);
      continue;
    }
    step('fuzz', `${audience}: ${SECONDS}s against ${base}/openapi.json`);
    const code = await run(st, [
      'run', `${base}/openapi.json`,
      '--checks', 'not_a_server_error,positive_data_acceptance',
      '--max-time', String(SECONDS),
      '--workers', '2',
      '--request-timeout', '30',
      ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
    ]);
    if (code !== 0) failed.push(audience);
  }
  process.stdout.write(failed.length === 0 ? 'fuzz: no 5xx and no rejected schema-valid request\n' : `fuzz: findings for ${failed.join(', ')}\n`);
  if (failed.length > 0) process.exitCode = 1;
});
