import fs from 'node:fs';
import { verifyPack } from '../gateway/src/auditPacks/verify';
import { option, trustAnchorFrom } from './packTrust';

/**
 * `npm run verify-pack -- <pack.zip> --trust <anchor>` (or `node dist/scripts/verifyPack.js …`):
 * checks an audit pack offline — no network, no gateway, no store — against a trust anchor obtained
 * apart from the pack: the channel's genesis-block hash, or a file with it and the organisations'
 * root CA fingerprints. Prints OK, or FAILED with every reason; exit code 0 or 1.
 */
async function main(): Promise<number> {
  const { value: trust, rest } = option(process.argv.slice(2), '--trust');
  const [file] = rest;
  if (!file || !trust) {
    process.stderr.write('usage: npm run verify-pack -- <pack.zip> --trust <genesis-block hash | anchor.json>\n');
    return 1;
  }
  let verdict;
  try {
    verdict = await verifyPack(fs.readFileSync(file), trustAnchorFrom(trust));
  } catch (error) {
    process.stdout.write(`FAILED\n- ${(error as Error).message}\n`);
    return 1;
  }
  if (!verdict.ok) {
    process.stdout.write(`FAILED\n${verdict.reasons.map((reason) => `- ${reason}`).join('\n')}\n`);
    return 1;
  }
  const manifest = verdict.manifest;
  process.stdout.write(
    `OK ${manifest?.mode} pack of ${manifest?.kind} ${manifest?.id}: ${verdict.transactions.length} transactions up to block ${manifest?.newestBlock}, chaincode definition signed by ${manifest?.attestingOrganisations.join(', ')}\n`,
  );
  return 0;
}

if (require.main === module) {
  main().then((code) => (process.exitCode = code));
}
