import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyFingerprintOf } from '../../model/src';
import { HOST, type NetworkLayout, type NodeLayout, type OrgLayout } from './layout';
import { run, startProcess, waitFor, isPortOpen } from './processes';
import { binary } from './tools';

/**
 * One Fabric CA per organisation is the root of the org's MSP and issues both enrollment and TLS
 * certificates (the latter with the `tls` profile). Later issues enroll enterprise identities at
 * runtime through the same CA, with certificate attributes chaincode reads.
 *
 * Every registration enrolls once (`--id.maxenrollments 1`): a secret that leaks after use enrolls
 * nothing, and one that leaks before use shows, because the rightful holder's enrollment then fails.
 * A TLS certificate comes from a registration of its own, so one secret never yields two keys.
 */

const caName = (org: OrgLayout): string => `ca-${org.key}`;
const caUrl = (org: OrgLayout): string => `https://${HOST}:${org.caPort}`;
const caCert = (org: OrgLayout): string => path.join(org.caHome, 'ca-cert.pem');
const registrarHome = (org: OrgLayout): string => path.join(org.caHome, 'registrar');

const secretFile = (dir: string): string => path.join(dir, 'enrollment-secret');
const tlsSecretFile = (dir: string): string => path.join(dir, 'tls-enrollment-secret');

/** The CA registration a TLS certificate is enrolled from, apart from the identity's own. */
export const tlsEnrollmentId = (enrollmentId: string): string => `${enrollmentId}-tls`;

