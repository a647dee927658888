import fs from 'node:fs';
import type { JWK } from 'jose';
import { isPublishedFor, KeyJobs } from '../gateway/src/keyJobs';
import { verifyTraceCode } from '../gateway/src/qr';

/**
 * `npm run verify-code -- <scanned uri> <jwks.json>`: checks a trace code's signature offline against
 * a saved copy of the issuer's key set (`curl <resolver>/.well-known/jwks.json > jwks.json`), with
 * only the keys in it published for trace codes (`traceledger_use: "trace-code"`), never the token key.
 * Exit code 0 authentic, 1 not authentic, 2 unsigned (cannot be confirmed offline), 3 usage.
 */
async function main(): Promise<number> {
  const [uri, jwksFile] = process.argv.slice(2);
  if (!uri || !jwksFile) {
    process.stderr.write('usage: npm run verify-code -- <scanned uri> <jwks.json>\n  save the key set first: curl <resolver>/.well-known/jwks.json > jwks.json\n');
    return 3;
  }
  const jwks = JSON.parse(fs.readFileSync(jwksFile, 'utf8')) as { keys: JWK[] };
  if (!jwks.keys.some((key) => isPublishedFor(key, KeyJobs.traceCode))) {
    // Most likely a copy saved before keys named their job: every signed code would read as not authentic.
    process.stderr.write(`${jwksFile} has no key published for trace codes; save the issuer's key set again\n`);
  }
  const verdict = await verifyTraceCode(uri, jwks);
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.status === 'authentic' ? 0 : verdict.status === 'unsigned' ? 2 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
