import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PublishedKey } from '../keyJobs';
import { codeSigningKeyOf, generateCodePrivateKey, type CodeSigningKey } from './codeSigningKey';

/**
 * The trace-code keys of a gateway, in `<dataDir>/code-keys/`: one `<kid>.pem` (PKCS#8, 0600) per key,
 * and `current`, the kid that signs new codes. Printed labels outlive any key, so rotating only
 * changes `current`: earlier keys stay on file and stay published, and their codes keep verifying.
 * The folder is the whole truth: a key file present is a key published; withdrawing a compromised key
 * is deleting its file (after rotating away from it), and the labels it signed then read as not
 * authentic.
 */
export interface CodeKeyring {
  /** Signs new codes. */
  current: CodeSigningKey;
  /** Every key whose codes verify, the current one first. */
  valid: CodeSigningKey[];
}

const KEYRING_FOLDER = 'code-keys';
const CURRENT_FILE = 'current';
/**
 * Where a gateway kept its single code key before the keyring. It is copied in, not moved: a gateway
 * of an earlier version started on the same folder still finds the key its labels were signed with.
 */
const SINGLE_KEY_FILE = 'code-signing-key.pem';
const KEY_FILE = /^(code-[A-Za-z0-9_-]{8})\.pem$/;

/** The keyring, created with one key at first start (or from the single key of an earlier gateway). */
export async function loadOrCreateCodeKeyring(dataDir: string): Promise<CodeKeyring> {
  const folder = keyringFolder(dataDir);
  await adoptSingleKey(dataDir, folder);
  if (!fs.existsSync(path.join(folder, CURRENT_FILE)) && storedKids(folder).length === 0) {
    await addCurrentKey(folder);
  }
  return readKeyring(folder);
}

/**
 * Makes a new key current; every earlier key stays valid. A running gateway keeps signing and
 * publishing what it loaded at start, so the new key is used (and published) from its next start.
 */
export async function rotateCodeSigningKey(dataDir: string): Promise<CodeKeyring> {
  const folder = keyringFolder(dataDir);
  // Adopted first, so the key of an earlier gateway is not left behind when `current` moves on.
  await adoptSingleKey(dataDir, folder);
  await addCurrentKey(folder);
  return readKeyring(folder);
}

/** The key that signs new codes, from the keyring. */
export async function loadOrCreateCodeSigningKey(dataDir: string): Promise<CodeSigningKey> {
  return (await loadOrCreateCodeKeyring(dataDir)).current;
}

/** The public keys to publish and to verify codes with: every valid key, each marked as a trace-code key. */
export function codeKeySet(keyring: CodeKeyring): { keys: PublishedKey[] } {
  return { keys: keyring.valid.map((key) => key.publicJwk) };
}

function keyringFolder(dataDir: string): string {
  const folder = path.join(dataDir, KEYRING_FOLDER);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

function storedKids(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .map((name) => KEY_FILE.exec(name)?.[1])
    .filter((kid): kid is string => kid !== undefined)
    .sort();
}

async function adoptSingleKey(dataDir: string, folder: string): Promise<void> {
  const single = path.join(dataDir, SINGLE_KEY_FILE);
  if (!fs.existsSync(single)) return;
  const key = await codeSigningKeyOf(crypto.createPrivateKey(fs.readFileSync(single)));
  if (!fs.existsSync(path.join(folder, `${key.kid}.pem`))) writeKeyFile(folder, key);
  if (!fs.existsSync(path.join(folder, CURRENT_FILE))) makeCurrent(folder, key.kid);
}

async function addCurrentKey(folder: string): Promise<void> {
  const key = await codeSigningKeyOf(generateCodePrivateKey());
  writeKeyFile(folder, key);
  makeCurrent(folder, key.kid);
}

function writeKeyFile(folder: string, key: CodeSigningKey): void {
  // `wx`: a key file is never overwritten, whatever happens; losing a key would orphan its labels.
  fs.writeFileSync(path.join(folder, `${key.kid}.pem`), key.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
}

function makeCurrent(folder: string, kid: string): void {
  // Written beside and renamed over: a reader never sees a half-written kid.
  const staged = path.join(folder, `${CURRENT_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(staged, `${kid}\n`, { mode: 0o600 });
  fs.renameSync(staged, path.join(folder, CURRENT_FILE));
}

async function readKeyring(folder: string): Promise<CodeKeyring> {
  const keys = await Promise.all(storedKids(folder).map((kid) => readKeyFile(folder, kid)));
  const currentFile = path.join(folder, CURRENT_FILE);
  const currentKid = fs.existsSync(currentFile) ? fs.readFileSync(currentFile, 'utf8').trim() : undefined;
  const current = keys.find((key) => key.kid === currentKid);
  if (!current) {
    throw new Error(`${currentFile} names ${currentKid ?? 'no key'}, and no such key file is in ${folder}: rotate to a new code key (rotateCodeSigningKey) to sign codes again`);
  }
  return { current, valid: [current, ...keys.filter((key) => key !== current)] };
}

async function readKeyFile(folder: string, kid: string): Promise<CodeSigningKey> {
  const file = path.join(folder, `${kid}.pem`);
  const key = await codeSigningKeyOf(crypto.createPrivateKey(fs.readFileSync(file)));
  // A renamed or mixed-up file would publish a key under an id no label carries.
  if (key.kid !== kid) throw new Error(`${file} holds key ${key.kid}, not ${kid}`);
  return key;
}
