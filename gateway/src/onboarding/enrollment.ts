import fs from 'node:fs';
import path from 'node:path';
import { CertAttributes, describeBoundIdentity, keyFingerprintOf, type BoundIdentity } from '../../../model/src';
import { caEndpoint, enrollIdentity, registerIdentity } from '../../../network/src/ca';
import type { NetworkLayout, OrgKey } from '../../../network/src/layout';
import { describeKeyOwner, sameKeyOwner, type KeyOwner, type KeyVault } from '../auth';
import type { RegistryReader } from '../fabric/registryReader';
import { conflictRequest } from '../http/httpError';

export type Custody = 'custodial' | 'non-custodial';

export interface EnrolledFor {
  mspId: string;
  enrollmentId: string;
  custody: Custody;
  /**
   * Custodial only: the public-key fingerprint of the certificate the gateway enrolled, which the
   * on-chain binding pins. A non-custodial holder pins its own with registry:confirmIdentityKey.
   */
  keyFingerprint?: string;
  /** Non-custodial only: what the enterprise needs to enroll itself with the traceledger client; the secret enrolls once. */
  selfEnrollment?: { enrollmentSecret: string; caUrl: string; caName: string; caTlsCertPem: string };
}

/**
 * Runtime enrollment of new client identities at the org's Fabric CA, with the role and enterprise as
 * certificate attributes chaincode reads; every registration enrolls once. Custodial: the gateway
 * enrolls, seals the private key in the vault with its owner, deletes the plain copy and the used
 * secret, and answers the key's fingerprint for the binding. Non-custodial: the gateway only
 * registers the identity and hands out the one-time secret; the enterprise enrolls, keeps its key
 * itself and pins it on chain.
 */
export class Enrollment {
  constructor(
    private readonly layout: NetworkLayout,
    private readonly vault: KeyVault,
    private readonly workDir: string,
    private readonly registry: RegistryReader,
  ) {}

  /**
   * Refuses (409) an enrollment id that is already someone else's, before anything is written or the
   * CA is asked: bound on chain to another enterprise or to a regulator, or held in the vault for
   * another owner. An identity bound to this very owner passes: that is a retry of the same
   * onboarding, whose ledger steps answer for themselves.
   */
  async requireAvailable(mspId: string, enrollmentId: string, owner: KeyOwner): Promise<void> {
    const bound = await this.registry.boundIdentity(mspId, enrollmentId);
    if (bound && !sameKeyOwner(ownerOfBinding(bound), owner)) {
      throw conflictRequest(`enrollment id ${enrollmentId} at ${mspId} is already bound to ${describeBoundIdentity(bound)}; choose another enrollment id`);
    }
    this.#refuseForeignKey(mspId, enrollmentId, owner);
  }

  async enroll(orgKey: OrgKey, enrollmentId: string, owner: KeyOwner, custody: Custody): Promise<EnrolledFor> {
    const org = this.layout.orgs[orgKey];
    const attributes = certificateAttributesOf(owner);
    this.#refuseForeignKey(org.mspId, enrollmentId, owner);
    if (custody === 'non-custodial') {
      const enrollmentSecret = await atTheCa(org.mspId, enrollmentId, () => registerIdentity(org, enrollmentId, 'client', attributes));
      const ca = caEndpoint(org);
      return { mspId: org.mspId, enrollmentId, custody, selfEnrollment: { enrollmentSecret, caUrl: ca.url, caName: ca.caName, caTlsCertPem: ca.tlsCertPem } };
    }
    if (!this.vault.has(org.mspId, enrollmentId)) {
      const dir = path.join(this.workDir, `${org.key}-${enrollmentId}`);
      // A retry after a failure finds the enrolled files here (enrollIdentity enrolls each id once).
      const identity = await atTheCa(org.mspId, enrollmentId, () => enrollIdentity(org, enrollmentId, 'client', dir, attributes));
      this.vault.store(org.mspId, enrollmentId, fs.readFileSync(identity.certificate, 'utf8'), fs.readFileSync(identity.privateKey, 'utf8'), owner);
      // Sealed: the plain key goes, and with it the folder (the used-up secret is already gone).
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return { mspId: org.mspId, enrollmentId, custody, keyFingerprint: this.#sealedKeyFingerprint(org.mspId, enrollmentId) };
  }

  #sealedKeyFingerprint(mspId: string, enrollmentId: string): string {
    const sealed = this.vault.open(mspId, enrollmentId);
    if (!sealed) {
      throw new Error(`the vault holds no key of ${enrollmentId}@${mspId} right after enrolling it`);
    }
    return keyFingerprintOf(fs.readFileSync(sealed.identity.certificate, 'utf8'));
  }

  orgKeyOf(mspId: string): OrgKey {
    const org = Object.values(this.layout.orgs).find((o) => o.mspId === mspId);
    if (!org) {
      throw new Error(`no organisation has MSP ID ${mspId}`);
    }
    return org.key;
  }

  #refuseForeignKey(mspId: string, enrollmentId: string, owner: KeyOwner): void {
    if (!this.vault.has(mspId, enrollmentId)) return;
    const holder = this.vault.ownerOf(mspId, enrollmentId);
    if (!holder || !sameKeyOwner(holder, owner)) {
      throw conflictRequest(
        `the gateway already holds the key of ${enrollmentId}@${mspId} for ${holder ? describeKeyOwner(holder) : 'an owner it cannot tell'}; choose another enrollment id`,
      );
    }
  }
}

const ownerOfBinding = (bound: BoundIdentity): KeyOwner =>
  bound.kind === 'enterprise' ? { role: 'enterprise', id: bound.enterpriseId } : { role: 'regulator', id: bound.enrollmentId };

/** The certificate attributes chaincode reads: the role, and for an enterprise the credit code it acts for. */
export function certificateAttributesOf(owner: KeyOwner): Record<string, string> {
  return owner.role === 'enterprise'
    ? { [CertAttributes.role]: 'enterprise', [CertAttributes.enterprise]: owner.id }
    : { [CertAttributes.role]: 'regulator' };
}

/**
 * Runs a CA step; the CA's refusal of a name it already registered (for an identity enrolled outside
 * the gateway, e.g. the platform's own) becomes a 409 rather than a 500.
 */
async function atTheCa<T>(mspId: string, enrollmentId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && /is already registered/.test(error.message)) {
      throw conflictRequest(`enrollment id ${enrollmentId} is already registered at the CA of ${mspId}; choose another enrollment id`);
    }
    throw error;
  }
}
