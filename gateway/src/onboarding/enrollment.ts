import fs from 'node:fs';
import path from 'node:path';
import { CertAttributes } from '../../../model/src';
import { caEndpoint, enrollIdentity, registerIdentity } from '../../../network/src/ca';
import type { NetworkLayout, OrgKey } from '../../../network/src/layout';
import type { KeyVault } from '../auth';

export type Custody = 'custodial' | 'non-custodial';

export interface EnrolledFor {
  mspId: string;
  enrollmentId: string;
  custody: Custody;
  /** Non-custodial only: what the enterprise needs to enroll itself with the traceledger client. */
  selfEnrollment?: { enrollmentSecret: string; caUrl: string; caName: string; caTlsCertPem: string };
}

/**
 * Runtime enrollment of new client identities at the org's Fabric CA, with the role and enterprise as
 * certificate attributes chaincode reads. Custodial: the gateway enrolls, seals the private key in
 * the vault and deletes the plain copy. Non-custodial: the gateway only registers the identity and
 * hands out the one-time secret; the enterprise enrolls and keeps its key itself.
 */
export class Enrollment {
  constructor(
    private readonly layout: NetworkLayout,
    private readonly vault: KeyVault,
    private readonly workDir: string,
  ) {}

  async enroll(orgKey: OrgKey, enrollmentId: string, attributes: Record<string, string>, custody: Custody): Promise<EnrolledFor> {
    const org = this.layout.orgs[orgKey];
    if (custody === 'non-custodial') {
      const enrollmentSecret = await registerIdentity(org, enrollmentId, 'client', attributes);
      const ca = caEndpoint(org);
      return { mspId: org.mspId, enrollmentId, custody, selfEnrollment: { enrollmentSecret, caUrl: ca.url, caName: ca.caName, caTlsCertPem: ca.tlsCertPem } };
    }
    if (!this.vault.has(org.mspId, enrollmentId)) {
      const dir = path.join(this.workDir, `${org.key}-${enrollmentId}`);
      const identity = await enrollIdentity(org, enrollmentId, 'client', dir, attributes);
      this.vault.store(org.mspId, enrollmentId, fs.readFileSync(identity.certificate, 'utf8'), fs.readFileSync(identity.privateKey, 'utf8'));
      // The enrollment secret stays (0600) so a failed onboarding can be retried; the key is only sealed.
      fs.rmSync(path.join(dir, 'msp'), { recursive: true, force: true });
      fs.rmSync(path.join(dir, 'tls'), { recursive: true, force: true });
    }
    return { mspId: org.mspId, enrollmentId, custody };
  }

  enterpriseAttributes(enterpriseId: string): Record<string, string> {
    return { [CertAttributes.role]: 'enterprise', [CertAttributes.enterprise]: enterpriseId };
  }

  regulatorAttributes(): Record<string, string> {
    return { [CertAttributes.role]: 'regulator' };
  }

  orgKeyOf(mspId: string): OrgKey {
    const org = Object.values(this.layout.orgs).find((o) => o.mspId === mspId);
    if (!org) {
      throw new Error(`no organisation has MSP ID ${mspId}`);
    }
    return org.key;
  }
}
