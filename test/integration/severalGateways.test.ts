import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import { lotIdOf } from '../../model/src';
import { checkpointModel } from '../../gateway/src/projection/models';
import { REPO_ROOT } from '../../network/src/layout';
import { lotRegistration } from './coldchainFixtures';
import { api, configWithDatabase, eventually, gatewayConfig, onboardEnterprise, testAdminToken, traceEvent } from './gatewayClient';
import { expectSameBelow, runProjector, snapshot } from './projectionSnapshots';
import { requireNetwork, uniqueId } from './testNetwork';

const SERVER = path.join(REPO_ROOT, 'dist', 'gateway', 'src', 'server.js');

interface Health {
  ledger: { height: number };
  projection: { projectedHeight: number; role: 'projecting' | 'following' | 'idle'; deadLetters: number };
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** A gateway process of its own on `port`, over the test network's ledger and the given config's store. */
function startGateway(configFile: string, port: number): ChildProcess {
  return spawn(process.execPath, [SERVER], { env: { ...process.env, TRACELEDGER_GATEWAY_CONFIG: configFile, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
}

async function health(port: number): Promise<Health | undefined> {
  try {
    return (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Health;
  } catch {
    return undefined;
  }
}

const showsRecall = async (port: number, lotId: string): Promise<boolean> =>
  (await (await fetch(`http://127.0.0.1:${port}/${lotId}?lang=en`)).text()).includes('data-banner="recalled"');

describe('several gateways on one store', function () {
  this.timeout(600_000);
  const database = `gateways_${Date.now().toString(36)}`;
  const config = configWithDatabase(database);
  const gateways = new Map<number, ChildProcess>();
  let store: mongoose.Connection;

  before(async () => {
    requireNetwork();
    store = await mongoose.createConnection(String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${database}`)).asPromise();
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      gateways.set(port, startGateway(config, port));
    }
  });
  after(async () => {
    for (const child of gateways.values()) child.kill('SIGKILL');
    await store?.dropDatabase();
    await store?.close();
  });

  it('runs one projector under a lease, shows a recall on the other gateway within 2 s, and fails over after kill -9 with nothing skipped', async () => {
    const ports = [...gateways.keys()];
    // Both start over an empty store: one takes the lease and projects the whole ledger, the other follows.
    const roles = await eventually('one gateway projecting, the other following, both caught up', async () => {
      const answers = await Promise.all(ports.map(health));
      if (answers.some((answer) => !answer || answer.projection.projectedHeight < answer.ledger.height - 1)) return undefined;
      const byRole = answers.map((answer) => answer?.projection.role);
      return byRole.filter((role) => role === 'projecting').length === 1 && byRole.includes('following') ? byRole : undefined;
    }, 300_000);
    const leader = ports[roles.indexOf('projecting')];
    const follower = ports[roles.indexOf('following')];

    const importer = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await api('/coldchain/lots', { token: importer.token, idempotencyKey: uniqueId('k'), body: registration })).status).to.equal(201);
    await eventually('the lot on the follower', async () => ((await fetch(`http://127.0.0.1:${follower}/${lotId}?lang=en`)).status === 200 ? true : undefined), 30_000);
    const regulator = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    const hold = await api(`/coldchain/lots/${encodeURIComponent(lotId)}/hold`, { token: regulator.body.token, idempotencyKey: uniqueId('k'), body: { state: 'recalled', reason: 'Listeria in sampling' } });
    expect(hold.status).to.equal(201);
    await eventually('the recall projected by the leader', async () => ((await showsRecall(leader, lotId)) ? true : undefined), 30_000);
    const projected = Date.now();
    await eventually('the recall on the following gateway', async () => ((await showsRecall(follower, lotId)) ? true : undefined), 5_000);
    expect(Date.now() - projected, 'ms from the leader showing the recall to the follower showing it').to.be.below(2_000);

    gateways.get(leader)?.kill('SIGKILL');
    gateways.delete(leader);
    const killed = Date.now();
    await eventually('the other gateway to take over', async () => ((await health(follower))?.projection.role === 'projecting' ? true : undefined), 60_000);
    expect(Date.now() - killed, 'ms until the other gateway projects').to.be.below(30_000);

    // Writes after the failover reach the store through the new leader.
    expect((await api('/trace/events', { token: importer.token, idempotencyKey: uniqueId('k'), body: traceEvent() })).status).to.equal(201);
    const height = (await health(follower))?.ledger.height ?? 0;
    await eventually('the new leader to catch up', async () => {
      const answer = await health(follower);
      return answer && answer.projection.projectedHeight >= height ? true : undefined;
    }, 60_000);
    // Whatever the live projection could not project, neither could these two; nothing else.
    expect((await health(follower))?.projection.deadLetters).to.equal((await api<Health>('/health')).body.projection.deadLetters);

    // The store the two leaders wrote equals a fresh reprojection of the same blocks.
    const fresh = `gateways_fresh_${Date.now().toString(36)}`;
    const rebuilt = await runProjector(configWithDatabase(fresh), ['--reproject']);
    expect(rebuilt.code).to.equal(0);
    const freshStore = await mongoose.createConnection(String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${fresh}`)).asPromise();
    try {
      expect((await checkpointModel(store).findOne().lean())?.nextBlock).to.be.at.least(height);
      expectSameBelow(await snapshot(store), await snapshot(freshStore), height);
    } finally {
      await freshStore.dropDatabase();
      await freshStore.close();
    }
  });
});
