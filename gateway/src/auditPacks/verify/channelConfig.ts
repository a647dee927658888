import { X509Certificate } from 'node:crypto';
import { common, msp } from '@hyperledger/fabric-protos';

/** What the verifier needs of one organisation of the channel, read from the configuration block. */
export interface ChannelOrganisation {
  mspId: string;
  /** `application` (peers) or `orderer`. */
  part: 'application' | 'orderer';
  rootCertificates: X509Certificate[];
  /** The organisational unit that marks a peer certificate (NodeOUs), `peer` by default. */
  peerOu: string;
  /** The org's `Endorsement` policy (a signature policy), when the configuration has one. */
  policies: Map<string, common.Policy>;
}

/** The channel as its configuration block describes it. */
export interface ChannelConfig {
  channel: string;
  organisations: Map<string, ChannelOrganisation>;
  /** The channel's Application policies by name (`Endorsement` is what chaincode definitions refer to by default). */
  applicationPolicies: Map<string, common.Policy>;
}

function policiesOf(group: common.ConfigGroup): Map<string, common.Policy> {
  const policies = new Map<string, common.Policy>();
  group.getPoliciesMap().forEach((value: common.ConfigPolicy, name: string) => {
    const policy = value.getPolicy();
    if (policy) policies.set(name, policy);
  });
  return policies;
}

function organisationOf(group: common.ConfigGroup, part: ChannelOrganisation['part']): ChannelOrganisation | undefined {
  const mspValue = group.getValuesMap().get('MSP');
  if (!mspValue) return undefined;
  const config = msp.FabricMSPConfig.deserializeBinary(msp.MSPConfig.deserializeBinary(mspValue.getValue_asU8()).getConfig_asU8());
  const nodeOus = config.getFabricNodeOus();
  return {
    mspId: config.getName(),
    part,
    rootCertificates: config.getRootCertsList_asU8().map((pem) => new X509Certificate(Buffer.from(pem))),
    peerOu: nodeOus?.getEnable() ? nodeOus.getPeerOuIdentifier()?.getOrganizationalUnitIdentifier() || 'peer' : 'peer',
    policies: policiesOf(group),
  };
}

/**
 * Reads the organisations (MSP ids, root CAs, node OUs, policies) and the Application policies from a
 * configuration block such as the channel's genesis block. Throws on a block that holds no configuration.
 */
export function channelConfigOf(block: common.Block): ChannelConfig {
  const [envelopeBytes] = block.getData()?.getDataList_asU8() ?? [];
  if (!envelopeBytes) throw new Error('the configuration block holds no envelope');
  const payload = common.Payload.deserializeBinary(common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8());
  const channelHeader = common.ChannelHeader.deserializeBinary(payload.getHeader()?.getChannelHeader_asU8() ?? new Uint8Array());
  if (channelHeader.getType() !== common.HeaderType.CONFIG) throw new Error('the block is no configuration block');
  const root = common.ConfigEnvelope.deserializeBinary(payload.getData_asU8()).getConfig()?.getChannelGroup();
  if (!root) throw new Error('the configuration block holds no channel group');
  const organisations = new Map<string, ChannelOrganisation>();
  const application = root.getGroupsMap().get('Application');
  const orderer = root.getGroupsMap().get('Orderer');
  for (const [group, part] of [[application, 'application'], [orderer, 'orderer']] as const) {
    group?.getGroupsMap().forEach((orgGroup: common.ConfigGroup) => {
      const organisation = organisationOf(orgGroup, part);
      if (organisation) organisations.set(organisation.mspId, organisation);
    });
  }
  return { channel: channelHeader.getChannelId(), organisations, applicationPolicies: application ? policiesOf(application) : new Map() };
}
