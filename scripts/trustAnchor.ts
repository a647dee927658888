import fs from 'node:fs';
import { common } from '@hyperledger/fabric-protos';
import { blockHeaderHash, channelConfigOf, trustAnchorOf } from '../gateway/src/auditPacks/verify';
import { NetworkLayout, profileNamed } from '../network/src/layout';

/**
 * `npm run trust-anchor [-- <genesis.block>]`: prints the trust anchor audit packs are verified
 * against (the genesis-block hash and every organisation's root CA fingerprints), read from the
 * channel's genesis block — by default the one this machine's network was created with
 * (TRACELEDGER_PROFILE, `dev` unless set). The platform publishes it; verifiers keep their own copy.
 */
function main(): number {
  const file = process.argv[2] ?? new NetworkLayout(profileNamed(process.env.TRACELEDGER_PROFILE ?? 'dev')).channelBlock;
  const block = common.Block.deserializeBinary(fs.readFileSync(file));
  const header = block.getHeader();
  if (!header || header.getNumber() !== 0) {
    process.stderr.write(`${file} is not a channel's genesis block\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(trustAnchorOf(channelConfigOf(block), blockHeaderHash(header).toString('hex')), null, 2)}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main();
}
