import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../network/src/layout';
import { gatewayConfigFile } from '../network/src/gatewayConfig';
import { runCommand, selectedLayout } from './cli';

/**
 * `npm run reproject`: rebuilds the ledger-derived collections from block 0. The running gateway's
 * projector picks up from the rebuilt checkpoint; primary off-chain data is untouched.
 */
runCommand(async () => {
  const layout = selectedLayout();
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'projector.js'), '--reproject'], {
    stdio: 'inherit',
    env: { ...process.env, TRACELEDGER_GATEWAY_CONFIG: gatewayConfigFile(layout), LOG_LEVEL: 'warn' },
  });
});
