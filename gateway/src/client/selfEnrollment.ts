import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OfflineIdentity } from './offlineClient';

export interface SelfEnrollmentTicket {
  enrollmentId: string;
  enrollmentSecret: string;
  caUrl: string;
  caName: string;
  caTlsCertPem: string;
}

/**
 * Enrolls a non-custodial identity with Fabric's own `fabric-ca-client`: the key pair is generated
 * here and only the certificate request goes to the CA. Writes `dir/msp` and returns the identity.
 */
export async function enrollSelf(ticket: SelfEnrollmentTicket, dir: string, caClientBinary: string): Promise<OfflineIdentity> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCert = path.join(dir, 'ca-tls.pem');
  fs.writeFileSync(caCert, ticket.caTlsCertPem);
  const ca = new URL(ticket.caUrl);
  // fabric-ca-client misreads a URL with a path (even "/"), so no URL.toString() here.
  const url = `${ca.protocol}//${encodeURIComponent(ticket.enrollmentId)}:${encodeURIComponent(ticket.enrollmentSecret)}@${ca.host}`;
  await new Promise<void>((resolve, reject) => {
    execFile(caClientBinary, ['enroll', '-u', url, '--caname', ticket.caName, '--tls.certfiles', caCert, '-M', path.join(dir, 'msp'), '--home', dir], (error, _stdout, stderr) =>
      error ? reject(new Error(`fabric-ca-client enroll failed: ${stderr}`)) : resolve(),
    );
  });
  const keystore = path.join(dir, 'msp', 'keystore');
  const [key] = fs.readdirSync(keystore);
  return {
    certificatePem: fs.readFileSync(path.join(dir, 'msp', 'signcerts', 'cert.pem'), 'utf8'),
    privateKeyPem: fs.readFileSync(path.join(keystore, key), 'utf8'),
  };
}
