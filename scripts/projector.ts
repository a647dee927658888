import os from 'node:os';
import { buildServices } from '../gateway/src/buildServices';
import { loadGatewayConfig } from '../gateway/src/config';
import { ledgerHeight } from '../gateway/src/fabric';
import { dropLedgerCollections } from '../gateway/src/projection/reproject';
import { reprojectProgress } from './reprojectProgress';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The projector on its own, without HTTP: `--reproject` takes the projector lease from whichever
 * gateway holds it, drops the ledger-derived collections and rebuilds them from block 0 up to the
 * current height with a progress bar, then hands the lease back (`npm run reproject`); without it,
 * it competes for the lease like a gateway and projects while it holds it (used by the crash-recovery test).
 */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const services = await buildServices(config);
  const { projector } = services;
  if (process.argv.includes('--reproject')) {
    const lease = projector.lease(`${os.hostname()}:${process.pid}:reproject`, config.projectorLeaseSeconds * 1000);
    const fence = await lease.tryAcquire(true);
    if (!fence) throw new Error('another process took the projector lease at the same moment; run reproject again');
    // The gateway that held the lease stops at its next renewal (a third of the lease) and writes no group after its lease time.
    process.stdout.write(`took projector term ${fence.term}; waiting ${config.projectorLeaseSeconds} s for the previous holder to stop writing\n`);
    await sleep(config.projectorLeaseSeconds * 1000);
    if (!(await fence.renew())) throw new Error('another process took the projector lease while reproject waited; run reproject again');
    const renewal = setInterval(() => void fence.renew(), (config.projectorLeaseSeconds * 1000) / 3);
    const dropped = await dropLedgerCollections(services.store);
    process.stdout.write(`dropped ${dropped.length > 0 ? dropped.join(', ') : 'nothing'}; projecting from block 0\n`);
    const height = await ledgerHeight(services.reader, services.ledger.channel);
    const run = projector.run(fence);
    await reprojectProgress(projector, height);
    clearInterval(renewal);
    const deadLetters = projector.deadLetters.count;
    process.stdout.write(`projected blocks 0–${height - 1}${deadLetters > 0 ? `; ${deadLetters} transaction(s) could not be projected (collection ledger_dead_letters)` : ''}\n`);
    projector.stop();
    await run;
    await fence.release();
    services.ledger.close();
    await services.store.close();
    process.exit(0);
  }
  process.once('SIGTERM', () => {
    void services.leadership.stop().finally(() => process.exit(0));
  });
  services.leadership.start(await projector.storedCheckpoint());
}

main().catch((error: unknown) => {
  process.stderr.write(`projector failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
