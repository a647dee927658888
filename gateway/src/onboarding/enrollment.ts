import fs from 'node:fs';
import path from 'node:path';
import { CertAttributes, describeBoundIdentity, keyFingerprintOf, type BoundIdentity } from '../../../model/src';
import { describeKeyOwner, sameKeyOwner, type KeyOwner, type KeyVault } from '../auth';
import type { RegistryReader } from '../fabric/registryReader';
import { Refusal } from '../refusal';
import type { CertificateAuthority } from './certificateAuthority';

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
  /**
   * @param authorities each org's CA, by the org's name in the configuration (`regulator`, `supply`, …)
   */
  constructor(
    private readonly authorities: Record<string, CertificateAuthority>,
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
      throw new Refusal('CONFLICT', `enrollment id ${enrollmentId} at ${mspId} is already bound to ${describeBoundIdentity(bound)}; choose another enrollment id`);
    }
    this.#refuseForeignKey(mspId, enrollmentId, owner);
  }

  /** Enrolls at the CA of the org named `orgName` in the configuration (see {@link orgKeyOf}). */
  async enroll(orgName: string, enrollmentId: string, owner: KeyOwner, custody: Custody): Promise<EnrolledFor> {
    const ca = this.authorities[orgName];
    if (!ca) {
      throw new Error(`no certificate authority is configured for organisation ${orgName}`);
    }
    const mspId = ca.mspId;
    const attributes = certificateAttributesOf(owner);
    this.#refuseForeignKey(mspId, enrollmentId, owner);
    if (custody === 'non-custodial') {
      const enrollmentSecret = await atTheCa(mspId, enrollmentId, () => ca.registerClient(enrollmentId, attributes));
      const endpoint = ca.endpoint();
      return { mspId, enrollmentId, custody, selfEnrollment: { enrollmentSecret, caUrl: endpoint.url, caName: endpoint.caName, caTlsCertPem: endpoint.tlsCertPem } };
    }
    if (!this.vault.has(mspId, enrollmentId)) {
      const dir = path.join(this.workDir, `${orgName}-${enrollmentId}`);
      // A retry after a failure finds the enrolled files here (each id enrolls once).
      const identity = await atTheCa(mspId, enrollmentId, () => ca.enrollClient(enrollmentId, dir, attributes));
      this.vault.store(mspId, enrollmentId, fs.readFileSync(identity.certificate, 'utf8'), fs.readFileSync(identity.privateKey, 'utf8'), owner);
      // Sealed: the plain key goes, and with it the folder (the used-up secret is already gone).
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return { mspId, enrollmentId, custody, keyFingerprint: this.#sealedKeyFingerprint(mspId, enrollmentId) };
  }

  #sealedKeyFingerprint(mspId: string, enrollmentId: string): string {
    const sealed = this.vault.open(mspId, enrollmentId);
    if (!sealed) {
      throw new Error(`the vault holds no key of ${enrollmentId}@${mspId} right after enrolling it`);
    }
    return keyFingerprintOf(fs.readFileSync(sealed.identity.certificate, 'utf8'));
  }

  /** The configuration's name of the org with this MSP id, whose CA enrolls its identities. */
  orgKeyOf(mspId: string): string {
    const found = Object.entries(this.authorities).find(([, ca]) => ca.mspId === mspId);
    if (!found) {
      throw new Error(`no organisation has MSP ID ${mspId}`);
    }
    return found[0];
  }

  #refuseForeignKey(mspId: string, enrollmentId: string, owner: KeyOwner): void {
    if (!this.vault.has(mspId, enrollmentId)) return;
    const holder = this.vault.ownerOf(mspId, enrollmentId);
    if (!holder || !sameKeyOwner(holder, owner)) {
      throw new Refusal(
        'CONFLICT',
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
 * the gateway, e.g. the platform's own) becomes a CONFLICT refusal rather than an internal error.
 */
async function atTheCa<T>(mspId: string, enrollmentId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && /is already registered/.test(error.message)) {
      throw new Refusal('CONFLICT', `enrollment id ${enrollmentId} is already registered at the CA of ${mspId}; choose another enrollment id`);
    }
    throw error;
  }
}
