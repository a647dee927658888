import fs from 'node:fs';
import path from 'node:path';
import { adviceAfter, enrollSelf, OfflineSigningClient, type SelfEnrollmentTicket } from '../gateway/src/client';
import { binary } from '../network/src/tools';
import { runCommand } from './cli';

const USAGE = `traceledger client for non-custodial enterprises (your key never leaves this machine)

  npm run client -- enroll <ticket.json> <identity-dir>
      ticket.json: {"enrollmentId", "enrollmentSecret", "caUrl", "caName", "caTlsCertPem"} from onboarding;
      the secret enrolls once
  npm run client -- confirm <identity-dir>
      pins your certificate's key to your on-chain binding (once, right after enrolling; the ledger
      refuses your writes until then)
  npm run client -- submit <identity-dir> <function> [json-argument ...]
      confirm and submit need TRACELEDGER_GATEWAY_URL (default http://127.0.0.1:7080) and TRACELEDGER_TOKEN
      e.g. npm run client -- submit ./me trace:recordEvent '{"eventId":"e1","subjectId":"LOT1","bizStep":"storing","eventTime":"2026-11-29T08:00:00+08:00"}'
`;

runCommand(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'enroll' && rest.length === 2) {
    const ticket = JSON.parse(fs.readFileSync(rest[0], 'utf8')) as SelfEnrollmentTicket;
    await enrollSelf(ticket, rest[1], binary('fabric-ca-client'));
    process.stdout.write(`enrolled ${ticket.enrollmentId}; certificate and key in ${path.join(rest[1], 'msp')}; next: npm run client -- confirm ${rest[1]}\n`);
    return;
  }
  if (command === 'confirm' && rest.length === 1) {
    process.stdout.write(`${JSON.stringify(await clientOf(rest[0]).confirmKey(), null, 2)}\n`);
    return;
  }
  if (command === 'submit' && rest.length >= 2) {
    process.stdout.write(`${JSON.stringify(await clientOf(rest[0]).submit(rest[1], rest.slice(2)), null, 2)}\n`);
    return;
  }
  process.stdout.write(USAGE);
  process.exitCode = command ? 2 : 0;
}, (error) => adviceAfter(error, gatewayUrl()));

function gatewayUrl(): string {
  return process.env.TRACELEDGER_GATEWAY_URL ?? 'http://127.0.0.1:7080';
}

/** A client signing with the identity enrolled into `dir`, for the token in TRACELEDGER_TOKEN. */
function clientOf(dir: string): OfflineSigningClient {
  const token = process.env.TRACELEDGER_TOKEN;
  if (!token) throw new Error('set TRACELEDGER_TOKEN to your enterprise token');
  const msp = path.join(dir, 'msp');
  const [key] = fs.readdirSync(path.join(msp, 'keystore'));
  return new OfflineSigningClient(gatewayUrl(), token, {
    certificatePem: fs.readFileSync(path.join(msp, 'signcerts', 'cert.pem'), 'utf8'),
    privateKeyPem: fs.readFileSync(path.join(msp, 'keystore', key), 'utf8'),
  });
}
