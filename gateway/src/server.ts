import { createServer } from './app';
import { buildServices } from './buildServices';
import { loadGatewayConfig } from './config';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const services = await buildServices(config);
  // The views are true up to the stored checkpoint read before they load; following from there drops
  // whatever another gateway (or this one's projector) writes meanwhile.
  const viewsFrom = await services.projector.storedCheckpoint();
  services.leadership.start(viewsFrom);
  void services.consumerViews.warm().catch((error: unknown) => services.log.warn({ err: error }, 'consumer views not loaded at start; scans read the store'));
  const server = createServer(services).listen(config.port, config.host, () => {
    services.log.info(`traceledger gateway listening on http://${config.host}:${config.port}`);
  });
  const shutdown = (): void => {
    server.close();
    services.scans.stop();
    // Hands the projector lease back, so another gateway on this store takes over at once.
    void services.leadership
      .stop()
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
