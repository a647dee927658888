import fs from 'node:fs';
import path from 'node:path';
import { CHAINCODE_NAME, CHANNEL_NAME } from '../../model/src';
import { caRegistrar, type EnrolledIdentity } from './ca';
import { HOST, TLS_SERVER_NAME, type NetworkLayout } from './layout';
import { binary } from './tools';

export function gatewayConfigFile(layout: NetworkLayout): string {
  return path.join(layout.stateDir, 'gateway.json');
}

export function gatewayDataDir(layout: NetworkLayout): string {
  return path.join(layout.stateDir, 'gateway');
}

/** The identities the gateway acts with, enrolled when the network first started. */
export interface GatewayIdentities {
  reader: EnrolledIdentity;
  platformAdmin: EnrolledIdentity;
  intake: EnrolledIdentity;
}

/**
 * Writes the gateway's configuration file for this network: peers, CAs and their registrars, channel,
 * chaincode, store and the gateway's own identities — all a gateway needs to run against it, without
 * knowing how it was started (the gateway reads the file, never this code). Its shape is
 * `GatewayConfigSchema` in gateway/src/config.ts.
 */
export function writeGatewayConfig(layout: NetworkLayout, identities: GatewayIdentities, mongoUri: string): string {
  const files = (identity: EnrolledIdentity) => ({
    mspId: identity.mspId,
    enrollmentId: identity.enrollmentId,
    certificate: identity.certificate,
    privateKey: identity.privateKey,
  });
  const config = {
    port: layout.gatewayPort,
    host: HOST,
    mongoUri,
    channel: CHANNEL_NAME,
    chaincode: CHAINCODE_NAME,
    profile: layout.profile.name,
    dataDir: gatewayDataDir(layout),
    peers: Object.fromEntries(
      layout.peers.map((peer) => [peer.org.mspId, { address: peer.address, tlsRootCert: path.join(peer.tlsDir, 'ca.crt'), tlsServerName: TLS_SERVER_NAME }]),
    ),
    certificateAuthorities: Object.fromEntries(
      layout.peerOrgs().map((org) => [org.key, { mspId: org.mspId, ...caRegistrar(org) }]),
    ),
    fabricCaClient: binary('fabric-ca-client'),
    reader: files(identities.reader),
    platformAdmin: files(identities.platformAdmin),
    intake: files(identities.intake),
  };
  const file = gatewayConfigFile(layout);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
