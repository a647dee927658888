import { buildServices } from '../gateway/src/buildServices';
import { loadGatewayConfig } from '../gateway/src/config';
import { ledgerHeight } from '../gateway/src/fabric';
import { dropLedgerCollections } from '../gateway/src/projection/reproject';

/**
 * The projector on its own, without HTTP: `--reproject` drops the ledger-derived collections and
 * rebuilds them from block 0 up to the current height, then exits (`npm run reproject`); without it,
 * it projects until stopped (used by the crash-recovery test).
 */
async function main(): Promise<void> {
  const services = await buildServices(loadGatewayConfig());
  const { projector } = services;
  if (process.argv.includes('--reproject')) {
    const dropped = await dropLedgerCollections(services.store);
    process.stdout.write(`dropped ${dropped.length > 0 ? dropped.join(', ') : 'nothing'}; projecting from block 0\n`);
    const height = await ledgerHeight(services.reader, services.ledger.channel);
    void projector.run();
    await projector.waitFor(height, 600_000);
    const deadLetters = projector.deadLetters.count;
    process.stdout.write(`projected blocks 0–${height - 1}${deadLetters > 0 ? `; ${deadLetters} transaction(s) could not be projected (collection ledger_dead_letters)` : ''}\n`);
    projector.stop();
    services.ledger.close();
    await services.store.close();
    process.exit(0);
  }
  process.once('SIGTERM', () => {
    projector.stop();
    process.exit(0);
  });
  await projector.run();
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
