import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CHAINCODE_NAME, CHANNEL_NAME } from '../../model/src';
import { ordererFlags, peerCli } from './admin';
import { cpuProfileArgs } from './cpuProfile';
import { enrollIdentity, LOCAL_TLS_HOSTS } from './ca';
import { HOST, REPO_ROOT, type NetworkLayout, type PeerLayout } from './layout';
import { CommandError, run, runningPid, sleep, startProcess, stopProcess, waitForPort } from './processes';
import { step } from './progress';

/** Built code whose hash goes into the package label: a code change must go through lifecycle. */
const BUILT_CHAINCODE_DIRS = [path.join(REPO_ROOT, 'dist', 'chaincode'), path.join(REPO_ROOT, 'dist', 'model')];

function hashTree(hash: crypto.Hash, dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      hashTree(hash, full);
    } else if (entry.name.endsWith('.js') || entry.name.endsWith('.json')) {
      hash.update(path.relative(REPO_ROOT, full)).update(fs.readFileSync(full));
    }
  }
}

/** `traceledger_<first 12 hex of the built code's SHA-256>`. */
export function chaincodeLabel(): string {
  const hash = crypto.createHash('sha256');
  for (const dir of BUILT_CHAINCODE_DIRS) {
    if (!fs.existsSync(dir)) {
      throw new Error(`${dir} is missing: run npm run build first`);
    }
    hashTree(hash, dir);
  }
  return `${CHAINCODE_NAME}_${hash.digest('hex').slice(0, 12)}`;
}

interface ChaincodeServerTls {
  serverCert: string;
  serverKey: string;
  caCert: string;
}

function orgChaincodeDir(layout: NetworkLayout, peer: PeerLayout): string {
  return path.join(layout.chaincodeDir, peer.org.key);
}

/**
 * TLS for the peer → chaincode server link: a server certificate for the chaincode process and a
 * client certificate the peer presents, both from the org's CA.
 */
async function chaincodeTls(peer: PeerLayout): Promise<{ server: ChaincodeServerTls; clientCert: string; clientKey: string }> {
  const base = path.join(peer.org.cryptoDir, 'chaincode');
  const server = await enrollIdentity(peer.org, `ccserver.${peer.org.key}`, 'client', path.join(base, 'server'), {}, LOCAL_TLS_HOSTS);
  const client = await enrollIdentity(peer.org, `ccclient.${peer.org.key}`, 'client', path.join(base, 'client'), {}, LOCAL_TLS_HOSTS);
  return {
    server: {
      serverCert: path.join(server.tlsDir, 'server.crt'),
      serverKey: path.join(server.tlsDir, 'server.key'),
      caCert: path.join(server.tlsDir, 'ca.crt'),
    },
    clientCert: path.join(client.tlsDir, 'server.crt'),
    clientKey: path.join(client.tlsDir, 'server.key'),
  };
}

/** Builds the org's ccaas package (metadata.json + code.tar.gz holding connection.json). */
async function packageFor(layout: NetworkLayout, peer: PeerLayout, label: string): Promise<string> {
  const dir = path.join(orgChaincodeDir(layout, peer), label);
  const packageFile = path.join(dir, 'package.tgz');
  if (fs.existsSync(packageFile)) {
    return packageFile;
  }
  const tls = await chaincodeTls(peer);
  const read = (file: string): string => fs.readFileSync(file, 'utf8');
  const work = path.join(dir, 'work');
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(
    path.join(work, 'connection.json'),
    JSON.stringify({
      address: `${HOST}:${peer.chaincodeServerPort}`,
      dial_timeout: '10s',
      tls_required: true,
      client_auth_required: true,
      client_cert: read(tls.clientCert),
      client_key: read(tls.clientKey),
      root_cert: read(tls.server.caCert),
    }),
    { mode: 0o600 },
  );
  fs.writeFileSync(path.join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label }));
  await run('tar', ['-czf', 'code.tar.gz', 'connection.json'], undefined, work);
  await run('tar', ['-czf', packageFile, 'metadata.json', 'code.tar.gz'], undefined, work);
  fs.rmSync(work, { recursive: true, force: true });
  return packageFile;
}

function serverStateFile(layout: NetworkLayout, peer: PeerLayout): string {
  return path.join(orgChaincodeDir(layout, peer), 'server.json');
}

const serverComponent = (peer: PeerLayout): string => `chaincode-${peer.org.key}`;

/**
 * Starts (or restarts, when the package changed) the org's chaincode server: fabric-chaincode-node in
 * server mode serving dist/chaincode, one process per org so that each org endorses with its own.
 */
