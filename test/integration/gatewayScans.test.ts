import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../gateway/src/app';
import { buildServices } from '../../gateway/src/buildServices';
import { GatewayConfigSchema } from '../../gateway/src/config';
import type { GatewayServices } from '../../gateway/src/services';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, eventually, gatewayConfig, testAdminToken } from './gatewayClient';

describe('scan counting and clone detection', function () {
  this.timeout(120_000);
  let services: GatewayServices;
  let server: http.Server;
  let base: string;

  before(async () => {
    requireNetwork();
    // A gateway behind a (pretend) reverse proxy, so each request can come from its own client network.
    services = await buildServices(GatewayConfigSchema.parse({ ...gatewayConfig(), trustProxy: true }));
    services.log.level = 'silent';
    server = http.createServer(createApp(services));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    services?.scans.stop();
    services?.ledger.close();
    await services?.store.close();
  });

  const scan = (serial: string, region: string, client: string) =>
    fetch(`${base}/01/09521234543213/21/${serial}?r=${region}`, { headers: { 'x-forwarded-for': client, accept: 'application/json' } });

  const cluesOf = async (serial: string): Promise<{ source: string; anomaly?: { regions: Record<string, number> } }[]> => {
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    return (await api<{ source: string }[]>(`/clues?subjectId=${encodeURIComponent(`01/09521234543213/21/${serial}`)}`, { token: regulator.body.token })).body;
  };

  it('stores anonymised scans without slowing the answer, and ignores one client\'s claims of many regions', async () => {
    const serial = uniqueId('SN').slice(-12);
    for (const region of ['330106', '110101', '440103', '510104']) {
      const response = await scan(serial, region, '203.0.113.7');
      expect(response.status).to.equal(404); // serials are not registered yet; the scan still counts
    }
    await services.scans.flush();
    const tallies = await services.store.collection('primary_scan_tallies').find({}).toArray();
    const stored = tallies.flatMap((tally) => (tally.counts as { subjectId: string; count: number }[]).filter((c) => c.subjectId === `01/09521234543213/21/${serial}`));
    expect(stored.reduce((sum, c) => sum + c.count, 0)).to.equal(4);
    expect(stored[0]).to.include.keys('client', 'at', 'province', 'city', 'count');
    expect(JSON.stringify(tallies)).not.to.include('203.0.113');
    expect(await cluesOf(serial)).to.deep.equal([]);
  });

  it('files one risk clue when independent clients place the same code in two provinces within an hour', async () => {
    const serial = uniqueId('SN').slice(-12);
    await scan(serial, '330106', '198.51.100.10');
    await scan(serial, '330102', '192.0.2.20');
    await scan(serial, '110101', '203.0.113.30');
    await scan(serial, '110105', '100.64.0.40');
    await services.scans.flush();
    await scan(serial, '110105', '100.64.1.50');
    await services.scans.flush();
    const clues = await eventually('the scan clue in the projection', async () => {
      const found = await cluesOf(serial);
      return found.length > 0 ? found : undefined;
    }, 20_000);
    expect(clues).to.have.length(1);
    expect(clues[0].source).to.equal('scanMonitor');
    expect(clues[0].anomaly?.regions).to.deep.equal({ '33': 2, '11': 2 });
  });
});
