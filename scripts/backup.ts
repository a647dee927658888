import path from 'node:path';
import { parseArgs } from 'node:util';
import { redactStoreUri, writeBackup } from '../gateway/src/store/backup';
import { connectStore } from '../gateway/src/store/connection';
import { runCommand } from './cli';
import { collectionProgressPrinter, selectedGatewayConfig } from './primaryDataCli';

/**
 * `npm run backup -- <folder>`: writes the primary data (every `primary_` collection and the
 * gateway's data folder with its keys) into a new folder; see README, "Backup and restore".
 * TRACELEDGER_PROFILE picks the local network, TRACELEDGER_GATEWAY_CONFIG a deployed gateway.
 */
runCommand(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('usage: npm run backup -- <new folder>');
  const folder = path.resolve(positionals[0]);
  const config = selectedGatewayConfig();
  const store = await connectStore(config.mongoUri);
  try {
    if (!store.db) throw new Error('the store is not connected');
    process.stdout.write(`backing up the primary data of ${redactStoreUri(config.mongoUri)} and ${config.dataDir} into ${folder}\n`);
    const manifest = await writeBackup({ db: store.db, storeUri: config.mongoUri, dataDir: config.dataDir, folder, onProgress: collectionProgressPrinter('written') });
    const documents = manifest.collections.reduce((sum, c) => sum + c.documents, 0);
    process.stdout.write(
      `done: ${manifest.collections.length} collection(s), ${documents} document(s), ${manifest.keyFiles.length} key file(s); ` +
        'the folder holds the gateway\'s private keys: store it encrypted\n',
    );
  } finally {
    await store.close();
  }
}, () => undefined);
