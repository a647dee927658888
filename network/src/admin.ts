import path from 'node:path';
import type { NetworkLayout, OrgLayout, PeerLayout } from './layout';
import { run } from './processes';
import { binary } from './tools';

/**
 * Org administrator actions through Fabric's own command-line tools (`peer`, `osnadmin`), acting with
 * the org's admin identity enrolled at start-up.
 */

export const ADMIN_USER = 'admin';

export function adminDir(layout: NetworkLayout, org: OrgLayout): string {
  return layout.userDir(org, ADMIN_USER);
}

/** Environment for `peer` CLI calls made by an org's admin against the org's peer. */
export function peerCliEnv(layout: NetworkLayout, peer: PeerLayout): NodeJS.ProcessEnv {
  const admin = adminDir(layout, peer.org);
  return {
    FABRIC_CFG_PATH: path.join(layout.configDir, 'peer'),
    FABRIC_LOGGING_SPEC: 'warning',
    CORE_PEER_LOCALMSPID: peer.org.mspId,
    CORE_PEER_MSPCONFIGPATH: path.join(admin, 'msp'),
    CORE_PEER_ADDRESS: peer.address,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: path.join(peer.tlsDir, 'ca.crt'),
    CORE_PEER_TLS_CLIENTCERT_FILE: path.join(admin, 'tls', 'server.crt'),
    CORE_PEER_TLS_CLIENTKEY_FILE: path.join(admin, 'tls', 'server.key'),
  };
}

export function peerCli(layout: NetworkLayout, peer: PeerLayout, args: string[]): Promise<string> {
  return run(binary('peer'), args, peerCliEnv(layout, peer));
}

/** Flags that point a `peer` command at the first orderer over TLS. */
export function ordererFlags(layout: NetworkLayout): string[] {
  const orderer = layout.orderers[0];
  return ['-o', orderer.address, '--tls', '--cafile', path.join(orderer.tlsDir, 'ca.crt')];
}

export function osnadmin(layout: NetworkLayout, ordererIndex: number, args: string[]): Promise<string> {
  const orderer = layout.orderers[ordererIndex];
  const admin = adminDir(layout, layout.orgs.orderer);
  return run(binary('osnadmin'), [
    ...args,
    '-o', `127.0.0.1:${orderer.adminPort}`,
    '--ca-file', path.join(orderer.tlsDir, 'ca.crt'),
    '--client-cert', path.join(admin, 'tls', 'server.crt'),
    '--client-key', path.join(admin, 'tls', 'server.key'),
  ]);
}

