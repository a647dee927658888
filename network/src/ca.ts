import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HOST, type NetworkLayout, type NodeLayout, type OrgLayout } from './layout';
import { run, startProcess, waitFor, isPortOpen } from './processes';
import { binary } from './tools';

/**
 * One Fabric CA per organisation is the root of the org's MSP and issues both enrollment and TLS
 * certificates (the latter with the `tls` profile). Later issues enroll enterprise identities at
 * runtime through the same CA, with certificate attributes chaincode reads.
 */

const caName = (org: OrgLayout): string => `ca-${org.key}`;
const caUrl = (org: OrgLayout): string => `https://${HOST}:${org.caPort}`;
const caCert = (org: OrgLayout): string => path.join(org.caHome, 'ca-cert.pem');
const registrarHome = (org: OrgLayout): string => path.join(org.caHome, 'registrar');

function secretFile(dir: string): string {
  return path.join(dir, 'enrollment-secret');
}

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
 * Registers an identity and returns its one-time enrollment secret, for an enterprise that enrolls
 * itself (non-custodial: its private key never leaves it).
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

async function register(org: OrgLayout, name: string, type: IdentityType, secret: string, attributes: CertificateAttributes): Promise<void> {
  const attrs = Object.entries(attributes).map(([key, value]) => `${key}=${value}:ecert`);
  const args = ['register', '-u', caUrl(org), '--id.name', name, '--id.secret', secret, '--id.type', type];
  if (attrs.length > 0) {
    args.push('--id.attrs', attrs.join(','));
  }
  await caClient(org, args, registrarHome(org));
}

async function enroll(org: OrgLayout, name: string, secret: string, mspDir: string, tlsHosts?: string[]): Promise<void> {
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
  /** TLS client certificate and key, for endpoints that require mutual TLS. */
  tlsDir: string;
}

/**
 * Registers (once) and enrolls an identity at its org's CA, with an enrollment certificate and a TLS
 * client certificate. Idempotent: an identity already enrolled in `dir` is returned as it is.
 */
export async function enrollIdentity(
  org: OrgLayout,
  enrollmentId: string,
  type: IdentityType,
  dir: string,
  attributes: CertificateAttributes = {},
  tlsHosts: string[] = ['localhost', HOST],
): Promise<EnrolledIdentity> {
  const mspDir = path.join(dir, 'msp');
  const tlsDir = path.join(dir, 'tls');
  const identity = (): EnrolledIdentity => ({
    mspId: org.mspId,
    enrollmentId,
    mspDir,
    certificate: path.join(mspDir, 'signcerts', 'cert.pem'),
    privateKey: path.join(mspDir, 'keystore', 'key.pem'),
    tlsDir,
  });
  if (fs.existsSync(path.join(mspDir, 'keystore', 'key.pem')) && fs.existsSync(path.join(tlsDir, 'server.crt'))) {
    return identity();
  }
  const secretPath = secretFile(dir);
  const registered = fs.existsSync(secretPath);
  const secret = readOrCreateSecret(secretPath);
  if (!registered) {
    await register(org, enrollmentId, type, secret, attributes);
  }
  await enroll(org, enrollmentId, secret, mspDir);
  const keystore = path.join(mspDir, 'keystore');
  const [key] = fs.readdirSync(keystore).filter((file) => file.endsWith('_sk'));
  fs.renameSync(path.join(keystore, key), path.join(keystore, 'key.pem'));
  normaliseMsp(org, mspDir);
  fs.mkdirSync(tlsDir, { recursive: true });
  const enrolledTls = path.join(dir, '.tls-enrollment');
  await enroll(org, enrollmentId, secret, enrolledTls, tlsHosts);
  normaliseTls(org, tlsDir, enrolledTls);
  fs.rmSync(path.join(dir, '.ca-client'), { recursive: true, force: true });
  return identity();
}

/** Enrolls a node (peer or orderer) into its node folder. */
export function enrollNode(node: NodeLayout, type: 'peer' | 'orderer'): Promise<EnrolledIdentity> {
  return enrollIdentity(node.org, `${node.name}.${node.org.key}`, type, path.dirname(node.mspDir), {}, ['localhost', HOST, node.name]);
}
