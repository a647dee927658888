import { common, msp, peer } from '@hyperledger/fabric-protos';
import type { ChannelConfig } from './channelConfig';
import { organisationalUnits, type SignerIdentity } from './certificates';

/** An endorser whose signature held and whose certificate chains to its organisation's root. */
export type VerifiedEndorser = SignerIdentity;

const Role = msp.MSPRole.MSPRoleType;

function satisfiesRole(endorser: VerifiedEndorser, role: msp.MSPRole, config: ChannelConfig): boolean {
  if (endorser.mspId !== role.getMspIdentifier()) return false;
  const units = organisationalUnits(endorser.certificate);
  const org = config.organisations.get(endorser.mspId);
  switch (role.getRole()) {
    case Role.MEMBER:
      return true;
    case Role.PEER:
      return units.includes(org?.peerOu ?? 'peer');
    case Role.CLIENT:
      return units.includes('client');
    case Role.ADMIN:
      return units.includes('admin');
    case Role.ORDERER:
      return units.includes('orderer');
    default:
      return false;
  }
}

/**
 * Evaluates a signature policy as Fabric does: each signer satisfies at most one principal, NOutOf
 * counts satisfied sub-rules. Only ROLE principals are understood (what this network's policies use).
 */
function signaturePolicyHolds(envelope: common.SignaturePolicyEnvelope, endorsers: readonly VerifiedEndorser[], config: ChannelConfig): boolean {
  const principals = envelope.getIdentitiesList().map((principal) =>
    principal.getPrincipalClassification() === msp.MSPPrincipal.Classification.ROLE ? msp.MSPRole.deserializeBinary(principal.getPrincipal_asU8()) : undefined,
  );
  const used = new Set<number>();
  const holds = (rule: common.SignaturePolicy): boolean => {
    if (rule.hasSignedBy()) {
      const role = principals[rule.getSignedBy()];
      if (!role) return false;
      const index = endorsers.findIndex((endorser, i) => !used.has(i) && satisfiesRole(endorser, role, config));
      if (index < 0) return false;
      used.add(index);
      return true;
    }
    const nOutOf = rule.getNOutOf();
    if (!nOutOf) return false;
    let satisfied = 0;
    for (const sub of nOutOf.getRulesList()) if (holds(sub)) satisfied++;
    return satisfied >= nOutOf.getN();
  };
  const rule = envelope.getRule();
  return rule ? holds(rule) : false;
}

/** Whether a channel policy (signature or implicit meta over the organisations' sub-policies) is met. */
export function channelPolicyHolds(policy: common.Policy, endorsers: readonly VerifiedEndorser[], config: ChannelConfig): boolean {
  if (policy.getType() === common.Policy.PolicyType.SIGNATURE) {
    return signaturePolicyHolds(common.SignaturePolicyEnvelope.deserializeBinary(policy.getValue_asU8()), endorsers, config);
  }
  if (policy.getType() !== common.Policy.PolicyType.IMPLICIT_META) return false;
  const meta = common.ImplicitMetaPolicy.deserializeBinary(policy.getValue_asU8());
  const orgs = [...config.organisations.values()].filter((org) => org.part === 'application');
  const met = orgs.filter((org) => {
    const sub = org.policies.get(meta.getSubPolicy());
    return sub !== undefined && channelPolicyHolds(sub, endorsers, config);
  }).length;
  const rule = meta.getRule();
  if (rule === common.ImplicitMetaPolicy.Rule.ANY) return met >= 1;
  if (rule === common.ImplicitMetaPolicy.Rule.ALL) return met === orgs.length;
  return met > Math.floor(orgs.length / 2);
}

/**
 * The policy a chaincode definition's validation parameter names: its own signature policy, or a
 * reference such as `/Channel/Application/Endorsement` into the channel configuration.
 */
export function definitionPolicy(validationParameter: Uint8Array, config: ChannelConfig): common.Policy | string {
  const application = peer.ApplicationPolicy.deserializeBinary(validationParameter);
  const signature = application.getSignaturePolicy();
  if (signature) {
    const policy = new common.Policy();
    policy.setType(common.Policy.PolicyType.SIGNATURE);
    policy.setValue(signature.serializeBinary());
    return policy;
  }
  const reference = application.getChannelConfigPolicyReference();
  const name = reference.replace(/^\/Channel\/Application\//, '');
  return config.applicationPolicies.get(name) ?? `the chaincode definition refers to policy ${reference}, which the channel configuration does not hold`;
}
