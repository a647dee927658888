import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { GatewayConfig } from '../config';

/** An org's CA as the gateway's configuration names it. */
export type CaConfig = GatewayConfig['certificateAuthorities'][string];

/** Certificate attributes, written into the enrollment certificate (`:ecert`). */
export type CertificateAttributes = Record<string, string>;

/** A client identity enrolled into a folder: its certificate and private key (PEM files). */
export interface EnrolledFiles {
  certificate: string;
  privateKey: string;
}

/**
 * An org's Fabric CA, driven through `fabric-ca-client` with the org's registrar. Every registration
 * enrolls once (`--id.maxenrollments 1`): a secret that leaks after use enrolls nothing, and one that
 * leaks before use shows, because the rightful holder's enrollment then fails.
 */
export class CertificateAuthority {
  constructor(
    readonly ca: CaConfig,
    private readonly program: string,
  ) {}

  get mspId(): string {
    return this.ca.mspId;
  }

  /** What a client needs to enroll at this CA itself. */
  endpoint(): { url: string; caName: string; tlsCertPem: string } {
    return { url: this.ca.url, caName: this.ca.caName, tlsCertPem: fs.readFileSync(this.ca.tlsRootCert, 'utf8') };
  }

  /** Registers a client identity and returns its enrollment secret, good for one enrollment (non-custodial: the holder enrolls). */
  async registerClient(name: string, attributes: CertificateAttributes): Promise<string> {
    const secret = crypto.randomBytes(18).toString('base64url');
    await this.#register(name, secret, attributes);
    return secret;
  }

  /**
   * Registers and enrolls a client identity into `dir` (`msp/signcerts/cert.pem`, `msp/keystore/key.pem`).
   * Idempotent: an identity already enrolled in `dir` is returned as it is, and a secret written by an
   * interrupted run is used rather than registering again (the CA would refuse the name).
   */
  async enrollClient(name: string, dir: string, attributes: CertificateAttributes): Promise<EnrolledFiles> {
    const mspDir = path.join(dir, 'msp');
    const files: EnrolledFiles = { certificate: path.join(mspDir, 'signcerts', 'cert.pem'), privateKey: path.join(mspDir, 'keystore', 'key.pem') };
    const secretFile = path.join(dir, 'enrollment-secret');
    if (!fs.existsSync(files.privateKey)) {
      if (!fs.existsSync(files.certificate)) {
        // The secret is written (0600) before registering, so an interrupted attempt can still enroll with it.
        const registered = fs.existsSync(secretFile);
        const secret = registered ? fs.readFileSync(secretFile, 'utf8') : newSecretIn(secretFile);
        if (!registered) await this.#register(name, secret, attributes);
        const url = new URL(this.ca.url);
        await this.#client(['enroll', '-u', `${url.protocol}//${name}:${secret}@${url.host}`, '-M', mspDir], path.join(dir, '.ca-client'));
      }
      nameKeyFile(mspDir);
    }
    fs.rmSync(path.join(dir, '.ca-client'), { recursive: true, force: true });
    // Used up (or left by an interrupted run): of no use to anyone.
    fs.rmSync(secretFile, { force: true });
    return files;
  }

  async #register(name: string, secret: string, attributes: CertificateAttributes): Promise<void> {
    const attrs = Object.entries(attributes).map(([key, value]) => `${key}=${value}:ecert`);
    const args = ['register', '-u', this.ca.url, '--id.name', name, '--id.secret', secret, '--id.type', 'client', '--id.maxenrollments', '1'];
    if (attrs.length > 0) args.push('--id.attrs', attrs.join(','));
    await this.#client(args, this.ca.registrarHome);
  }

  #client(args: string[], home: string): Promise<string> {
    const all = [...args, '--caname', this.ca.caName, '--tls.certfiles', this.ca.tlsRootCert, '--home', home];
    return new Promise((resolve, reject) => {
      execFile(this.program, all, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        // The arguments carry secrets: the message names only the command.
        if (error) reject(new Error(`fabric-ca-client ${args[0]} failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-20).join('\n')}`));
        else resolve(stdout);
      });
    });
  }
}

function newSecretIn(file: string): string {
  const secret = crypto.randomBytes(18).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Gives the enrolled key its fixed name `key.pem` (the CA client names it after its hash). */
function nameKeyFile(mspDir: string): void {
  const keystore = path.join(mspDir, 'keystore');
  const [key] = fs.readdirSync(keystore).filter((file) => file.endsWith('_sk'));
  if (!key) {
    throw new Error(`${keystore} holds no enrolled key; register the identity under a new enrollment id`);
  }
  fs.renameSync(path.join(keystore, key), path.join(keystore, 'key.pem'));
}
