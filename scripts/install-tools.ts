import { installTools } from '../network/src/tools';
import { runCommand } from './cli';

runCommand(installTools);
