import { generateColdChainVolume, volumeOptionsFromEnv } from './bench/generate';
import { runCommand, selectedLayout } from './cli';

/**
 * `npm run generate`: loads benchmark-style cold-chain volume (GEN_LOTS lots over 5-hop chains, see
 * README "Benchmarks") into the running network (`dev`, or TRACELEDGER_PROFILE), through the batch paths.
 */
runCommand(async () => {
  await generateColdChainVolume(selectedLayout(), volumeOptionsFromEnv());
});
