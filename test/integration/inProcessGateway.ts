import type { AddressInfo } from 'node:net';
import { createServer } from '../../gateway/src/app';
import { buildServices } from '../../gateway/src/buildServices';
import { GatewayConfigSchema, type GatewayConfig } from '../../gateway/src/config';
import type { GatewayServices } from '../../gateway/src/services';
import { gatewayConfig } from './gatewayClient';

/** A second gateway in the test process, on its own port, over the test network's ledger and store. */
export interface InProcessGateway {
  services: GatewayServices;
  /** `http://<host>:<port>`: the address it listens on (127.0.0.1 unless `host` said otherwise). */
  base: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts a gateway in this process with the test gateway's configuration changed by `adjust`
 * (e.g. behind a pretend reverse proxy, so each request can name its client network in
 * X-Forwarded-For; or with unreachable peers). Logs nothing; sweeps no coverage checks. `host`: the
 * address to listen on, e.g. a LAN address for a browser that must not see a loopback origin.
 */
export async function startInProcessGateway(adjust: (config: GatewayConfig) => void = () => undefined, options: { project?: boolean; host?: string } = {}): Promise<InProcessGateway> {
  const config = GatewayConfigSchema.parse(gatewayConfig());
  // The test network's own gateway projects and runs the scheduled checks; a second one follows it.
  // With `project`, this gateway competes for the lease (give it a database of its own, where it wins).
  config.projectionRole = options.project ? 'lead' : 'follow';
  adjust(config);
  const services = await buildServices(config);
  services.log.level = 'silent';
  services.leadership.start(await services.projector.storedCheckpoint());
  const server = createServer(services);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    services,
    base: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: async () => {
      await services.leadership.stop();
      server.close();
      services.scans.stop();
      services.ledger.close();
      await services.store.close();
    },
  };
}
