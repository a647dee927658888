import { rotateCodeSigningKey } from '../gateway/src/qr';
import { gatewayDataDir } from '../network/src/gatewayConfig';
import { runCommand, selectedLayout } from './cli';

/**
 * `bash scripts/run.sh rotateCodeKey` (TRACELEDGER_PROFILE=test for the test network): a new trace-code
 * key signs codes from the gateway's next start. Earlier keys stay on file and published, so labels
 * already printed keep verifying; the gateway is not stopped, because the keys it loaded stay coherent
 * (it signs only with a key it publishes) until it restarts.
 */
runCommand(async () => {
  const keyring = await rotateCodeSigningKey(gatewayDataDir(selectedLayout()));
  const earlier = keyring.valid.slice(1).map((key) => key.kid);
  process.stdout.write(`new codes are signed with ${keyring.current.kid} from the gateway's next start; codes of ${earlier.join(', ') || 'no earlier key'} still verify\n`);
});
