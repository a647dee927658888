import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { HOST, REPO_ROOT, type NetworkLayout, type OrdererLayout, type PeerLayout } from './layout';
import { startProcess, waitFor, type ManagedProcess } from './processes';
import { binary, TOOLS_CONFIG_DIR } from './tools';

/** Our own chaincode-as-a-service builder (detect/build/release), see network/ccaas-builder. */
export const CCAAS_BUILDER_DIR = path.join(REPO_ROOT, 'network', 'ccaas-builder');

/**
 * Node configuration: Fabric's default core.yaml/orderer.yaml (copied from the pinned release at tool
 * install) with the few settings that are the same for every node of this network changed here, and
 * everything per node set through environment variables.
 */
export function writeNodeConfig(layout: NetworkLayout): void {
  const peerDir = path.join(layout.configDir, 'peer');
  const ordererDir = path.join(layout.configDir, 'orderer');
  fs.mkdirSync(peerDir, { recursive: true });
  fs.mkdirSync(ordererDir, { recursive: true });

  const core = YAML.parseDocument(fs.readFileSync(path.join(TOOLS_CONFIG_DIR, 'core.yaml'), 'utf8'));
  // No Docker here: chaincode runs as a service reached through the external builder.
  core.setIn(['vm', 'endpoint'], '');
  core.setIn(['chaincode', 'externalBuilders'], [{ name: 'ccaas', path: CCAAS_BUILDER_DIR, propagateEnvironment: ['HOME'] }]);
  // The default (500) throttles the gateway under benchmark load.
  core.setIn(['peer', 'limits', 'concurrency', 'gatewayService'], 5000);
  core.setIn(['ledger', 'history', 'enableHistoryDatabase'], true);
  // Large custody batches (hundreds to 2,000 events, each checked) can run longer than the 30 s
  // defaults on a loaded two-core machine: the chaincode's execution, and the peer gateway's wait for
  // the other org's endorsement. The clients' endorse deadlines (gateway/src/fabric, ledgerClient.ts) are just above.
  core.setIn(['chaincode', 'executetimeout'], '90s');
  core.setIn(['peer', 'gateway', 'endorsementTimeout'], '90s');
  core.setIn(['peer', 'gateway', 'enabled'], true);
  fs.writeFileSync(path.join(peerDir, 'core.yaml'), core.toString());

  fs.copyFileSync(path.join(TOOLS_CONFIG_DIR, 'orderer.yaml'), path.join(ordererDir, 'orderer.yaml'));
}

function tlsFiles(dir: string): { cert: string; key: string; ca: string } {
  return { cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key'), ca: path.join(dir, 'ca.crt') };
}

export function startOrderer(layout: NetworkLayout, orderer: OrdererLayout): ManagedProcess {
  const tls = tlsFiles(orderer.tlsDir);
  fs.mkdirSync(orderer.dataDir, { recursive: true });
  return startProcess(layout, {
    component: `${orderer.name}`,
    command: binary('orderer'),
    args: [],
    env: {
      FABRIC_CFG_PATH: path.join(layout.configDir, 'orderer'),
      FABRIC_LOGGING_SPEC: 'info',
      ORDERER_GENERAL_LISTENADDRESS: HOST,
      ORDERER_GENERAL_LISTENPORT: String(orderer.port),
      ORDERER_GENERAL_LOCALMSPID: orderer.org.mspId,
      ORDERER_GENERAL_LOCALMSPDIR: orderer.mspDir,
      ORDERER_GENERAL_TLS_ENABLED: 'true',
      ORDERER_GENERAL_TLS_CERTIFICATE: tls.cert,
      ORDERER_GENERAL_TLS_PRIVATEKEY: tls.key,
      ORDERER_GENERAL_TLS_ROOTCAS: `[${tls.ca}]`,
      ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE: tls.cert,
      ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY: tls.key,
      ORDERER_GENERAL_CLUSTER_ROOTCAS: `[${tls.ca}]`,
      ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
      ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
      ORDERER_ADMIN_LISTENADDRESS: `${HOST}:${orderer.adminPort}`,
      ORDERER_ADMIN_TLS_ENABLED: 'true',
      ORDERER_ADMIN_TLS_CERTIFICATE: tls.cert,
      ORDERER_ADMIN_TLS_PRIVATEKEY: tls.key,
      ORDERER_ADMIN_TLS_ROOTCAS: `[${tls.ca}]`,
      ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
      ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${tls.ca}]`,
      ORDERER_FILELEDGER_LOCATION: path.join(orderer.dataDir, 'ledger'),
      ORDERER_CONSENSUS_WALDIR: path.join(orderer.dataDir, 'etcdraft', 'wal'),
      ORDERER_CONSENSUS_SNAPDIR: path.join(orderer.dataDir, 'etcdraft', 'snapshot'),
      ORDERER_OPERATIONS_LISTENADDRESS: `${HOST}:${orderer.operationsPort}`,
      ORDERER_METRICS_PROVIDER: 'prometheus',
    },
  });
}

export function startPeer(layout: NetworkLayout, peer: PeerLayout): ManagedProcess {
  const tls = tlsFiles(peer.tlsDir);
  fs.mkdirSync(peer.dataDir, { recursive: true });
  return startProcess(layout, {
    component: `${peer.name}-${peer.org.key}`,
    command: binary('peer'),
    args: ['node', 'start'],
    env: {
      FABRIC_CFG_PATH: path.join(layout.configDir, 'peer'),
      FABRIC_LOGGING_SPEC: 'info:gossip=warning:msp=warning',
      CORE_PEER_ID: `${peer.name}.${peer.org.key}`,
      CORE_PEER_ADDRESS: peer.address,
      CORE_PEER_LISTENADDRESS: peer.address,
      CORE_PEER_CHAINCODEADDRESS: `${HOST}:${peer.chaincodeListenPort}`,
      CORE_PEER_CHAINCODELISTENADDRESS: `${HOST}:${peer.chaincodeListenPort}`,
      CORE_PEER_GOSSIP_BOOTSTRAP: peer.address,
      CORE_PEER_GOSSIP_EXTERNALENDPOINT: peer.address,
      CORE_PEER_LOCALMSPID: peer.org.mspId,
      CORE_PEER_MSPCONFIGPATH: peer.mspDir,
      CORE_PEER_TLS_ENABLED: 'true',
      CORE_PEER_TLS_CERT_FILE: tls.cert,
      CORE_PEER_TLS_KEY_FILE: tls.key,
      CORE_PEER_TLS_ROOTCERT_FILE: tls.ca,
      CORE_PEER_FILESYSTEMPATH: peer.dataDir,
      CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(peer.dataDir, 'snapshots'),
      CORE_OPERATIONS_LISTENADDRESS: `${HOST}:${peer.operationsPort}`,
      CORE_METRICS_PROVIDER: 'prometheus',
      // Opt-in Go profiling (scripts/bench/profileBatches.ts reads it with `go tool pprof`).
      ...(process.env.TRACELEDGER_PEER_PPROF ? { CORE_PEER_PROFILE_ENABLED: 'true', CORE_PEER_PROFILE_LISTENADDRESS: `${HOST}:${peer.pprofPort}` } : {}),
    },
  });
}

/** Waits until a node's operations endpoint reports healthy. */
export async function waitHealthy(layout: NetworkLayout, what: string, operationsPort: number, proc: ManagedProcess): Promise<void> {
  await waitFor(
    `${what} to report healthy`,
    async () => {
      const response = await fetch(`http://${HOST}:${operationsPort}/healthz`);
      return response.ok ? true : undefined;
    },
    { timeoutMs: 60_000, process: proc, layout },
  );
}
