import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { common, msp, peer } from '@hyperledger/fabric-protos';
import { canonicalReadingBytes, leafHash, type ReadingProof } from '../../model/src';
import { entriesOf, verifyPack, zipOf, type TrustAnchor } from '../../gateway/src/auditPacks';
import { REPO_ROOT } from '../../network/src/layout';
import { lotThroughHands, type HandedLot } from './auditPackFixtures';
import { api, eventually, testAdminToken } from './gatewayClient';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';

const run = promisify(execFile);

/** Downloads a pack as bytes (the test client parses JSON). */
async function download(route: string, token: string): Promise<{ status: number; bytes: Buffer; text: string }> {
  const response = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}${route}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, text: response.headers.get('content-type')?.startsWith('application/zip') ? '' : bytes.toString('utf8') };
}

/** The pack with one entry replaced. */
async function withEntry(pack: Buffer, name: string, change: (bytes: Buffer) => Uint8Array): Promise<Buffer> {
  const entries = await entriesOf(pack);
  const bytes = entries.get(name);
  if (!bytes) throw new Error(`no ${name} in the pack`);
  entries.set(name, Buffer.from(change(Buffer.from(bytes))));
  return zipOf(entries);
}

const flipByte = (bytes: Buffer, at: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x01;
  return copy;
};

/** A certificate in PEM with one byte of its DER changed (inside the CA's signature, so it still parses). */
function tamperedPem(pem: Uint8Array): Buffer {
  const der = flipByte(Buffer.from(new X509Certificate(Buffer.from(pem)).raw), new X509Certificate(Buffer.from(pem)).raw.length - 10);
  return Buffer.from(`-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`);
}

