import { networkUp } from '../network/src/network';
import { step } from '../network/src/progress';
import { runCommand, selectedLayout } from './cli';
import { loadDemoData } from './demoData';

runCommand(async () => {
  const layout = selectedLayout();
  const started = Date.now();
  const components = await networkUp(layout, { store: true, gateway: true });
  await loadDemoData(layout);
  step('done', `traceledger is up in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const width = Math.max(...components.map((c) => c.component.length));
  process.stdout.write('\n');
  for (const c of components) {
    process.stdout.write(`  ${c.component.padEnd(width)}  ${c.address}\n  ${' '.repeat(width)}  log: ${c.logFile}\n`);
  }
  process.stdout.write(`\n  Gateway health: http://127.0.0.1:${layout.gatewayPort}/health\n  Stop with: npm stop    Wipe all state: npm run reset\n`);
});
