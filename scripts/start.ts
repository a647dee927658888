import { networkUp } from '../network/src/network';
import { step } from '../network/src/progress';
import { runCommand, selectedLayout } from './cli';
import { loadDemoData } from './demoData';

runCommand(async () => {
  const layout = selectedLayout();
  const started = Date.now();
  const components = await networkUp(layout, { store: true, gateway: true });
  const demo = await loadDemoData(layout);
  step('done', `traceledger is up in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const width = Math.max(...components.map((c) => c.component.length));
  process.stdout.write('\n');
  for (const c of components) {
    process.stdout.write(`  ${c.component.padEnd(width)}  ${c.address}\n  ${' '.repeat(width)}  log: ${c.logFile}\n`);
  }
  const base = `http://127.0.0.1:${layout.gatewayPort}`;
  process.stdout.write(`\n  Gateway:  ${base}   health ${base}/health   API docs ${base}/docs   OpenAPI ${base}/openapi.json\n`);
  process.stdout.write(`\n  Demo tokens (valid 2 h; README has a curl walk-through):\n    ADMIN_TOKEN=${demo.admin}\n`);
  for (const enterprise of demo.enterprises) {
    process.stdout.write(`    # ${enterprise.name}\n    ${enterprise.enrollmentId.toUpperCase().replace(/-/g, '_')}_TOKEN=${enterprise.token}\n`);
  }
  process.stdout.write('\n  Scan (resolver; add ?lang=en, or Accept: application/json):\n');
  for (const scan of demo.scanUrls) {
    process.stdout.write(`    ${scan.label.padEnd(26)} ${scan.url}\n`);
  }
  process.stdout.write('\n  Stop with: npm stop    Wipe all state: npm run reset\n');
});