describe('audit packs', function () {
  this.timeout(600_000);
  let lot: HandedLot;
  let admin: string;
  let anchor: TrustAnchor;
  let party: Buffer;
  let full: Buffer;
  const packRoute = (mode: string, lotId = lot.lotId) => `/regulator/audit-packs/lot/${encodeURIComponent(lotId)}?mode=${mode}`;

  before(async () => {
    requireNetwork();
    lot = await lotThroughHands(5);
    admin = await testAdminToken();
    anchor = (await api<TrustAnchor>('/audit-packs/trust-anchor')).body;
    party = (await download(packRoute('party'), admin)).bytes;
    full = (await download(packRoute('full'), admin)).bytes;
  });

  it('publishes the trust anchor: the genesis-block hash and every organisation\'s root CA fingerprints', () => {
    expect(anchor.genesisBlockHash).to.match(/^[0-9a-f]{64}$/);
    expect(Object.keys(anchor.organisations ?? {}).sort()).to.deep.equal(['EquipmentOrgMSP', 'OrdererMSP', 'RegulatorOrgMSP', 'SupplyOrgMSP']);
  });

  it('prints the same anchor offline from the channel\'s genesis block file (npm run trust-anchor)', async () => {
    const printed = await run(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'trustAnchor.js'), testLayout().channelBlock]);
    expect(JSON.parse(printed.stdout)).to.deep.equal(anchor);
  });

  it('builds a party pack of a lot with 5 hops of custody that verifies offline against the anchor', async () => {
    const verdict = await verifyPack(party, anchor);
    expect(verdict.reasons).to.deep.equal([]);
    expect(verdict.manifest?.mode).to.equal('party');
    // Creation, and a shipment and a receipt per hop.
    expect(verdict.transactions.length).to.be.at.least(11);
    const entries = await entriesOf(party);
    expect([...entries.keys()].some((name) => name.startsWith('blocks/')), 'no whole block in a party pack').to.equal(false);
    const records = JSON.parse(entries.get('records.json')?.toString('utf8') ?? '[]') as { key: string; value: string }[];
    const lotRecord = records.find((r) => r.key === `\u0000tl.cc.lot\u0000${lot.lotId}\u0000`);
    expect(JSON.parse(lotRecord?.value ?? '{}')).to.include({ custodianId: lot.holders[5].id });
  });

  it('builds a full pack whose blocks are orderer-signed and hash-chained to the newest', async () => {
    const verdict = await verifyPack(full, anchor);
    expect(verdict.reasons).to.deep.equal([]);
    const entries = await entriesOf(full);
    expect([...entries.keys()].filter((name) => name.startsWith('blocks/')).length).to.be.at.least(2);
  });

  it('verifies with the standalone command from dist/, against the genesis-block hash alone or the anchor file', async () => {
    const dir = fs.mkdtempSync(path.join(testLayout().stateDir, 'pack-'));
    fs.writeFileSync(path.join(dir, 'pack.zip'), party);
    fs.writeFileSync(path.join(dir, 'anchor.json'), JSON.stringify(anchor));
    const verifier = path.join(REPO_ROOT, 'dist', 'scripts', 'verifyPack.js');
    const byFile = await run(process.execPath, [verifier, path.join(dir, 'pack.zip'), '--trust', path.join(dir, 'anchor.json')]);
    expect(byFile.stdout).to.match(/^OK party pack of lot /);
    const byHash = await run(process.execPath, [verifier, path.join(dir, 'pack.zip'), '--trust', anchor.genesisBlockHash as string]);
    expect(byHash.stdout).to.match(/^OK /);
    fs.writeFileSync(path.join(dir, 'bad.zip'), await withEntry(party, 'records.json', (bytes) => Buffer.from(bytes.toString('utf8').replace('"custodianId', '"custodianID'))));
    const failed = await run(process.execPath, [verifier, path.join(dir, 'bad.zip'), '--trust', path.join(dir, 'anchor.json')]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed.code).to.equal(1);
    expect(failed.stdout).to.match(/^FAILED\n- records\.json: record \d+ \(tl\.cc\.lot\//);
  });

  it('fails a pack with one flipped byte in a record, naming the record', async () => {
    const entries = await entriesOf(party);
    const text = entries.get('records.json')?.toString('utf8') ?? '';
    const at = text.indexOf('custodianId') + 20;
    const verdict = await verifyPack(await withEntry(party, 'records.json', (bytes) => flipByte(bytes, at)), anchor);
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons.join('\n')).to.match(/records\.json: record \d+ \(.*\): is not the value transaction [0-9a-f]{64} wrote/);
  });

  it('fails a full pack with one flipped byte in a block, naming the block', async () => {
    const verdict0 = await verifyPack(full, anchor);
    const blockNumber = verdict0.transactions[0].blockNumber;
    const name = `blocks/${blockNumber}.block`;
    const block = common.Block.deserializeBinary((await entriesOf(full)).get(name) as Buffer);
    const data = block.getData()?.getDataList_asU8() ?? [];
    // A byte inside the envelope of the lot's first transaction: the block's data hash no longer holds.
    const envelope = flipByte(Buffer.from(data[verdict0.transactions[0].index]), 40);
    block.getData()?.setDataList(data.map((bytes, i) => (i === verdict0.transactions[0].index ? envelope : bytes)));
    const verdict = await verifyPack(await withEntry(full, name, () => block.serializeBinary()), anchor);
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons.join('\n')).to.include(`${name}: the data hash does not cover the block's envelopes`);
  });

  it('fails a pack with one flipped byte in a signature, naming the transaction', async () => {
    const verdict0 = await verifyPack(party, anchor);
    const name = `transactions/${verdict0.transactions[2].txId}.envelope`;
    const tampered = await withEntry(party, name, (bytes) => {
      const envelope = common.Envelope.deserializeBinary(bytes);
      envelope.setSignature(flipByte(Buffer.from(envelope.getSignature_asU8()), 20));
      return envelope.serializeBinary();
    });
    const verdict = await verifyPack(tampered, anchor);
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons.join('\n')).to.include(`${name}: the submitter's signature does not hold`);
  });

  it('fails a pack with one flipped byte in a certificate, naming the signed answer that carries it', async () => {
    const name = 'chaincode/definition.SupplyOrgMSP.response';
    const tampered = await withEntry(party, name, (bytes) => {
      const response = peer.ProposalResponse.deserializeBinary(bytes);
      const endorsement = response.getEndorsement() as peer.Endorsement;
      const identity = msp.SerializedIdentity.deserializeBinary(endorsement.getEndorser_asU8());
      identity.setIdBytes(tamperedPem(identity.getIdBytes_asU8()));
      endorsement.setEndorser(identity.serializeBinary());
      return response.serializeBinary();
    });
    const verdict = await verifyPack(tampered, anchor);
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons.join('\n')).to.match(new RegExp(`${name.replace(/\./g, '\\.')}: the certificate of .* does not chain to a root CA of SupplyOrgMSP`));
  });

  it('fails a pack whose certificates do not chain to the supplied anchor', async () => {
    const strangers: TrustAnchor = {
      organisations: Object.fromEntries(Object.keys(anchor.organisations ?? {}).map((mspId) => [mspId, { rootCertificates: ['0'.repeat(64)] }])),
    };
    const verdict = await verifyPack(party, strangers);
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons.join('\n')).to.match(/channel\/genesis\.block: root CA [0-9a-f]{64} of SupplyOrgMSP is not in the trust anchor/);
    const otherChannel = await verifyPack(full, { genesisBlockHash: 'f'.repeat(64) });
    expect(otherChannel.reasons.join('\n')).to.include(`is not the trusted genesis-block hash ${'f'.repeat(64)}`);
  });

  it('checks a reading proof against the anchor transaction in the lot\'s pack, not against the anchor handed over with it', async () => {
    const owner = lot.holders[5];
    const loggerId = `urn:epc:id:giai:4000001.${uniqueId('ap').replace(/-/g, '.').slice(0, 24)}`;
    const post = (route: string, body: unknown) => api(route, { token: owner.token, idempotencyKey: uniqueId('pack-logger'), body });
    expect((await post('/coldchain/loggers', { loggerId, description: 'reefer for the pack' })).status).to.equal(201);
    const attachedAt = new Date(Date.now() - 30 * 60_000);
    expect((await post('/coldchain/loggers/attachments', { loggerId, lotId: lot.lotId, eventTime: attachedAt.toISOString() })).status).to.equal(201);
    const readings = Array.from({ length: 10 }, (_, i) => ({ readingId: `p-${i}`, time: new Date(attachedAt.getTime() + (i + 1) * 60_000).toISOString(), tenthsC: 20 }));
    const uploaded = await post(`/coldchain/loggers/${encodeURIComponent(loggerId)}/readings`, { readings });
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201);
    const proof = (await api<ReadingProof & { anchor: { txId: string } }>(`/coldchain/readings/${encodeURIComponent(loggerId)}/p-3/proof`)).body;
    // The projection names the anchors that touched the lot; the pack is built once it has them.
    const pack = await eventually('a pack holding the anchor transaction', async () => {
      const bytes = (await download(packRoute('party'), admin)).bytes;
      return (await verifyPack(bytes, anchor)).transactions.some((tx) => tx.txId === proof.anchor.txId) ? bytes : undefined;
    }, 30_000);
    const dir = fs.mkdtempSync(path.join(testLayout().stateDir, 'pack-'));
    const files = { pack: path.join(dir, 'pack.zip'), anchor: path.join(dir, 'anchor.json'), proof: path.join(dir, 'proof.json'), forged: path.join(dir, 'forged.json') };
    fs.writeFileSync(files.pack, pack);
    fs.writeFileSync(files.anchor, JSON.stringify(anchor));
    fs.writeFileSync(files.proof, JSON.stringify(proof));
    const verifier = path.join(REPO_ROOT, 'dist', 'scripts', 'verifyReading.js');
    const checked = await run(process.execPath, [verifier, files.proof, '--pack', files.pack, '--trust', files.anchor]);
    expect(checked.stdout).to.match(/^OK reading p-3 of /);
    // A forged reading made into a tree of its own, with an anchor record to match: alone it checks out, against the pack it fails.
    const reading = { ...proof.reading, tenthsC: -200 };
    const root = leafHash(canonicalReadingBytes(reading)).toString('hex');
    const forged = { reading, proof: { leafIndex: 0, treeSize: 1, auditPath: [] }, merkleRoot: root, anchor: { ...proof.anchor, merkleRoot: root, count: 1 } };
    fs.writeFileSync(files.forged, JSON.stringify(forged));
    expect((await run(process.execPath, [verifier, files.forged])).stdout).to.match(/^OK /);
    const refused = await run(process.execPath, [verifier, files.forged, '--pack', files.pack, '--trust', files.anchor]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(refused.code).to.equal(1);
    expect(refused.stdout).to.match(/^FAILED\n- merkleRoot [0-9a-f]{64} is not the anchor's root/);
  });

  it('is for regulators and the admin only, names a bad kind, answers 404 for an unknown lot, and logs each pack', async () => {
    expect((await download(packRoute('party'), lot.holders[0].token)).status).to.equal(403);
    const badKind = await api<{ issues: { field: string }[] }>(`/regulator/audit-packs/pallet/x`, { token: admin });
    expect(badKind.status).to.equal(400);
    expect(badKind.body.issues.map((i) => i.field)).to.include('kind');
    expect((await api(packRoute('party', `01/09521234543213/10/${uniqueId('none')}`), { token: admin })).status).to.equal(404);
    const log = await api<{ route: string; subjectId: string }[]>('/regulators/audit-log', { token: admin });
    expect(log.body.map((entry) => [entry.route, entry.subjectId])).to.deep.include(['GET /regulator/audit-packs/:kind/:id', `lot:${lot.lotId}`]);
  });

  it('builds a verifying pack of a recall, holding the recall record the opening wrote', async () => {
    const opened = await api<{ result: { recalls: { recallId: string }[] } }>('/recalls', {
      token: lot.holders[0].token,
      idempotencyKey: uniqueId('pack-recall'),
      body: { reason: 'Listeria in a retained sample', domain: 'food', level: 2, scope: { kind: 'lots', lotIds: [lot.lotId] } },
    });
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201);
    const recallId = opened.body.result.recalls[0].recallId;
    const pack = await download(`/regulator/audit-packs/recall/${encodeURIComponent(recallId)}?mode=party`, admin);
    expect(pack.status, pack.text).to.equal(200);
    const verdict = await verifyPack(pack.bytes, anchor);
    expect(verdict.reasons).to.deep.equal([]);
    const records = JSON.parse((await entriesOf(pack.bytes)).get('records.json')?.toString('utf8') ?? '[]') as { key: string; value: string }[];
    expect(records.some((r) => r.key.includes(recallId) && (JSON.parse(r.value) as { recallId?: string }).recallId === recallId)).to.equal(true);
  });
});
