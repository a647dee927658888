import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Db, Document } from 'mongodb';
import { mongo } from 'mongoose';
import type { CollectionProgress } from './collectionProgress';
import { writeSecretFile } from './dataFolder';
import { readManifest, verifyBackup, type BackupManifest, type CollectionEntry } from './manifest';

export interface RestoreRequest {
  /** The store's database to restore into. */
  db: Db;
  /** The gateway's data folder to restore the key files into. */
  dataDir: string;
  /** A folder `writeBackup` wrote. */
  folder: string;
  /** Replace documents of non-empty collections and key files that differ, instead of refusing. */
  force?: boolean;
  onProgress?: (progress: CollectionProgress) => void;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  /** Collections emptied first because `force` was given. */
  replacedCollections: string[];
  /** Key files written over a different file because `force` was given. */
  replacedKeyFiles: string[];
  /** Key files already present with the same content. */
  unchangedKeyFiles: string[];
}

/** Documents per `insertMany` call, and the text size at which a batch is sent earlier (tallies can be large). */
export const RESTORE_BATCH_DOCUMENTS = 1000;
const RESTORE_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Restores a backup: checks every file against the manifest, then refuses (listing all of them)
 * collections that already hold documents and key files that exist with other content, unless
 * `force`; only then writes, each collection with ordered `insertMany` calls of at most
 * {@link RESTORE_BATCH_DOCUMENTS} documents in the backup's order, then the key files (0600).
 * Ledger-derived collections are never touched: the projector rebuilds them from the ledger.
 *
 * @example
 * const summary = await restoreBackup({ db: store.db!, dataDir: config.dataDir, folder: '/backups/2026-11-30' });
 * summary.manifest.collections.length
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreSummary> {
  const { db, folder, dataDir } = request;
  const manifest = readManifest(folder);
  const mismatches = await verifyBackup(folder, manifest);
  if (mismatches.length > 0) {
    throw new Error(`the backup in ${folder} does not match its manifest, so nothing was restored: ${mismatches.map((m) => `${m.file}: ${m.problem}`).join('; ')}`);
  }

  const occupied: string[] = [];
  for (const entry of manifest.collections) {
    if (await db.collection(entry.name).findOne({}, { projection: { _id: 1 } })) occupied.push(entry.name);
  }
  const differentKeys: string[] = [];
  const unchangedKeyFiles: string[] = [];
  for (const key of manifest.keyFiles) {
    const target = path.join(dataDir, key.path);
    if (!fs.existsSync(target)) continue;
    if (sha256(fs.readFileSync(target)) === key.sha256) unchangedKeyFiles.push(key.path);
    else differentKeys.push(key.path);
  }
  if (!request.force && (occupied.length > 0 || differentKeys.length > 0)) {
    throw new Error(
      'refusing to overwrite, so nothing was restored: ' +
        [
          occupied.length > 0 ? `collections that already hold documents: ${occupied.join(', ')}` : '',
          differentKeys.length > 0 ? `key files in ${dataDir} that differ from the backup's: ${differentKeys.join(', ')}` : '',
        ].filter(Boolean).join('; ') +
        '. Restore into an empty store and data folder, or pass --force to replace them.',
    );
  }

  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const entry of manifest.collections) {
    // Created even when empty, so the restored store lists what the backed-up one did.
    if (!existing.has(entry.name)) await db.createCollection(entry.name);
    if (occupied.includes(entry.name)) await db.collection(entry.name).deleteMany({});
    await restoreCollection(db, folder, entry, request.onProgress);
  }
  for (const key of manifest.keyFiles) {
    if (unchangedKeyFiles.includes(key.path)) continue;
    const content = fs.readFileSync(path.join(folder, key.file));
    if (sha256(content) !== key.sha256) throw new Error(`${key.file} changed while it was being restored`);
    writeSecretFile(path.join(dataDir, key.path), content);
  }
  return { manifest, replacedCollections: occupied, replacedKeyFiles: differentKeys, unchangedKeyFiles };
}

const sha256 = (content: Buffer): string => crypto.createHash('sha256').update(content).digest('hex');

async function restoreCollection(db: Db, folder: string, entry: CollectionEntry, onProgress: RestoreRequest['onProgress']): Promise<void> {
  const collection = db.collection(entry.name);
  // Hashed again while read: a file swapped after the check is caught, if only after earlier batches.
  const hash = crypto.createHash('sha256');
  let batch: Document[] = [];
  let batchBytes = 0;
  let documents = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await collection.insertMany(batch, { ordered: true });
    documents += batch.length;
    batch = [];
    batchBytes = 0;
    onProgress?.({ collection: entry.name, documents, total: entry.documents, done: false });
  };
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(folder, entry.file)), crlfDelay: Infinity });
  for await (const line of lines) {
    hash.update(`${line}\n`);
    if (line.length === 0) continue;
    batch.push(mongo.BSON.EJSON.parse(line, { relaxed: false }) as Document);
    batchBytes += line.length;
    if (batch.length >= RESTORE_BATCH_DOCUMENTS || batchBytes >= RESTORE_BATCH_BYTES) await flush();
  }
  await flush();
  if (hash.digest('hex') !== entry.sha256 || documents !== entry.documents) {
    throw new Error(`${entry.file} changed while it was being restored (${documents} documents where the manifest says ${entry.documents})`);
  }
  onProgress?.({ collection: entry.name, documents, total: entry.documents, done: true });
}
