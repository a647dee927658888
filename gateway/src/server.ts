import fs from 'node:fs';
import { createApp } from './app';
import { loadGatewayConfig } from './config';
import { connectPeer, openGateway } from './fabric';
import { connectStore } from './store/connection';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const client = connectPeer({ address: config.peer.address, tlsRootCert: fs.readFileSync(config.peer.tlsRootCert) });
  const gateway = openGateway(client, config.identity);
  const store = await connectStore(config.mongoUri);
  const app = createApp({ gateway, channel: config.channel, store });
  const server = app.listen(config.port, config.host, () => {
    process.stdout.write(`traceledger gateway listening on http://${config.host}:${config.port}\n`);
  });
  const shutdown = (): void => {
    server.close();
    gateway.close();
    client.close();
    void store.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
