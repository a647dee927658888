import { expect } from 'chai';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKUP_FORMAT_VERSION, dataFolderFiles, readManifest, redactStoreUri, verifyBackup, type BackupManifest } from '../../gateway/src/store/backup';

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

describe('primary data backup manifest', () => {
  let folder: string;
  const contacts = '{"_id":"tx-1","contact":"13800000000"}\n';
  const key = 'secret key\n';
  const manifest = (overrides: Partial<BackupManifest> = {}): BackupManifest => ({
    format: 'traceledger-primary-data',
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: '2026-11-30T00:00:00.000Z',
    store: 'mongodb://127.0.0.1:7070/traceledger',
    collections: [{ name: 'primary_complaint_contacts', file: 'collections/primary_complaint_contacts.ndjson', documents: 1, bytes: Buffer.byteLength(contacts), sha256: sha256(contacts) }],
    keyFiles: [{ path: 'custodial-keys/master.key', file: 'data/custodial-keys/master.key', bytes: key.length, sha256: sha256(key) }],
    ...overrides,
  });
  const writeManifest = (value: unknown): void => fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(value));

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
    fs.mkdirSync(path.join(folder, 'collections'));
    fs.mkdirSync(path.join(folder, 'data', 'custodial-keys'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'collections', 'primary_complaint_contacts.ndjson'), contacts);
    fs.writeFileSync(path.join(folder, 'data', 'custodial-keys', 'master.key'), key);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('finds every file as the manifest describes it', async () => {
    writeManifest(manifest());
    expect(await verifyBackup(folder, readManifest(folder))).to.deep.equal([]);
  });

  it('names a file whose content changed, even at the same size, and a missing one', async () => {
    writeManifest(manifest());
    fs.writeFileSync(path.join(folder, 'collections', 'primary_complaint_contacts.ndjson'), contacts.replace('138', '139'));
    fs.rmSync(path.join(folder, 'data', 'custodial-keys', 'master.key'));
    const mismatches = await verifyBackup(folder, readManifest(folder));
    expect(mismatches.map((m) => m.file)).to.deep.equal(['collections/primary_complaint_contacts.ndjson', 'data/custodial-keys/master.key']);
    expect(mismatches[0].problem).to.contain('SHA-256');
    expect(mismatches[1].problem).to.equal('missing');
  });

  it('refuses a manifest whose paths lead out of the backup or the data folder', () => {
    for (const escape of ['../outside', '/etc/passwd', 'data/../../x', 'a//b', 'a\\b']) {
      writeManifest(manifest({ keyFiles: [{ path: escape, file: 'data/x', bytes: 0, sha256: sha256('') }] }));
      expect(() => readManifest(folder), escape).to.throw(/relative path inside the backup/);
    }
  });

  it('refuses a manifest that would restore a ledger-derived collection, an unknown format version, or no manifest at all', () => {
    writeManifest(manifest({ collections: [{ name: 'ledger_coldchain_journeys', file: 'collections/x.ndjson', documents: 0, bytes: 0, sha256: sha256('') }] }));
    expect(() => readManifest(folder)).to.throw(/collections\.0\.name/);
    writeManifest(manifest({ formatVersion: BACKUP_FORMAT_VERSION + 1 }));
    expect(() => readManifest(folder)).to.throw(/format version/);
    fs.rmSync(path.join(folder, 'manifest.json'));
    expect(() => readManifest(folder)).to.throw(/did not finish/);
  });

  it('writes the store address down without its password', () => {
    expect(redactStoreUri('mongodb://ops:s3cret@db.example:27017/traceledger?authSource=admin')).to.equal('mongodb://ops:***@db.example:27017/traceledger?authSource=admin');
    expect(redactStoreUri('mongodb://127.0.0.1:7070/traceledger')).to.equal('mongodb://127.0.0.1:7070/traceledger');
  });

  it('takes every file of the data folder, nested ones included, and follows no symbolic link out of it', () => {
    const data = path.join(folder, 'gateway');
    fs.mkdirSync(path.join(data, 'code-keys'), { recursive: true });
    fs.writeFileSync(path.join(data, 'token-signing-key.pem'), 'k');
    fs.writeFileSync(path.join(data, 'code-keys', 'current'), 'code-A');
    fs.symlinkSync(path.join(folder, 'collections'), path.join(data, 'elsewhere'));
    expect(dataFolderFiles(data)).to.deep.equal(['code-keys/current', 'token-signing-key.pem']);
    expect(dataFolderFiles(path.join(folder, 'no-such-folder'))).to.deep.equal([]);
  });
});
