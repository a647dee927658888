import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { gatewayConfigFile } from '../../network/src/gatewayConfig';
import { testAdminToken, traceEvent } from './gatewayClient';
import { requireNetwork, testLayout, uniqueId, uniqueUscc } from './testNetwork';

/** A port no one listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a gateway started from its configuration file alone', function () {
  this.timeout(180_000);
  let gateway: ChildProcess | undefined;
  let base: string;
  let output = '';

  const call = async (route: string, init: { token?: string; body?: unknown; idempotencyKey?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
    const response = await fetch(`${base}${route}`, { method: init.body === undefined ? 'GET' : 'POST', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };

  before(async () => {
    requireNetwork();
    const layout = testLayout();
    // The file the test network wrote for its own gateway, changed only where two gateways cannot share:
    // the port, and the database (a second projector writes a database of its own). No sweeps while the test runs.
    const config = JSON.parse(fs.readFileSync(gatewayConfigFile(layout), 'utf8')) as Record<string, unknown>;
    const port = await freePort();
    const file = path.join(layout.stateDir, 'gateway-from-config.json');
    fs.writeFileSync(file, JSON.stringify({ ...config, port, mongoUri: String(config.mongoUri).replace(/\/[^/]*$/, '/from_config'), coverageSweepSeconds: 86_400 }));
    base = `http://127.0.0.1:${port}`;
    // Nothing of the network's code or environment: the compiled gateway and the one variable naming its file.
    gateway = spawn(process.execPath, [path.join(__dirname, '..', '..', 'gateway', 'src', 'server.js')], {
      env: { TRACELEDGER_GATEWAY_CONFIG: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = gateway;
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode}:\n${output.slice(-4000)}`);
      const up = await fetch(`${base}/health`).then((r) => r.status, () => undefined);
      if (up !== undefined) break;
      if (Date.now() > deadline) throw new Error(`the gateway did not answer within 30 s:\n${output.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  after(async () => {
    if (!gateway || gateway.exitCode !== null) return;
    const exited = new Promise((resolve) => gateway?.once('exit', resolve));
    gateway.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (gateway.exitCode === null) gateway.kill('SIGKILL');
  });

  it('answers /health with the ledger reachable through the configured peers and its store', async () => {
    const health = await call('/health');
    expect(health.status, output.slice(-2000)).to.equal(200);
    expect(health.body.ledger).to.deep.include({ ok: true });
    expect((health.body.ledger as { height: number }).height).to.be.greaterThan(5);
    expect(health.body.store).to.deep.include({ ok: true });
  });

  it('enrolls an enterprise at the configured CA, writes with its identity and replays the write by its key', async () => {
    const id = uniqueUscc();
    const enrollmentId = uniqueId('cfg');
    const onboarded = await call('/admin/enterprises', {
      token: await testAdminToken(),
      idempotencyKey: uniqueId('onboard'),
      body: { id, name: `Config-only gateway ${enrollmentId}`, kinds: ['coldStore'], region: '330100', enrollmentId, custody: 'custodial' },
    });
    expect(onboarded.status, JSON.stringify(onboarded.body)).to.equal(201);
    expect(onboarded.body.identity).to.deep.include({ mspId: 'SupplyOrgMSP', enrollmentId, custody: 'custodial' });

    const key = uniqueId('k');
    const event = traceEvent();
    const written = await call('/trace/events', { token: onboarded.body.token as string, idempotencyKey: key, body: event });
    expect(written.status, JSON.stringify(written.body)).to.equal(201);
    expect((written.body.result as { enterpriseId: string }).enterpriseId).to.equal(id);
    const again = await call('/trace/events', { token: onboarded.body.token as string, idempotencyKey: key, body: event });
    expect(again.status).to.equal(201);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(again.body.txId).to.equal(written.body.txId);
  });
});
