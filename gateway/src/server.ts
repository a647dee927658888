import { createServer } from './app';
import { buildServices } from './buildServices';
import { loadGatewayConfig } from './config';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const services = await buildServices(config);
  void services.projector.run();
  void services.consumerViews.warm().catch((error: unknown) => services.log.warn({ err: error }, 'consumer views not loaded at start; scans read the store'));
  const server = createServer(services).listen(config.port, config.host, () => {
    services.log.info(`traceledger gateway listening on http://${config.host}:${config.port}`);
  });
  const shutdown = (): void => {
    services.projector.stop();
    services.scans.stop();
    services.scheduler.stop();
    server.close();
    services.ledger.close();
    void services.store.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
