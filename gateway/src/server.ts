import path from 'node:path';
import { createServer } from './app';
import { buildServices } from './buildServices';
import { loadGatewayConfig } from './config';
import { ConsumerViewSnapshots } from './consumer/consumerViewSnapshots';
import { ledgerHeight } from './fabric';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const services = await buildServices(config);
  const { leadership, consumerViews, projector, log } = services;
  // One file per gateway (several may share a data dir on one machine).
  const snapshots = new ConsumerViewSnapshots(consumerViews, path.join(config.dataDir, `consumer-views-${config.port}.snapshot.gz`), () => leadership.readsTrueUpTo, log.child({ part: 'consumer-views' }));
  // The views are true up to the snapshot's height, or to the stored checkpoint read before they load
  // from the store; following the ledger from there drops whatever was projected since or meanwhile.
  const restoredAt = await snapshots.restore(await ledgerHeight(services.reader, services.ledger.channel));
  leadership.start(restoredAt ?? (await projector.storedCheckpoint()));
  if (restoredAt === undefined) void consumerViews.warm().catch((error: unknown) => log.warn({ err: error }, 'consumer views not loaded at start; scans read the store'));
  snapshots.start(config.viewSnapshotMinutes);
  const server = createServer(services).listen(config.port, config.host, () => {
    log.info(`traceledger gateway listening on http://${config.host}:${config.port}`);
  });
  const shutdown = (): void => {
    server.close();
    services.scans.stop();
    snapshots.stop();
    void snapshots
      .save()
      // Hands the projector lease back, so another gateway on this store takes over at once.
      .then(() => leadership.stop())
      .catch(() => undefined)
      .then(() => {
        services.ledger.close();
        return services.store.close();
      })
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