export async function startChaincodeServer(layout: NetworkLayout, peer: PeerLayout, packageId: string): Promise<void> {
  const stateFile = serverStateFile(layout, peer);
  const component = serverComponent(peer);
  const current = fs.existsSync(stateFile) ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { packageId: string }) : undefined;
  if (runningPid(layout, component) !== undefined) {
    if (current?.packageId === packageId) {
      return;
    }
    await stopProcess(layout, component);
  }
  const tls = await chaincodeTls(peer);
  const proc = startProcess(layout, {
    component,
    command: process.execPath,
    args: [
      ...cpuProfileArgs(component),
      path.join(REPO_ROOT, 'node_modules', 'fabric-shim', 'cli.js'),
      'server',
      '--chaincode-address', `${HOST}:${peer.chaincodeServerPort}`,
      '--chaincode-id', packageId,
      '--module-path', path.join(REPO_ROOT, 'chaincode'),
      '--chaincode-tls-cert-file', tls.server.serverCert,
      '--chaincode-tls-key-file', tls.server.serverKey,
      '--chaincode-tls-client-cacert-file', tls.server.caCert,
    ],
    env: { CORE_CHAINCODE_LOGGING_LEVEL: 'info' },
    cwd: REPO_ROOT,
  });
  fs.writeFileSync(stateFile, JSON.stringify({ packageId }));
  await waitForPort(peer.chaincodeServerPort, `${component} on port ${peer.chaincodeServerPort}`, proc, layout);
}

interface CommittedDefinition {
  sequence: number;
  version: string;
}

async function committedDefinition(layout: NetworkLayout): Promise<CommittedDefinition | undefined> {
  try {
    const output = await peerCli(layout, layout.peers[0], ['lifecycle', 'chaincode', 'querycommitted', '--channelID', CHANNEL_NAME, '--name', CHAINCODE_NAME, '-O', 'json']);
    return JSON.parse(output) as CommittedDefinition;
  } catch (error) {
    if (error instanceof CommandError && /not defined|does not exist|404/.test(error.output)) {
      return undefined;
    }
    throw error;
  }
}

/** Retries an orderer-bound command while Raft is still electing a leader. */
async function withOrdererRetry<T>(what: string, action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      const transient = error instanceof CommandError && /SERVICE_UNAVAILABLE|no Raft leader|connection refused/i.test(error.output);
      if (!transient || attempt >= 20) {
        throw error;
      }
      step('chaincode', `${what}: orderer not ready, retrying`);
      await sleep(1000);
    }
  }
}

async function installPackage(layout: NetworkLayout, peer: PeerLayout, packageFile: string): Promise<string> {
  const packageId = (await peerCli(layout, peer, ['lifecycle', 'chaincode', 'calculatepackageid', packageFile])).trim();
  const installed = JSON.parse(await peerCli(layout, peer, ['lifecycle', 'chaincode', 'queryinstalled', '-O', 'json'])) as {
    installed_chaincodes?: { package_id: string }[];
  };
  if (!installed.installed_chaincodes?.some((c) => c.package_id === packageId)) {
    step('chaincode', `installing ${packageId.slice(0, 40)}… on ${peer.org.name}`);
    await peerCli(layout, peer, ['lifecycle', 'chaincode', 'install', packageFile]);
  }
  return packageId;
}

/**
 * Deploys the built chaincode when its label differs from the committed definition: package per org
 * (each org's package points at its own chaincode server), install, start servers, approve for every
 * org, commit with the next sequence. Does nothing but start servers when already deployed.
 */
export async function deployChaincode(layout: NetworkLayout): Promise<{ label: string; sequence: number; changed: boolean }> {
  const label = chaincodeLabel();
  const committed = await committedDefinition(layout);
  const packageIds = new Map<PeerLayout, string>();
  for (const peer of layout.peers) {
    const packageFile = await packageFor(layout, peer, label);
    const packageId = await installPackage(layout, peer, packageFile);
    packageIds.set(peer, packageId);
    await startChaincodeServer(layout, peer, packageId);
  }
  if (committed?.version === label) {
    return { label, sequence: committed.sequence, changed: false };
  }
  const sequence = (committed?.sequence ?? 0) + 1;
  const definition = ['--channelID', CHANNEL_NAME, '--name', CHAINCODE_NAME, '--version', label, '--sequence', String(sequence)];
  const readiness = JSON.parse(
    await peerCli(layout, layout.peers[0], ['lifecycle', 'chaincode', 'checkcommitreadiness', ...definition, '-O', 'json']),
  ) as { approvals: Record<string, boolean> };
  for (const peer of layout.peers) {
    if (!readiness.approvals[peer.org.mspId]) {
      step('chaincode', `${peer.org.name} approves ${label} (sequence ${sequence})`);
      await withOrdererRetry(`approve for ${peer.org.name}`, () =>
        peerCli(layout, peer, ['lifecycle', 'chaincode', 'approveformyorg', ...ordererFlags(layout), ...definition, '--package-id', packageIds.get(peer) ?? '', '--waitForEvent']),
      );
    }
  }
  step('chaincode', `committing ${label} (sequence ${sequence}) on channel ${CHANNEL_NAME}`);
  const peerFlags = layout.peers.flatMap((peer) => ['--peerAddresses', peer.address, '--tlsRootCertFiles', path.join(peer.tlsDir, 'ca.crt')]);
  await withOrdererRetry('commit', () =>
    peerCli(layout, layout.peers[0], ['lifecycle', 'chaincode', 'commit', ...ordererFlags(layout), ...definition, ...peerFlags, '--waitForEvent']),
  );
  return { label, sequence, changed: true };
}
