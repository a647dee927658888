import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ClientIdentity } from '../fabric';

interface SealedKey {
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * Custodial keys: each enterprise's Fabric private key, encrypted at rest with AES-256-GCM under a
 * master key that is generated at first start; every file is mode 0600. The vault never holds keys
 * of non-custodial enterprises, so the gateway cannot sign for them.
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

  store(mspId: string, enrollmentId: string, certificatePem: string, privateKeyPem: string): void {
    const folder = this.#folder(mspId, enrollmentId);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#masterKey, iv);
    cipher.setAAD(Buffer.from(`${mspId}/${enrollmentId}`));
    const ciphertext = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
    const sealed: SealedKey = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
    fs.writeFileSync(path.join(folder, 'key.sealed.json'), JSON.stringify(sealed), { mode: 0o600 });
    fs.writeFileSync(path.join(folder, 'cert.pem'), certificatePem, { mode: 0o600 });
  }

  has(mspId: string, enrollmentId: string): boolean {
    return fs.existsSync(path.join(this.#folder(mspId, enrollmentId), 'key.sealed.json'));
  }

  /** The identity with its decrypted key, or undefined when the vault holds none for it. */
  open(mspId: string, enrollmentId: string): ClientIdentity | undefined {
    const folder = this.#folder(mspId, enrollmentId);
    const sealedFile = path.join(folder, 'key.sealed.json');
    if (!fs.existsSync(sealedFile)) {
      return undefined;
    }
    const sealed = JSON.parse(fs.readFileSync(sealedFile, 'utf8')) as SealedKey;
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#masterKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(`${mspId}/${enrollmentId}`));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const privateKeyPem = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    return { mspId, enrollmentId, certificate: path.join(folder, 'cert.pem'), privateKey: sealedFile, privateKeyPem };
  }
}
