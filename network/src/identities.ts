import path from 'node:path';
import { CertAttributes } from '../../model/src';
import { ADMIN_USER } from './admin';
import { enrollIdentity, enrollNode, LOCAL_TLS_HOSTS, writeOrgMsp, type EnrolledIdentity } from './ca';
import type { NetworkLayout, OrgLayout } from './layout';

/**
 * The identities every network needs from its first start: node identities, one admin per org (the
 * RegulatorOrg admin is also the platform admin who onboards enterprises), and the gateway's own
 * read identity.
 */
export async function enrollBaseIdentities(layout: NetworkLayout): Promise<void> {
  await Promise.all(
    Object.values(layout.orgs).map(async (org) => {
      writeOrgMsp(org);
      const adminAttributes: Record<string, string> = org.key === 'regulator' ? { [CertAttributes.role]: 'admin' } : {};
      // Admins need a TLS client certificate: the orderers' admin endpoint and the peer CLI use mutual TLS.
      await enrollIdentity(org, `${ADMIN_USER}.${org.key}`, 'admin', layout.userDir(org, ADMIN_USER), adminAttributes, LOCAL_TLS_HOSTS);
    }),
  );
  for (const orderer of layout.orderers) {
    await enrollNode(orderer, 'orderer');
  }
  for (const peer of layout.peers) {
    await enrollNode(peer, 'peer');
  }
  await gatewayIdentity(layout);
  await intakeIdentity(layout);
}

/** The gateway's public intake identity: files consumer complaints (`tl.role=intake`). */
export function intakeIdentity(layout: NetworkLayout): Promise<EnrolledIdentity> {
  const org = layout.orgs.regulator;
  return enrollIdentity(org, 'intake.regulator', 'client', layout.userDir(org, 'intake'), { [CertAttributes.role]: 'intake' });
}

/**
 * The gateway's own RegulatorOrg read identity (`tl.role=reader`): chaincode reads answer it whole,
 * since the gateway projects every block anyway and cuts each answer to its own caller's audience.
 * (Named `reader`, not the `gateway` of earlier networks, whose certificate had no role: a network
 * started before enrolls this one on its next start.)
 */
export function gatewayIdentity(layout: NetworkLayout): Promise<EnrolledIdentity> {
  const org = layout.orgs.regulator;
  return enrollIdentity(org, 'reader.regulator', 'client', layout.userDir(org, 'reader'), { [CertAttributes.role]: 'reader' });
}

export function platformAdmin(layout: NetworkLayout): Promise<EnrolledIdentity> {
  const org = layout.orgs.regulator;
  return enrollIdentity(org, `${ADMIN_USER}.${org.key}`, 'admin', layout.userDir(org, ADMIN_USER), { [CertAttributes.role]: 'admin' }, LOCAL_TLS_HOSTS);
}

/**
 * Enrolls a client identity that acts for an enterprise: `tl.role=enterprise` and
 * `tl.enterprise=<USCC>` in its certificate. Binding it on chain is a separate, admin-only step.
 */
export function enrollEnterpriseIdentity(
  org: OrgLayout,
  enrollmentId: string,
  enterpriseId: string,
): Promise<EnrolledIdentity> {
  return enrollIdentity(org, enrollmentId, 'client', path.join(org.cryptoDir, 'users', enrollmentId), {
    [CertAttributes.role]: 'enterprise',
    [CertAttributes.enterprise]: enterpriseId,
  });
}
