import { networkDown } from '../network/src/network';
import { runCommand, selectedLayout } from './cli';

runCommand(async () => {
  const stopped = await networkDown(selectedLayout());
  process.stdout.write(stopped.length > 0 ? `stopped ${stopped.join(', ')}\n` : 'nothing was running\n');
});
