import fs from 'node:fs';
import path from 'node:path';
import { startCa } from './ca';
import { deployChaincode } from './chaincode';
import { cpuProfileArgs } from './cpuProfile';
import { ensureChannel } from './channel';
import { writeGatewayConfig } from './gatewayConfig';
import { enrollBaseIdentities, gatewayIdentity, intakeIdentity, platformAdmin } from './identities';
import { withContract } from './ledgerClient';
import { HOST, REPO_ROOT, type NetworkLayout } from './layout';
import { startOrderer, startPeer, waitHealthy, writeNodeConfig } from './nodes';
import { isPortOpen, knownComponents, runningPid, startProcess, stopProcess, waitFor, waitForPort, type ManagedProcess } from './processes';
import { step } from './progress';
import { binary, installTools } from './tools';

export interface Component {
  component: string;
  address: string;
  logFile: string;
}

export interface NetworkUpOptions {
  /** Start FerretDB (skipped when MONGODB_URI points at another MongoDB). */
  store: boolean;
  /** Start the Express gateway. */
  gateway: boolean;
}

/**
 * Whether a component must be started: not when our own copy already runs; refused with a way out when
 * its port is held by another program.
 */
async function needsStart(layout: NetworkLayout, component: string, port: number): Promise<boolean> {
  if (runningPid(layout, component) !== undefined) {
    return false;
  }
  if (await isPortOpen(port)) {
    throw new Error(
      `port ${port} (for ${component}) is in use by another program. Stop that program, or if it is a leftover of this network run \`npm stop\` (or \`npm run reset\` to start over).`,
    );
  }
  return true;
}

export function storeUri(layout: NetworkLayout): string {
  return process.env.MONGODB_URI ?? `mongodb://${HOST}:${layout.ferretPort}/traceledger`;
}

/**
 * Brings the whole network up, doing only what is not done yet: tools, CAs and identities, orderers,
 * peers, channel, chaincode, read store, gateway. Safe to run again on a running network.
 */
export async function networkUp(layout: NetworkLayout, options: NetworkUpOptions): Promise<Component[]> {
  await installTools();
  fs.mkdirSync(layout.stateDir, { recursive: true });
  writeNodeConfig(layout);

  step('ca', 'starting one Fabric CA per organisation');
  await Promise.all(
    Object.values(layout.orgs).map(async (org) => {
      if (await needsStart(layout, `ca-${org.key}`, org.caPort)) {
        await startCa(layout, org);
      }
    }),
  );
  step('identity', 'enrolling node, admin and gateway identities (first start only)');
  await enrollBaseIdentities(layout);

  step('orderer', `starting ${layout.orderers.length} Raft orderers and ${layout.peers.length} peers`);
  const nodes: { what: string; port: number; proc: ManagedProcess }[] = [];
  for (const orderer of layout.orderers) {
    if (await needsStart(layout, orderer.name, orderer.port)) {
      nodes.push({ what: orderer.name, port: orderer.operationsPort, proc: startOrderer(layout, orderer) });
    }
  }
  for (const peer of layout.peers) {
    if (await needsStart(layout, `${peer.name}-${peer.org.key}`, peer.port)) {
      nodes.push({ what: `${peer.org.name} peer`, port: peer.operationsPort, proc: startPeer(layout, peer) });
    }
  }
  let storeProc: ManagedProcess | undefined;
  if (options.store && !process.env.MONGODB_URI && (await needsStart(layout, 'ferretdb', layout.ferretPort))) {
    storeProc = startFerretDb(layout);
  }
  await Promise.all(nodes.map((node) => waitHealthy(layout, node.what, node.port, node.proc)));

  await ensureChannel(layout);

  step('chaincode', 'checking the chaincode definition against the built code');
  const deployment = await deployChaincode(layout);
  step('chaincode', `${deployment.label} at sequence ${deployment.sequence}${deployment.changed ? ' (newly committed)' : ' (already committed)'}`);
  await waitUntilEndorsable(layout);

  if (storeProc) {
    await waitForPort(layout.ferretPort, 'FerretDB', storeProc, layout);
  }
  if (options.gateway) {
    await startGateway(layout);
  }
  return components(layout, options);
}

