import type { Contract } from '@hyperledger/fabric-gateway';
import fs from 'node:fs';
import path from 'node:path';
import { CHAINCODE_NAME, CHANNEL_NAME, usccCheckCharacter, type EnterpriseKind, type EventLocation } from '../../../model/src';
import { connectPeer, openGateway } from '../../../gateway/src/fabric';
import { TLS_SERVER_NAME, type NetworkLayout } from '../../../network/src/layout';
import { registerBenchEnterprise } from '../benchEnterprise';

/** One link of the generated supply chains: an enterprise, where it is, and its open contract. */
export interface ChainEnterprise {
  id: string;
  name: string;
  location: EventLocation;
  contract: Contract;
}

/** The stations of every generated chain: lots move down this list one hop at a time (5 hops). */
const STATIONS: { name: string; kinds: EnterpriseKind[]; location: EventLocation }[] = [
  { name: 'Generated Producer', kinds: ['producer'], location: { address: 'Jinhua meat plant', region: '330701' } },
  { name: 'Generated Port Cold Store', kinds: ['coldStore'], location: { address: 'Beilun port cold store', region: '330206' } },
  { name: 'Generated Cold Store', kinds: ['coldStore'], location: { address: 'Xiaoshan cold store', region: '330109' } },
  { name: 'Generated Wholesaler', kinds: ['wholesaler'], location: { address: 'Shaoxing wholesale market', region: '330602' } },
  { name: 'Generated Distributor', kinds: ['wholesaler'], location: { address: 'Keqiao distribution centre', region: '330603' } },
  { name: 'Generated Retailer', kinds: ['retailer'], location: { address: 'Keqiao supermarket', region: '330603' } },
];

/**
 * Registers (once per network) and binds the chain's enterprises, and opens one gateway connection
 * per enterprise. `close` ends the connections.
 */
export async function chainEnterprises(layout: NetworkLayout): Promise<{ stations: ChainEnterprise[]; close: () => void }> {
  const org = layout.orgs.supply;
  const peer = layout.peers.find((p) => p.org.mspId === org.mspId) ?? layout.peers[0];
  const client = connectPeer({ address: peer.address, tlsRootCert: fs.readFileSync(path.join(peer.tlsDir, 'ca.crt')), tlsServerName: TLS_SERVER_NAME });
  const gateways: { close: () => void }[] = [];
  const stations: ChainEnterprise[] = [];
  for (const [index, station] of STATIONS.entries()) {
    // USCC letters exclude I, O, S, V and Z.
    const first17 = `91330100GENRUN0${String(index).padStart(2, '0')}`;
    const id = first17 + usccCheckCharacter(first17);
    const identity = await registerBenchEnterprise(layout, { first17, name: station.name, kinds: station.kinds, enrollmentId: `gen-station-${index}`, region: station.location.region });
    // Batches of hundreds of events take longer to endorse and commit than single writes.
    const gateway = openGateway(client, identity, { evaluateMs: 30_000, endorseMs: 120_000, submitMs: 60_000, commitStatusMs: 300_000 });
    gateways.push(gateway);
    stations.push({ id, name: station.name, location: station.location, contract: gateway.getNetwork(CHANNEL_NAME).getContract(CHAINCODE_NAME) });
  }
  return {
    stations,
    close: () => {
      for (const gateway of gateways) gateway.close();
      client.close();
    },
  };
}
