import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PRIMARY_COLLECTION_PREFIX } from '../primaryData';

/** Bumped when the layout or the meaning of a field changes; restore refuses versions it does not know. */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const COLLECTIONS_FOLDER = 'collections';
export const DATA_FOLDER = 'data';

/**
 * A path inside the backup folder as the manifest records it: relative, `/`-separated, no `..`. The
 * manifest is not signed, so restore must not follow one of its paths out of the folder it restores.
 */
const ContainedPath = z.string().min(1).max(1024).refine(
  (p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((part) => part === '' || part === '.' || part === '..'),
  'must be a relative path inside the backup without . or .. parts',
);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const CollectionEntry = z.strictObject({
  /** Only primary collections are ever restored: a manifest cannot aim at ledger-derived ones. */
  name: z.string().startsWith(PRIMARY_COLLECTION_PREFIX).regex(/^[A-Za-z0-9_.-]+$/),
  file: ContainedPath,
  documents: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: Sha256,
});

const KeyFileEntry = z.strictObject({
  /** Where the file lies in the gateway's data folder. */
  path: ContainedPath,
  /** Where it lies in the backup. */
  file: ContainedPath,
  bytes: z.number().int().min(0),
  sha256: Sha256,
});

export const BackupManifestSchema = z.strictObject({
  format: z.literal('traceledger-primary-data'),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  /** The store it was taken from, with any password removed: for the operator's eyes only. */
  store: z.string(),
  collections: z.array(CollectionEntry),
  keyFiles: z.array(KeyFileEntry),
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;
export type CollectionEntry = z.infer<typeof CollectionEntry>;
export type KeyFileEntry = z.infer<typeof KeyFileEntry>;

/** A file in the backup that does not match what the manifest says of it. */
export interface ManifestMismatch {
  file: string;
  problem: string;
}

/**
 * The store URI without its password (and with the user name kept), fit to print and to write down.
 *
 * @example
 * redactStoreUri('mongodb://ops:s3cret@db:27017/traceledger') // 'mongodb://ops:***@db:27017/traceledger'
 */
export function redactStoreUri(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/)([^:@/]+):([^@/]*)@/i, '$1$2:***@');
}

/** SHA-256 (hex) and size of a file, read as a stream: collection files can be larger than memory. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Reads and validates `manifest.json` of a backup folder; throws naming what is wrong. */
export function readManifest(folder: string): BackupManifest {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`${folder} holds no ${MANIFEST_FILE}: not a backup, or a backup that did not finish (the manifest is written last)`);
  }
  const parsed = BackupManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file} is not a backup manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (parsed.data.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Error(`${file} is format version ${parsed.data.formatVersion}; this traceledger restores version ${BACKUP_FORMAT_VERSION}`);
  }
  const names = parsed.data.collections.map((c) => c.name);
  const paths = parsed.data.keyFiles.map((k) => k.path);
  if (new Set(names).size !== names.length || new Set(paths).size !== paths.length) {
    throw new Error(`${file} names a collection or a key file twice`);
  }
  return parsed.data;
}

/**
 * Every file the manifest lists, checked against its size and SHA-256; answers the mismatches (none:
 * the backup is as it was written). Restore writes nothing unless this answers none.
 */
export async function verifyBackup(folder: string, manifest: BackupManifest): Promise<ManifestMismatch[]> {
  const mismatches: ManifestMismatch[] = [];
  for (const entry of [...manifest.collections, ...manifest.keyFiles]) {
    const file = path.join(folder, entry.file);
    if (!fs.existsSync(file)) {
      mismatches.push({ file: entry.file, problem: 'missing' });
      continue;
    }
    const digest = await fileDigest(file);
    if (digest.sha256 !== entry.sha256 || digest.bytes !== entry.bytes) {
      mismatches.push({ file: entry.file, problem: `SHA-256 ${digest.sha256} (${digest.bytes} bytes) where the manifest says ${entry.sha256} (${entry.bytes} bytes)` });
    }
  }
  return mismatches;
}
