import path from 'node:path';
import { MspIds, ORDERER_MSP_ID } from '../../model/src';

/** Repository root (this file compiles to dist/network/src/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const TOOLS_BIN = path.join(REPO_ROOT, '.tools', 'bin');

export type OrgKey = 'orderer' | 'regulator' | 'supply' | 'equipment';

export interface OrgLayout {
  key: OrgKey;
  /** Organisation name in the channel configuration. */
  name: string;
  mspId: string;
  /** Names of the org's nodes (orderers or peers). */
  nodes: string[];
  caPort: number;
  caOperationsPort: number;
  caHome: string;
  /** The org's MSP folder used in the channel configuration (CA root, TLS root, NodeOU config). */
  mspDir: string;
  cryptoDir: string;
}

export interface NodeLayout {
  org: OrgLayout;
  name: string;
  /** `host:port` clients and other nodes use. */
  address: string;
  port: number;
  operationsPort: number;
  mspDir: string;
  tlsDir: string;
  dataDir: string;
}

export interface OrdererLayout extends NodeLayout {
  adminPort: number;
}

export interface PeerLayout extends NodeLayout {
  chaincodeListenPort: number;
  /** Port of this org's chaincode-as-a-service process. */
  chaincodeServerPort: number;
  /** Go pprof endpoint of the peer, open only with TRACELEDGER_PEER_PPROF=1 (profiling). */
  pprofPort: number;
}

/**
 * Everything that differs between two networks on one machine: the dev network of `npm start` and the
 * one `npm test` starts for itself live side by side, each with its own ports and state folder.
 */
export interface NetworkProfile {
  name: string;
  basePort: number;
}

export const PROFILES: Record<string, NetworkProfile> = {
  dev: { name: 'dev', basePort: 7000 },
  test: { name: 'test', basePort: 17000 },
  bench: { name: 'bench', basePort: 27000 },
  /** The full-volume benchmark's network (`npm run bench:volume`): its state is kept between runs, never wiped by `npm run bench`. */
  volume: { name: 'volume', basePort: 37000 },
};

/**
 * The profile of that name, with its base port moved by TRACELEDGER_BASE_PORT when set (to run a second
 * checkout's test network beside this one).
 */
export function profileNamed(name: string): NetworkProfile {
  const profile = PROFILES[name];
  if (!profile) {
    throw new Error(`unknown network profile ${name}; use one of ${Object.keys(PROFILES).join(', ')}`);
  }
  const basePort = process.env.TRACELEDGER_BASE_PORT ? Number.parseInt(process.env.TRACELEDGER_BASE_PORT, 10) : profile.basePort;
  if (!Number.isInteger(basePort) || basePort < 1024 || basePort > 65000) {
    throw new Error(`TRACELEDGER_BASE_PORT must be a port number between 1024 and 65000`);
  }
  return { ...profile, basePort };
}

export const HOST = '127.0.0.1';

/** Nodes listen on {@link HOST}; clients check their TLS certificates as this name, which they also carry (a TLS server name may not be an IP). */
export const TLS_SERVER_NAME = 'localhost';

/**
 * Ports and folders of one network, all derived from its profile. Port offsets from the base:
 * CAs +0..3 (operations +10..13), orderers +20..22 (admin +25..27, operations +30..32),
 * peers +40..42 (chaincode listener +45..47, operations +50..52), chaincode servers +60..62,
 * FerretDB +70, gateway +80, peer pprof +90..92 (opt-in).
 */
export class NetworkLayout {
  readonly stateDir: string;
  readonly logsDir: string;
  readonly pidsDir: string;
  readonly configDir: string;
  readonly orgs: Record<OrgKey, OrgLayout>;
  readonly orderers: OrdererLayout[];
  readonly peers: PeerLayout[];
  readonly ferretPort: number;
  readonly ferretDataDir: string;
  readonly gatewayPort: number;
  readonly channelBlock: string;
  readonly chaincodeDir: string;

  constructor(readonly profile: NetworkProfile) {
    const base = profile.basePort;
    this.stateDir = path.join(REPO_ROOT, '.state', profile.name);
    this.logsDir = path.join(this.stateDir, 'logs');
    this.pidsDir = path.join(this.stateDir, 'pids');
    this.configDir = path.join(this.stateDir, 'config');
    this.channelBlock = path.join(this.stateDir, 'channel', 'traceledger.block');
    this.chaincodeDir = path.join(this.stateDir, 'chaincode');
    this.ferretPort = base + 70;
    this.ferretDataDir = path.join(this.stateDir, 'ferretdb');
    this.gatewayPort = base + 80;

    const org = (key: OrgKey, index: number, name: string, mspId: string, nodes: string[]): OrgLayout => {
      const cryptoDir = path.join(this.stateDir, 'crypto', key);
      return {
        key,
        name,
        mspId,
        nodes,
        caPort: base + index,
        caOperationsPort: base + 10 + index,
        caHome: path.join(this.stateDir, 'ca', key),
        mspDir: path.join(cryptoDir, 'msp'),
        cryptoDir,
      };
    };
    this.orgs = {
      orderer: org('orderer', 0, 'OrdererOrg', ORDERER_MSP_ID, ['orderer1', 'orderer2', 'orderer3']),
      regulator: org('regulator', 1, 'RegulatorOrg', MspIds.regulator, ['peer0']),
      supply: org('supply', 2, 'SupplyOrg', MspIds.supply, ['peer0']),
      equipment: org('equipment', 3, 'EquipmentOrg', MspIds.equipment, ['peer0']),
    };

    const node = (o: OrgLayout, name: string, port: number, operationsPort: number): NodeLayout => {
      const nodeDir = path.join(o.cryptoDir, 'nodes', name);
      return {
        org: o,
        name,
        address: `${HOST}:${port}`,
        port,
        operationsPort,
        mspDir: path.join(nodeDir, 'msp'),
        tlsDir: path.join(nodeDir, 'tls'),
        dataDir: path.join(this.stateDir, 'data', `${o.key}-${name}`),
      };
    };
    this.orderers = this.orgs.orderer.nodes.map((name, i) => ({
      ...node(this.orgs.orderer, name, base + 20 + i, base + 30 + i),
      adminPort: base + 25 + i,
    }));
    this.peers = (['regulator', 'supply', 'equipment'] as const).map((key, i) => ({
      ...node(this.orgs[key], 'peer0', base + 40 + i, base + 50 + i),
      chaincodeListenPort: base + 45 + i,
      chaincodeServerPort: base + 60 + i,
      pprofPort: base + 90 + i,
    }));
  }

  peerOrgs(): OrgLayout[] {
    return [this.orgs.regulator, this.orgs.supply, this.orgs.equipment];
  }

  peerOf(org: OrgLayout): PeerLayout {
    const peer = this.peers.find((p) => p.org.key === org.key);
    if (!peer) {
      throw new Error(`${org.name} has no peer`);
    }
    return peer;
  }

  /** Folder of an enrolled user identity (MSP + TLS client certificate). */
  userDir(org: OrgLayout, user: string): string {
    return path.join(org.cryptoDir, 'users', user);
  }

  logFile(component: string): string {
    return path.join(this.logsDir, `${component}.log`);
  }
}