/** A fresh random secret, kept only in a 0600 file inside the (git-ignored) state folder. */
function newSecret(file: string): string {
  const secret = crypto.randomBytes(18).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function readOrCreateSecret(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : newSecret(file);
}

export async function startCa(layout: NetworkLayout, org: OrgLayout): Promise<void> {
  fs.mkdirSync(org.caHome, { recursive: true });
  const bootstrapSecret = readOrCreateSecret(path.join(org.caHome, 'bootstrap-secret'));
  const proc = startProcess(layout, {
    component: `ca-${org.key}`,
    command: binary('fabric-ca-server'),
    args: [
      'start',
      '--home', org.caHome,
      '-b', `admin:${bootstrapSecret}`,
      '--port', String(org.caPort),
      '--address', HOST,
      '--ca.name', caName(org),
      '--csr.cn', `ca.${org.key}.traceledger`,
      '--csr.hosts', 'localhost,127.0.0.1',
      '--tls.enabled',
      '--operations.listenaddress', `${HOST}:${org.caOperationsPort}`,
      '--metrics.provider', 'disabled',
    ],
  });
  await waitFor(`${caName(org)} on port ${org.caPort}`, async () => ((await isPortOpen(org.caPort)) && fs.existsSync(caCert(org)) ? true : undefined), {
    timeoutMs: 30_000,
    process: proc,
    layout,
  });
  if (!fs.existsSync(path.join(registrarHome(org), 'msp', 'signcerts', 'cert.pem'))) {
    await caClient(org, ['enroll', '-u', `https://admin:${bootstrapSecret}@${HOST}:${org.caPort}`], registrarHome(org));
  }
}

function caClient(org: OrgLayout, args: string[], home: string): Promise<string> {
  return run(binary('fabric-ca-client'), [...args, '--caname', caName(org), '--tls.certfiles', caCert(org), '--home', home]);
}

export type IdentityType = 'peer' | 'orderer' | 'admin' | 'client';

/** Certificate attributes, written into the enrollment certificate (`:ecert`). */
export type CertificateAttributes = Record<string, string>;

/**
 * Registers an identity and returns its enrollment secret, good for one enrollment, for an
 * enterprise that enrolls itself (non-custodial: its private key never leaves it).
 */
export async function registerIdentity(org: OrgLayout, name: string, type: IdentityType, attributes: CertificateAttributes): Promise<string> {
  const secret = crypto.randomBytes(18).toString('base64url');
  await register(org, name, type, secret, attributes);
  return secret;
}

/** What a client needs to enroll at an org's CA itself. */
export function caEndpoint(org: OrgLayout): { url: string; caName: string; tlsCertPem: string } {
  return { url: caUrl(org), caName: caName(org), tlsCertPem: fs.readFileSync(caCert(org), 'utf8') };
}

/**
 * Where the org's CA listens and the `fabric-ca-client` home of its registrar: what a gateway needs
 * to register and enroll identities at runtime (written into its configuration).
 */
export function caRegistrar(org: OrgLayout): { url: string; caName: string; tlsRootCert: string; registrarHome: string } {
  return { url: caUrl(org), caName: caName(org), tlsRootCert: caCert(org), registrarHome: registrarHome(org) };
}

async function register(org: OrgLayout, name: string, type: IdentityType, secret: string, attributes: CertificateAttributes): Promise<void> {
  const attrs = Object.entries(attributes).map(([key, value]) => `${key}=${value}:ecert`);
  const args = ['register', '-u', caUrl(org), '--id.name', name, '--id.secret', secret, '--id.type', type, '--id.maxenrollments', '1'];
  if (attrs.length > 0) {
    args.push('--id.attrs', attrs.join(','));
  }
  await caClient(org, args, registrarHome(org));
}

async function enroll(org: OrgLayout, name: string, secret: string, mspDir: string, tlsHosts?: readonly string[]): Promise<void> {
  const args = ['enroll', '-u', `https://${name}:${secret}@${HOST}:${org.caPort}`, '-M', mspDir];
  if (tlsHosts) {
    args.push('--enrollment.profile', 'tls', '--csr.hosts', tlsHosts.join(','));
  }
  await caClient(org, args, path.join(mspDir, '..', '.ca-client'));
}

/** NodeOUs: the certificate's OU (set by the CA from the identity type) decides admin/peer/orderer/client. */
function nodeOuConfig(): string {
  const ou = (name: string): string => `    Certificate: cacerts/ca.pem\n    OrganizationalUnitIdentifier: ${name}\n`;
  return [
    'NodeOUs:',
    '  Enable: true',
    `  ClientOUIdentifier:\n${ou('client')}`,
    `  PeerOUIdentifier:\n${ou('peer')}`,
    `  AdminOUIdentifier:\n${ou('admin')}`,
    `  OrdererOUIdentifier:\n${ou('orderer')}`,
  ].join('\n');
}

/** Gives an enrolled MSP folder fixed file names and the NodeOU configuration. */
function normaliseMsp(org: OrgLayout, mspDir: string): void {
  const cacerts = path.join(mspDir, 'cacerts');
  fs.rmSync(cacerts, { recursive: true, force: true });
  fs.mkdirSync(cacerts, { recursive: true });
  fs.copyFileSync(caCert(org), path.join(cacerts, 'ca.pem'));
  fs.mkdirSync(path.join(mspDir, 'tlscacerts'), { recursive: true });
  fs.copyFileSync(caCert(org), path.join(mspDir, 'tlscacerts', 'ca.pem'));
  fs.writeFileSync(path.join(mspDir, 'config.yaml'), nodeOuConfig());
}

/** Moves an enrolled TLS certificate into `server.crt`, `server.key` and `ca.crt`. */
function normaliseTls(org: OrgLayout, tlsDir: string, enrolledDir: string): void {
  const keystore = path.join(enrolledDir, 'keystore');
  const [key] = fs.readdirSync(keystore);
  fs.copyFileSync(path.join(enrolledDir, 'signcerts', 'cert.pem'), path.join(tlsDir, 'server.crt'));
  fs.copyFileSync(path.join(keystore, key), path.join(tlsDir, 'server.key'));
  fs.chmodSync(path.join(tlsDir, 'server.key'), 0o600);
  fs.copyFileSync(caCert(org), path.join(tlsDir, 'ca.crt'));
  fs.rmSync(enrolledDir, { recursive: true, force: true });
}

/** The org's MSP as the channel configuration sees it: CA root, TLS root and NodeOUs, no keys. */
export function writeOrgMsp(org: OrgLayout): void {
  normaliseMsp(org, org.mspDir);
}

export interface EnrolledIdentity {
  mspId: string;
  enrollmentId: string;
  /** MSP folder (signcerts/cert.pem, keystore/key.pem). */
  mspDir: string;
  certificate: string;
  privateKey: string;
  /**
   * TLS certificate and key (`server.crt`, `server.key`, `ca.crt`) for endpoints that require mutual
   * TLS; only for identities enrolled with TLS hosts (nodes, org admins, chaincode servers).
   */
  tlsDir: string;
}

interface Registration {
  name: string;
  type: IdentityType;
  attributes: CertificateAttributes;
}

/**
 * Registers (once) and enrolls (once) one registration into `enrolledDir`. The secret is written
 * (0600) before registering, so an interrupted start-up can still enroll with it, and deleted as soon
 * as the enrollment used it up: the CA would refuse it anyway, and no copy should outlive its use.
 */
async function enrollOnce(org: OrgLayout, registration: Registration, secretPath: string, enrolledDir: string, tlsHosts?: readonly string[]): Promise<void> {
  const registered = fs.existsSync(secretPath);
  const secret = readOrCreateSecret(secretPath);
  if (!registered) {
    await register(org, registration.name, registration.type, secret, registration.attributes);
  }
  await enroll(org, registration.name, secret, enrolledDir, tlsHosts);
  fs.rmSync(secretPath, { force: true });
}

/** Gives the enrolled key its fixed name `key.pem` (an interrupted earlier run may have left the CA client's name). */
function normaliseKey(mspDir: string): void {
  const keystore = path.join(mspDir, 'keystore');
  if (fs.existsSync(path.join(keystore, 'key.pem'))) return;
  const [key] = fs.readdirSync(keystore).filter((file) => file.endsWith('_sk'));
  if (!key) {
    throw new Error(`${keystore} holds no enrolled key; delete ${path.dirname(mspDir)} and register the identity under a new enrollment id`);
  }
  fs.renameSync(path.join(keystore, key), path.join(keystore, 'key.pem'));
}

/**
 * Registers and enrolls an identity at its org's CA: its enrollment certificate and, with `tlsHosts`,
 * a TLS certificate from a second registration (`<enrollmentId>-tls`, type client, no attributes:
 * it can never pass for the identity itself). Idempotent: an identity already enrolled in `dir` is
 * returned as it is, and each step an interrupted run finished is not repeated (the CA would refuse a
 * second enrollment).
 */
export async function enrollIdentity(
  org: OrgLayout,
  enrollmentId: string,
  type: IdentityType,
  dir: string,
  attributes: CertificateAttributes = {},
  tlsHosts?: readonly string[],
): Promise<EnrolledIdentity> {
  const mspDir = path.join(dir, 'msp');
  const tlsDir = path.join(dir, 'tls');
  const identity: EnrolledIdentity = {
    mspId: org.mspId,
    enrollmentId,
    mspDir,
    certificate: path.join(mspDir, 'signcerts', 'cert.pem'),
    privateKey: path.join(mspDir, 'keystore', 'key.pem'),
    tlsDir,
  };
  const tlsDone = (): boolean => !tlsHosts || fs.existsSync(path.join(tlsDir, 'server.crt'));
  if (fs.existsSync(identity.privateKey) && tlsDone()) {
    removeSecrets(dir);
    return identity;
  }
  if (!fs.existsSync(identity.certificate)) {
    await enrollOnce(org, { name: enrollmentId, type, attributes }, secretFile(dir), mspDir);
  }
  normaliseKey(mspDir);
  normaliseMsp(org, mspDir);
  if (tlsHosts && !tlsDone()) {
    fs.mkdirSync(tlsDir, { recursive: true });
    const enrolledTls = path.join(dir, '.tls-enrollment');
    if (!fs.existsSync(path.join(enrolledTls, 'signcerts', 'cert.pem'))) {
      await enrollOnce(org, { name: tlsEnrollmentId(enrollmentId), type: 'client', attributes: {} }, tlsSecretFile(dir), enrolledTls, tlsHosts);
    }
    normaliseTls(org, tlsDir, enrolledTls);
  }
  fs.rmSync(path.join(dir, '.ca-client'), { recursive: true, force: true });
  removeSecrets(dir);
  return identity;
}

/** Secrets left by an interrupted run, or by versions that kept them: used up, so of no use to anyone. */
function removeSecrets(dir: string): void {
  fs.rmSync(secretFile(dir), { force: true });
  fs.rmSync(tlsSecretFile(dir), { force: true });
}

/** Enrolls a node (peer or orderer) into its node folder, with its TLS server certificate. */
export function enrollNode(node: NodeLayout, type: 'peer' | 'orderer'): Promise<EnrolledIdentity> {
  return enrollIdentity(node.org, `${node.name}.${node.org.key}`, type, path.dirname(node.mspDir), {}, ['localhost', HOST, node.name]);
}

/** Host names of the TLS certificate of an identity that is no node: admins, chaincode servers. */
export const LOCAL_TLS_HOSTS: readonly string[] = ['localhost', HOST];

/** The public-key fingerprint of an enrolled identity's certificate, as bindings pin it. */
export function keyFingerprintOfIdentity(identity: Pick<EnrolledIdentity, 'certificate'>): string {
  return keyFingerprintOf(fs.readFileSync(identity.certificate, 'utf8'));
}
