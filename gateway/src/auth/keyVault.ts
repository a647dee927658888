import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CertAttributes, MspIds } from '../../../model/src';
import type { ClientIdentity } from '../fabric';
import { fabricAttributesOf } from './certificateAttributes';
import type { KeyOwner } from './keyOwner';

const KeyOwnerSchema = z.object({ role: z.enum(['enterprise', 'regulator']), id: z.string().min(1) });

const SealedKeySchema = z.object({
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
  /** Absent in entries sealed before owners were recorded: see {@link ownerInCertificate}. */
  owner: KeyOwnerSchema.optional(),
});

type SealedKey = z.infer<typeof SealedKeySchema>;

/** A vault entry opened: the identity to sign with and whose it is (undefined: nobody's the gateway can tell). */
export interface OpenedKey {
  identity: ClientIdentity;
  owner: KeyOwner | undefined;
}

/**
 * Custodial keys: each enterprise's or regulator's Fabric private key, encrypted at rest with
 * AES-256-GCM under a master key that is generated at first start; every file is mode 0600. Each entry
 * records its owner, and the owner is part of the authenticated data, so an entry cannot be handed to
 * another principal by editing its file. The vault never holds keys of non-custodial enterprises, so
 * the gateway cannot sign for them.
 */
export class KeyVault {
  readonly #masterKey: Buffer;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const masterFile = path.join(dir, 'master.key');
    if (!fs.existsSync(masterFile)) {
      fs.writeFileSync(masterFile, crypto.randomBytes(32), { mode: 0o600 });
    }
    this.#masterKey = fs.readFileSync(masterFile);
  }

  #folder(mspId: string, enrollmentId: string): string {
    return path.join(this.dir, mspId, enrollmentId);
  }

  store(mspId: string, enrollmentId: string, certificatePem: string, privateKeyPem: string, owner: KeyOwner): void {
    const folder = this.#folder(mspId, enrollmentId);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#masterKey, iv);
    cipher.setAAD(associatedData(mspId, enrollmentId, owner));
    const ciphertext = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
    const sealed: SealedKey = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64'), owner };
    fs.writeFileSync(path.join(folder, 'key.sealed.json'), JSON.stringify(sealed), { mode: 0o600 });
    fs.writeFileSync(path.join(folder, 'cert.pem'), certificatePem, { mode: 0o600 });
  }

  has(mspId: string, enrollmentId: string): boolean {
    return fs.existsSync(path.join(this.#folder(mspId, enrollmentId), 'key.sealed.json'));
  }

  /** Whose key the vault holds for this identity; undefined when it holds none or cannot tell whose. */
  ownerOf(mspId: string, enrollmentId: string): KeyOwner | undefined {
    const sealed = this.#read(mspId, enrollmentId);
    return sealed ? this.#ownerOf(mspId, enrollmentId, sealed) : undefined;
  }

  /** The identity with its decrypted key and its owner, or undefined when the vault holds none for it. */
  open(mspId: string, enrollmentId: string): OpenedKey | undefined {
    const sealed = this.#read(mspId, enrollmentId);
    if (!sealed) {
      return undefined;
    }
    const folder = this.#folder(mspId, enrollmentId);
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#masterKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(associatedData(mspId, enrollmentId, sealed.owner));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const privateKeyPem = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    return {
      identity: { mspId, enrollmentId, certificate: path.join(folder, 'cert.pem'), privateKey: path.join(folder, 'key.sealed.json'), privateKeyPem },
      owner: this.#ownerOf(mspId, enrollmentId, sealed),
    };
  }

  #read(mspId: string, enrollmentId: string): SealedKey | undefined {
    const sealedFile = path.join(this.#folder(mspId, enrollmentId), 'key.sealed.json');
    if (!fs.existsSync(sealedFile)) {
      return undefined;
    }
    return SealedKeySchema.parse(JSON.parse(fs.readFileSync(sealedFile, 'utf8')));
  }

  #ownerOf(mspId: string, enrollmentId: string, sealed: SealedKey): KeyOwner | undefined {
    if (sealed.owner) {
      return sealed.owner;
    }
    const certificatePem = fs.readFileSync(path.join(this.#folder(mspId, enrollmentId), 'cert.pem'), 'utf8');
    return ownerInCertificate(mspId, enrollmentId, certificatePem);
  }
}

/**
 * The owner of an entry sealed before owners were recorded, read from the certificate sealed with it.
 * Its file names only the MSP and enrollment id, and an enrollment id says nothing reliable about its
 * enterprise; the certificate's `tl.role` / `tl.enterprise` attributes are what the gateway asked the
 * CA to sign at enrollment and what chaincode reads, so they are the owner's best record. Such an
 * entry keeps working for the principal it was enrolled for and no other; a certificate naming
 * neither an enterprise nor a RegulatorOrg regulator gives no owner, and the key is refused to all.
 */
export function ownerInCertificate(mspId: string, enrollmentId: string, certificatePem: string): KeyOwner | undefined {
  const attributes = fabricAttributesOf(certificatePem);
  const role = attributes[CertAttributes.role];
  const enterpriseId = attributes[CertAttributes.enterprise];
  if (role === 'enterprise' && enterpriseId) {
    return { role: 'enterprise', id: enterpriseId };
  }
  return role === 'regulator' && mspId === MspIds.regulator ? { role: 'regulator', id: enrollmentId } : undefined;
}

/** What the GCM tag authenticates besides the key: where the entry is and, for entries that record one, its owner. */
function associatedData(mspId: string, enrollmentId: string, owner: KeyOwner | undefined): Buffer {
  return Buffer.from(owner ? `${mspId}/${enrollmentId}/${owner.role}/${owner.id}` : `${mspId}/${enrollmentId}`);
}
