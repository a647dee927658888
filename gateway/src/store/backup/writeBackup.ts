import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from 'mongodb';
import { mongo } from 'mongoose';
import { PRIMARY_COLLECTION_PREFIX } from '../primaryData';
import type { CollectionProgress } from './collectionProgress';
import { dataFolderFiles } from './dataFolder';
import {
  BACKUP_FORMAT_VERSION,
  COLLECTIONS_FOLDER,
  DATA_FOLDER,
  fileDigest,
  MANIFEST_FILE,
  redactStoreUri,
  type BackupManifest,
  type CollectionEntry,
  type KeyFileEntry,
} from './manifest';

export interface BackupRequest {
  /** The store's database (`connection.db` of a mongoose connection). */
  db: Db;
  /** The URI it was reached with; written to the manifest without its password. */
  storeUri: string;
  /** The gateway's data folder (`config.dataDir`). */
  dataDir: string;
  /** The folder to create; it must not exist or be empty. */
  folder: string;
  onProgress?: (progress: CollectionProgress) => void;
  now?: Date;
}

/**
 * Driver options that keep every BSON value as its own type (32- and 64-bit integers and doubles
 * stay apart, binary stays binary), so canonical Extended JSON writes back exactly what was read.
 */
const EXACT_VALUES = { promoteValues: false, promoteLongs: false, promoteBuffers: false, bsonRegExp: true } as const;
const PROGRESS_EVERY = 1000;

/**
 * Writes a backup of what the ledger cannot rebuild: every `primary_` collection of the store as one
 * NDJSON file of canonical MongoDB Extended JSON (read with a cursor, in the store's natural order,
 * so a restore inserts in the same order), and every file of the gateway's data folder. The folder
 * is 0700 and each file 0600, since it holds the gateway's private keys; `manifest.json` (counts,
 * sizes and SHA-256 of every file) is written last, so a folder without it is an unfinished backup.
 * Each collection is read as it is while the gateway may write to it: stop the gateway for a
 * backup that is one instant of every collection.
 *
 * @example
 * const manifest = await writeBackup({ db: store.db!, storeUri: config.mongoUri, dataDir: config.dataDir, folder: '/backups/2026-11-30' });
 * manifest.collections.map((c) => `${c.name}: ${c.documents}`)
 */
export async function writeBackup(request: BackupRequest): Promise<BackupManifest> {
  const { db, folder } = request;
  createEmptyFolder(folder);
  fs.mkdirSync(path.join(folder, COLLECTIONS_FOLDER), { mode: 0o700 });
  fs.mkdirSync(path.join(folder, DATA_FOLDER), { mode: 0o700 });

  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => name.startsWith(PRIMARY_COLLECTION_PREFIX))
    .sort();
  const collections: CollectionEntry[] = [];
  for (const name of names) {
    collections.push(await backUpCollection(db, name, folder, request.onProgress));
  }
  const keyFiles: KeyFileEntry[] = [];
  for (const relative of dataFolderFiles(request.dataDir)) {
    const file = `${DATA_FOLDER}/${relative}`;
    const target = path.join(folder, file);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.copyFileSync(path.join(request.dataDir, relative), target, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(target, 0o600);
    keyFiles.push({ path: relative, file, ...(await fileDigest(target)) });
  }
  const manifest: BackupManifest = {
    format: 'traceledger-primary-data',
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: (request.now ?? new Date()).toISOString(),
    store: redactStoreUri(request.storeUri),
    collections,
    keyFiles,
  };
  fs.writeFileSync(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return manifest;
}

function createEmptyFolder(folder: string): void {
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    throw new Error(`${folder} is not empty: a backup goes into a new folder, never over an earlier one`);
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.chmodSync(folder, 0o700);
}

async function backUpCollection(db: Db, name: string, folder: string, onProgress: BackupRequest['onProgress']): Promise<CollectionEntry> {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new Error(`collection ${JSON.stringify(name)} has a name that cannot be a file name in the backup; rename it`);
  }
  const collection = db.collection(name);
  const total = await collection.estimatedDocumentCount();
  const file = `${COLLECTIONS_FOLDER}/${name}.ndjson`;
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let documents = 0;
  const cursor = collection.find({}, { ...EXACT_VALUES, batchSize: PROGRESS_EVERY });
  async function* lines(): AsyncGenerator<Buffer> {
    for await (const document of cursor) {
      const line = Buffer.from(`${mongo.BSON.EJSON.stringify(document, { relaxed: false })}\n`, 'utf8');
      hash.update(line);
      bytes += line.length;
      documents++;
      if (documents % PROGRESS_EVERY === 0) onProgress?.({ collection: name, documents, total, done: false });
      yield line;
    }
  }
  try {
    await pipeline(Readable.from(lines()), fs.createWriteStream(path.join(folder, file), { mode: 0o600, flags: 'wx' }));
  } finally {
    await cursor.close();
  }
  onProgress?.({ collection: name, documents, total: documents, done: true });
  return { name, file, documents, bytes, sha256: hash.digest('hex') };
}
