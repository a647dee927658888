import type { Contract } from '@hyperledger/fabric-gateway';
import fs from 'node:fs';
import path from 'node:path';
import { CHAINCODE_NAME, CHANNEL_NAME } from '../../model/src';
import { connectPeer, openGateway } from '../../gateway/src/fabric';
import type { EnrolledIdentity } from './ca';
import type { NetworkLayout } from './layout';

/**
 * Runs `action` with the traceledger contract as one client identity, connected to the peer of the
 * identity's own organisation (each org submits through its own peer gateway).
 */
export async function withContract<T>(layout: NetworkLayout, identity: EnrolledIdentity, action: (contract: Contract) => Promise<T>): Promise<T> {
  const peer = layout.peers.find((p) => p.org.mspId === identity.mspId) ?? layout.peers[0];
  const client = connectPeer({ address: peer.address, tlsRootCert: fs.readFileSync(path.join(peer.tlsDir, 'ca.crt')) });
  const gateway = openGateway(client, identity);
  try {
    return await action(gateway.getNetwork(CHANNEL_NAME).getContract(CHAINCODE_NAME));
  } finally {
    gateway.close();
    client.close();
  }
}
