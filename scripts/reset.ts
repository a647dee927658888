import { networkReset } from '../network/src/network';
import { runCommand, selectedLayout } from './cli';

runCommand(async () => {
  const layout = selectedLayout();
  await networkReset(layout);
  process.stdout.write(`stopped everything and removed ${layout.stateDir}\n`);
});
