import crypto, { type X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { ChannelConfig } from './channelConfig';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in 64 lower-case hex digits');

/**
 * What a verifier trusts, obtained apart from the pack (printed by `GET /audit-packs/trust-anchor` or
 * `npm run trust-anchor`, published by the platform): the channel's genesis-block hash, or the
 * SHA-256 fingerprints of each organisation's root CA certificates (DER), or both.
 */
export const TrustAnchorSchema = z
  .object({
    channel: z.string().optional(),
    genesisBlockHash: Sha256Hex.optional(),
    organisations: z.record(z.string(), z.object({ rootCertificates: z.array(Sha256Hex).min(1) })).optional(),
  })
  .refine((anchor) => anchor.genesisBlockHash !== undefined || anchor.organisations !== undefined, { message: 'give genesisBlockHash or organisations' });

export type TrustAnchor = z.infer<typeof TrustAnchorSchema>;

/** SHA-256 of a certificate's DER, as trust anchors list root CAs. */
export const certificateFingerprint = (certificate: X509Certificate): string => crypto.createHash('sha256').update(certificate.raw).digest('hex');

/** The trust anchor of a channel configuration: its genesis block's hash and every organisation's root CA fingerprints. */
export function trustAnchorOf(config: ChannelConfig, genesisBlockHash: string): TrustAnchor {
  const organisations = Object.fromEntries(
    [...config.organisations.values()].sort((a, b) => a.mspId.localeCompare(b.mspId)).map((org) => [org.mspId, { rootCertificates: org.rootCertificates.map(certificateFingerprint) }]),
  );
  return { channel: config.channel, genesisBlockHash, organisations };
}

/**
 * Why the pack's channel configuration (its genesis block) is not the one the anchor names: another
 * genesis hash, an organisation missing on either side, or a root CA the anchor does not list.
 */
export function configReasonsAgainst(anchor: TrustAnchor, config: ChannelConfig, genesisBlockHash: string): string[] {
  const reasons: string[] = [];
  if (anchor.channel !== undefined && anchor.channel !== config.channel) reasons.push(`channel: the pack is of channel ${config.channel}, the trust anchor of ${anchor.channel}`);
  if (anchor.genesisBlockHash !== undefined && anchor.genesisBlockHash !== genesisBlockHash) {
    reasons.push(`channel/genesis.block: its hash ${genesisBlockHash} is not the trusted genesis-block hash ${anchor.genesisBlockHash}`);
  }
  if (anchor.organisations !== undefined) {
    for (const org of config.organisations.values()) {
      const trusted = new Set(anchor.organisations[org.mspId]?.rootCertificates ?? []);
      for (const root of org.rootCertificates) {
        if (!trusted.has(certificateFingerprint(root))) reasons.push(`channel/genesis.block: root CA ${certificateFingerprint(root)} of ${org.mspId} is not in the trust anchor`);
      }
    }
    for (const mspId of Object.keys(anchor.organisations)) {
      if (!config.organisations.has(mspId)) reasons.push(`channel/genesis.block: organisation ${mspId} of the trust anchor is not in the channel configuration`);
    }
  }
  return reasons;
}
