import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { idempotencyModel } from '../../gateway/src/ledgerWrites';
import { readingModels } from '../../gateway/src/readings/readingStore';
import { scanTallyModel } from '../../gateway/src/scans/scanEvents';
import { dataFolderFiles } from '../../gateway/src/store/backup';
import { complaintContactModel } from '../../gateway/src/store/primaryData';
import { REPO_ROOT } from '../../network/src/layout';
import { gatewayConfig } from './gatewayClient';
import { requireNetwork } from './testNetwork';

/** Runs `npm run backup` / `npm run restore` as compiled, against a gateway configuration file. */
function runScript(script: 'backup' | 'restore', configFile: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', `${script}.js`), ...args], {
    env: { ...process.env, TRACELEDGER_GATEWAY_CONFIG: configFile },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every document of a collection in natural order, with every BSON value as its own type. */
const documentsOf = (store: mongoose.Connection, name: string): Promise<unknown[]> =>
  store.collection(name).find({}, { promoteValues: false, promoteLongs: false, promoteBuffers: false }).toArray();

const primaryCollectionsOf = async (store: mongoose.Connection): Promise<string[]> =>
  (await store.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => name.startsWith('primary_')).sort();

describe('backup and restore of the primary data', function () {
  this.timeout(180_000);
  const suffix = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
  const databases = { source: `backup_src_${suffix}`, restored: `backup_restore_${suffix}`, refused: `backup_refused_${suffix}` };
  const uriOf = (database: string): string => String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${database}`);
  let work: string;
  const folder = (name: string): string => path.join(work, name);
  const stores: Partial<Record<keyof typeof databases, mongoose.Connection>> = {};

  /** A gateway configuration that differs from the test network's in its store and data folder only. */
  function configFile(database: string, dataDir: string): string {
    const file = path.join(work, `gateway-${database}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...gatewayConfig(), mongoUri: uriOf(database), dataDir }));
    return file;
  }

  before(async () => {
    requireNetwork();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'traceledger-backup-'));
    for (const key of Object.keys(databases) as (keyof typeof databases)[]) {
      stores[key] = await mongoose.createConnection(uriOf(databases[key])).asPromise();
    }
    const source = stores.source!;
    await complaintContactModel(source).create({ _id: 'tx-complaint-1', contact: '手机 13800000000', purgeTokenHash: 'a'.repeat(64), createdAt: new Date('2026-11-29T08:00:00.123Z') });
    await idempotencyModel(source).create({
      _id: 'ent-1:key-0001:submit', requestHash: 'b'.repeat(64), txId: 'tx-1', proposal: 'cHJvcG9zYWw=', state: 'done',
      outcome: { status: 201, body: { txId: 'tx-1', blockNumber: 42, nested: { at: new Date('2026-11-29T08:00:01Z'), ratio: 0.5, none: null } } },
      createdAt: new Date('2026-11-29T08:00:00Z'),
    });
    await scanTallyModel(source).collection.insertOne({
      _id: '2026-11-29T08:00:00.500Z|4242|0', from: new Date('2026-11-29T08:00:00Z'), to: new Date('2026-11-29T08:00:00Z'), scans: 3,
      counts: [{ subjectId: '01/09521234543213/21/SN000001', at: new Date('2026-11-29T08:00:00Z'), province: '33', client: 'c0ffee', count: 3 }],
    } as never);
    const readings = readingModels(source);
    await readings.chunks.collection.insertOne({ _id: 'LOGGER-1|2026-11-29T08:00:00.000Z|0', count: 2, readings: 'r1\t2026-11-29T08:00:00Z\t-180\t\t0\nr2\t2026-11-29T08:01:00Z\t-181\tsig\t1' } as never);
    // Values a JSON copy would change: a 64-bit integer beyond doubles, an int32 beside a double, binary.
    await source.collection('primary_type_probe').insertOne({
      _id: 'types' as never, long: mongoose.mongo.Long.fromString('9007199254740993'), int: new mongoose.mongo.Int32(7), double: new mongoose.mongo.Double(7),
      binary: new mongoose.mongo.Binary(Buffer.from([0, 1, 2, 255])), when: new Date(0),
    });
    await source.collection('ledger_coldchain_journeys').insertOne({ _id: 'lot-1' as never, rebuilt: 'from the ledger' });

    const dataDir = folder('data');
    const write = (relative: string, content: Buffer | string): void => {
      fs.mkdirSync(path.dirname(path.join(dataDir, relative)), { recursive: true, mode: 0o700 });
      fs.writeFileSync(path.join(dataDir, relative), content, { mode: 0o600 });
    };
    write('token-signing-key.pem', '-----BEGIN PRIVATE KEY-----\ntoken\n-----END PRIVATE KEY-----\n');
    write('code-keys/code-TESTKEY1.pem', '-----BEGIN PRIVATE KEY-----\ncode\n-----END PRIVATE KEY-----\n');
    write('code-keys/current', 'code-TESTKEY1\n');
    write('custodial-keys/master.key', crypto.randomBytes(32));
    write('custodial-keys/SupplyMSP/ent-1/key.sealed.json', '{"iv":"x","tag":"y","ciphertext":"z"}');
    write('scan-salt', crypto.randomBytes(32));
  });

  after(async () => {
    for (const store of Object.values(stores)) {
      await store?.dropDatabase();
      await store?.close();
    }
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores every primary document, its BSON types included, and every key file into an empty store and data folder', async () => {
    const backedUp = runScript('backup', configFile(databases.source, folder('data')), [folder('backup')]);
    expect(backedUp.status, backedUp.output).to.equal(0);
    expect(fs.statSync(folder('backup')).mode & 0o777).to.equal(0o700);
    for (const file of ['manifest.json', 'collections/primary_complaint_contacts.ndjson', 'data/custodial-keys/master.key']) {
      expect(fs.statSync(path.join(folder('backup'), file)).mode & 0o777, file).to.equal(0o600);
    }
    expect(fs.existsSync(path.join(folder('backup'), 'collections', 'ledger_coldchain_journeys.ndjson'))).to.equal(false);

    const restored = runScript('restore', configFile(databases.restored, folder('restored-data')), [folder('backup')]);
    expect(restored.status, restored.output).to.equal(0);

    const source = stores.source!;
    const target = stores.restored!;
    const collections = await primaryCollectionsOf(source);
    expect(collections).to.include.members(['primary_complaint_contacts', 'primary_idempotency_keys', 'primary_scan_tallies', 'primary_coldchain_reading_chunks', 'primary_type_probe']);
    expect(await primaryCollectionsOf(target)).to.deep.equal(collections);
    for (const name of collections) {
      expect(await documentsOf(target, name), name).to.deep.equal(await documentsOf(source, name));
    }
    const probe = (await target.collection('primary_type_probe').findOne({}, { promoteValues: false, promoteLongs: false, promoteBuffers: false })) as Record<string, unknown>;
    expect(probe.long).to.be.instanceOf(mongoose.mongo.Long);
    expect(String(probe.long)).to.equal('9007199254740993');
    expect(probe.int).to.be.instanceOf(mongoose.mongo.Int32);
    expect(probe.double).to.be.instanceOf(mongoose.mongo.Double);
    const contact = await complaintContactModel(target).findById('tx-complaint-1').lean();
    expect(contact?.createdAt).to.be.instanceOf(Date);
    expect(contact?.createdAt.toISOString()).to.equal('2026-11-29T08:00:00.123Z');
    expect(await target.collection('ledger_coldchain_journeys').countDocuments()).to.equal(0);

    const files = dataFolderFiles(folder('data'));
    expect(files).to.have.length(6);
    expect(dataFolderFiles(folder('restored-data'))).to.deep.equal(files);
    for (const file of files) {
      expect(fs.readFileSync(path.join(folder('restored-data'), file)).equals(fs.readFileSync(path.join(folder('data'), file))), file).to.equal(true);
      expect(fs.statSync(path.join(folder('restored-data'), file)).mode & 0o777, file).to.equal(0o600);
    }
  });

  it('refuses a backup with a file changed after it was written, and writes nothing', async () => {
    fs.cpSync(folder('backup'), folder('tampered'), { recursive: true });
    const file = path.join(folder('tampered'), 'collections', 'primary_complaint_contacts.ndjson');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('13800000000', '13900000000'));

    const refused = runScript('restore', configFile(databases.refused, folder('refused-data')), [folder('tampered'), '--force']);
    expect(refused.status).to.equal(1);
    expect(refused.output).to.contain('does not match its manifest').and.to.contain('primary_complaint_contacts.ndjson');
    expect(await primaryCollectionsOf(stores.refused!)).to.deep.equal([]);
    expect(dataFolderFiles(folder('refused-data'))).to.deep.equal([]);
  });

  it('refuses to restore over collections that hold documents or over different keys, and replaces them with --force', async () => {
    const config = configFile(databases.restored, folder('restored-data'));
    await stores.restored!.collection('primary_complaint_contacts').insertOne({ _id: 'written-since' as never, contact: 'x' });
    fs.writeFileSync(path.join(folder('restored-data'), 'scan-salt'), crypto.randomBytes(32));

    const refused = runScript('restore', config, [folder('backup')]);
    expect(refused.status).to.equal(1);
    expect(refused.output).to.contain('refusing to overwrite').and.to.contain('primary_complaint_contacts').and.to.contain('scan-salt');
    expect(await stores.restored!.collection('primary_complaint_contacts').countDocuments()).to.equal(2);

    const forced = runScript('restore', config, [folder('backup'), '--force']);
    expect(forced.status, forced.output).to.equal(0);
    expect(await documentsOf(stores.restored!, 'primary_complaint_contacts')).to.deep.equal(await documentsOf(stores.source!, 'primary_complaint_contacts'));
    expect(await documentsOf(stores.restored!, 'primary_scan_tallies')).to.deep.equal(await documentsOf(stores.source!, 'primary_scan_tallies'));
    expect(fs.readFileSync(path.join(folder('restored-data'), 'scan-salt')).equals(fs.readFileSync(path.join(folder('data'), 'scan-salt')))).to.equal(true);
  });

  it('refuses to write a backup into a folder that is not empty', () => {
    const again = runScript('backup', configFile(databases.source, folder('data')), [folder('backup')]);
    expect(again.status).to.equal(1);
    expect(again.output).to.contain('is not empty');
  });
});
