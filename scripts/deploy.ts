import { deployChaincode } from '../network/src/chaincode';
import { waitUntilEndorsable } from '../network/src/network';
import { runCommand, selectedLayout } from './cli';

/** Deploys the built chaincode through lifecycle when it changed (next sequence); the network must be up. */
runCommand(async () => {
  const layout = selectedLayout();
  const result = await deployChaincode(layout);
  await waitUntilEndorsable(layout);
  process.stdout.write(
    result.changed ? `committed ${result.label} at sequence ${result.sequence}\n` : `${result.label} is already committed at sequence ${result.sequence}\n`,
  );
});