function startFerretDb(layout: NetworkLayout): ManagedProcess {
  fs.mkdirSync(layout.ferretDataDir, { recursive: true });
  step('store', `starting FerretDB (SQLite in ${path.relative(REPO_ROOT, layout.ferretDataDir)})`);
  return startProcess(layout, {
    component: 'ferretdb',
    command: binary('ferretdb'),
    args: ['-listen-addr', `${HOST}:${layout.ferretPort}`, '-sqlite-url', `file:${layout.ferretDataDir}/`, '-log-level', 'warn'],
  });
}

/**
 * Right after a definition is committed, or after a restart, a peer gateway may still refuse to plan
 * endorsements until its discovery catches up — each peer on its own schedule. Every organisation's
 * clients submit through their own peer, so a submitted read-only probe goes through each peer in turn.
 */
export async function waitUntilEndorsable(layout: NetworkLayout): Promise<void> {
  const admin = await platformAdmin(layout);
  for (const peer of layout.peers) {
    await withContract(layout, admin, (contract) =>
      waitFor(`${peer.name} to plan and submit a probe transaction across organisations`, async () => {
        await contract.submitTransaction('registry:whoAmI');
        return true;
      }, { timeoutMs: 90_000, intervalMs: 1000 }),
    peer);
  }
  step('chaincode', 'probe transaction endorsed by a majority of organisations and committed through every peer');
}

async function startGateway(layout: NetworkLayout): Promise<void> {
  const configFile = writeGatewayConfig(
    layout,
    { reader: await gatewayIdentity(layout), platformAdmin: await platformAdmin(layout), intake: await intakeIdentity(layout) },
    storeUri(layout),
  );
  if (await needsStart(layout, 'gateway', layout.gatewayPort)) {
    step('gateway', 'starting the Express gateway');
    const proc = startProcess(layout, {
      component: 'gateway',
      command: process.execPath,
      args: [...cpuProfileArgs('gateway'), path.join(REPO_ROOT, 'dist', 'gateway', 'src', 'server.js')],
      env: { TRACELEDGER_GATEWAY_CONFIG: configFile },
      cwd: REPO_ROOT,
    });
    await waitFor('the gateway health route', async () => {
      const response = await fetch(`http://${HOST}:${layout.gatewayPort}/health`);
      return response.ok ? true : undefined;
    }, { timeoutMs: 30_000, process: proc, layout });
  }
}

export function components(layout: NetworkLayout, options: NetworkUpOptions): Component[] {
  const list: Component[] = [];
  for (const org of Object.values(layout.orgs)) {
    list.push({ component: `ca-${org.key}`, address: `https://${HOST}:${org.caPort}`, logFile: layout.logFile(`ca-${org.key}`) });
  }
  for (const orderer of layout.orderers) {
    list.push({ component: orderer.name, address: `grpcs://${orderer.address} (admin :${orderer.adminPort})`, logFile: layout.logFile(orderer.name) });
  }
  for (const peer of layout.peers) {
    const name = `${peer.name}-${peer.org.key}`;
    list.push({ component: name, address: `grpcs://${peer.address}`, logFile: layout.logFile(name) });
    list.push({ component: `chaincode-${peer.org.key}`, address: `grpcs://${HOST}:${peer.chaincodeServerPort}`, logFile: layout.logFile(`chaincode-${peer.org.key}`) });
  }
  if (options.store && !process.env.MONGODB_URI) {
    list.push({ component: 'ferretdb', address: storeUri(layout), logFile: layout.logFile('ferretdb') });
  }
  if (options.gateway) {
    list.push({ component: 'gateway', address: `http://${HOST}:${layout.gatewayPort}`, logFile: layout.logFile('gateway') });
  }
  return list;
}

/** Stops every process this network started, newest first. */
export async function networkDown(layout: NetworkLayout): Promise<string[]> {
  const stopped: string[] = [];
  for (const component of knownComponents(layout).reverse()) {
    if (await stopProcess(layout, component)) {
      stopped.push(component);
    }
  }
  return stopped;
}

export async function networkReset(layout: NetworkLayout): Promise<void> {
  await networkDown(layout);
  fs.rmSync(layout.stateDir, { recursive: true, force: true });
}
