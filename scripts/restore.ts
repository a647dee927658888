import path from 'node:path';
import { parseArgs } from 'node:util';
import { redactStoreUri, restoreBackup } from '../gateway/src/store/backup';
import { connectStore } from '../gateway/src/store/connection';
import { runCommand } from './cli';
import { collectionProgressPrinter, selectedGatewayConfig } from './primaryDataCli';

/**
 * `npm run restore -- <folder> [--force]`: restores a backup of the primary data into the selected
 * gateway's store and data folder, refusing non-empty collections and different key files unless
 * `--force`. Stop the gateway first; the ledger-derived collections rebuild themselves from the ledger.
 */
runCommand(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new Error('usage: npm run restore -- <backup folder> [--force]');
  const folder = path.resolve(positionals[0]);
  const config = selectedGatewayConfig();
  const store = await connectStore(config.mongoUri);
  try {
    if (!store.db) throw new Error('the store is not connected');
    process.stdout.write(`restoring ${folder} into ${redactStoreUri(config.mongoUri)} and ${config.dataDir}\n`);
    const summary = await restoreBackup({ db: store.db, dataDir: config.dataDir, folder, force: values.force, onProgress: collectionProgressPrinter('restored') });
    const written = summary.manifest.keyFiles.length - summary.unchangedKeyFiles.length;
    process.stdout.write(
      `done: ${summary.manifest.collections.length} collection(s) of the backup of ${summary.manifest.createdAt}; ${written} key file(s) written, ` +
        `${summary.unchangedKeyFiles.length} already in place` +
        (summary.replacedCollections.length + summary.replacedKeyFiles.length > 0 ? `; replaced (--force): ${[...summary.replacedCollections, ...summary.replacedKeyFiles].join(', ')}` : '') +
        '\n',
    );
  } finally {
    await store.close();
  }
}, () => undefined);
