import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { canonicalReadingBytes, verifyReadingProof, type ReadingAnchor, type ReadingProof, type RiskAlert } from '../../model/src';
import { REPO_ROOT } from '../../network/src/layout';
import { api, gatewayConfig, onboardEnterprise, type OnboardedEnterprise } from './gatewayClient';
import { lotRegistration } from './coldchainFixtures';
import { peerQuery, requireNetwork, testLayout, uniqueId } from './testNetwork';

const run = promisify(execFile);
const MINUTE = 60_000;

interface UploadBody {
  received: number;
  stored: number;
  alreadyStored: number;
  deviceSigned: number;
  signatureRejected: string[];
  anchors: { windowStart: string; merkleRoot: string; count: number; deviceSignedCount: number; txId: string; anchored: string; excursions: unknown[] }[];
  issues?: { field: string; message: string }[];
  detail?: string;
}

interface ProofBody extends ReadingProof {
  anchor: ReadingAnchor;
  assurance: string;
}

describe('gateway temperature readings', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let firm: OnboardedEnterprise;
  let lotId: string;
  let loggerId: string;
  let deviceKey: KeyObject;
  let store: mongoose.Connection;
  /** Five one-hour slots of readings, one a minute, starting on an hour six hours back. */
  const start = Math.floor((Date.now() - 6 * 3_600_000) / 3_600_000) * 3_600_000;
  const timeOf = (minute: number): string => new Date(start + minute * MINUTE + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
  const readingsPath = (): string => `/coldchain/loggers/${encodeURIComponent(loggerId)}/readings`;
  const proofPath = (readingId: string): string => `/coldchain/readings/${encodeURIComponent(loggerId)}/${encodeURIComponent(readingId)}/proof`;

  /** 300 readings at −20 °C; minutes 130–169 at −12 °C (a 40-minute excursion on a frozen lot, tolerance 30); every third signed, r-0001 badly. */
  function batch(): Record<string, unknown>[] {
    return Array.from({ length: 300 }, (_, minute) => {
      const reading = { readingId: `r-${String(minute).padStart(4, '0')}`, time: timeOf(minute), tenthsC: minute >= 130 && minute < 170 ? -120 : -200 };
      const bytes = canonicalReadingBytes({ loggerId, ...reading });
      if (minute % 3 === 0) {
        return { ...reading, signature: sign('sha256', bytes, deviceKey).toString('base64') };
      }
      if (minute === 1) {
        const other = canonicalReadingBytes({ loggerId, ...reading, tenthsC: reading.tenthsC + 1 });
        return { ...reading, signature: sign('sha256', other, deviceKey).toString('base64') };
      }
      return reading;
    });
  }

  let first: { status: number; headers: Headers; body: UploadBody };
  /** ECDSA signatures differ each time: the replay must send these very bytes again. */
  let firstBatch: Record<string, unknown>[];
  const firstKey = uniqueId('readings');

  before(async () => {
    requireNetwork();
    firm = await onboardEnterprise('custodial', ['importer', 'coldStore']);
    const created = await api<{ result: { lots: { id: string }[] } }>('/coldchain/lots', { token: firm.token, idempotencyKey: uniqueId('lot'), body: lotRegistration() });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    lotId = created.body.result.lots[0].id;
    loggerId = `urn:epc:id:giai:4000001.${uniqueId('gr').replace(/-/g, '.').slice(0, 24)}`;
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    deviceKey = keys.privateKey;
    const registered = await api('/coldchain/loggers', {
      token: firm.token,
      idempotencyKey: uniqueId('logger'),
      body: { loggerId, description: 'reefer 7', publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }) },
    });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const attached = await api('/coldchain/loggers/attachments', { token: firm.token, idempotencyKey: uniqueId('attach'), body: { loggerId, lotId, eventTime: timeOf(-10) } });
    expect(attached.status, JSON.stringify(attached.body)).to.equal(201);
    firstBatch = batch();
    first = await api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: firstKey, body: { readings: firstBatch } });
    store = await mongoose.createConnection(String(gatewayConfig().mongoUri)).asPromise();
  });

  after(async () => {
    await store?.close();
  });

  it('stores a batch and anchors one window per hour with root, count and device-signed count', () => {
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.body).to.include({ received: 300, stored: 300, alreadyStored: 0, deviceSigned: 100 });
    expect(first.body.anchors.map((a) => a.windowStart)).to.deep.equal([0, 60, 120, 180, 240].map((m) => new Date(start + m * MINUTE).toISOString()));
    expect(first.body.anchors.map((a) => [a.count, a.deviceSignedCount, a.anchored])).to.deep.equal(Array(5).fill([60, 20, 'now']));
  });

  it('puts on the ledger the same root and count the gateway answered', async () => {
    for (const window of first.body.anchors) {
      const onChain = (await peerQuery(layout, layout.peers[0], 'coldchain:getAnchor', loggerId, window.windowStart)) as ReadingAnchor;
      expect(onChain).to.include({ merkleRoot: window.merkleRoot, count: window.count, deviceSignedCount: window.deviceSignedCount, txId: window.txId, enterpriseId: firm.id });
    }
  });

  it('proves a reading against the anchored root, with the library and with the standalone verifier', async () => {
    const answer = await api<ProofBody>(proofPath('r-0150'));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.reading).to.deep.equal({ loggerId, readingId: 'r-0150', time: timeOf(150), tenthsC: -120 });
    expect(answer.body.merkleRoot).to.equal(first.body.anchors[2].merkleRoot);
    expect(answer.body.proof).to.include({ leafIndex: 30, treeSize: 60 });
    expect(answer.body.assurance).to.equal('device-signed');
    expect(verifyReadingProof(answer.body)).to.equal(true);

    const file = path.join(layout.stateDir, `proof-${uniqueId('p')}.json`);
    fs.writeFileSync(file, JSON.stringify(answer.body));
    const verified = await run(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'verifyReading.js'), file]);
    expect(verified.stdout).to.match(/^OK reading r-0150 of urn:epc:id:giai:.* is leaf 30 of 60 under root [0-9a-f]{64}\n$/);
  });

  it('fails a tampered reading, with the library and with the standalone verifier (exit code 1)', async () => {
    const answer = await api<ProofBody>(proofPath('r-0150'));
    const tampered = { ...answer.body, reading: { ...answer.body.reading, tenthsC: -200 } };
    expect(verifyReadingProof(tampered)).to.equal(false);
    const file = path.join(layout.stateDir, `proof-${uniqueId('p')}.json`);
    fs.writeFileSync(file, JSON.stringify(tampered));
    const failure = await run(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'verifyReading.js'), file]).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure.code).to.equal(1);
    expect(failure.stdout).to.match(/^FAILED\n- the reading's leaf [0-9a-f]{64} does not lead to root/);
  });

  it('does not count a reading with a bad device signature as device-signed', async () => {
    expect(first.body.signatureRejected).to.deep.equal(['r-0001']);
    expect((await api<ProofBody>(proofPath('r-0001'))).body.assurance).to.equal('typed');
    expect((await api<ProofBody>(proofPath('r-0003'))).body.assurance).to.equal('device-signed');
    expect((await api<ProofBody>(proofPath('r-0002'))).body.assurance).to.equal('typed');
  });

  it('raises exactly one excursion alert on the attached lot for a 40-minute excursion', async () => {
    expect(first.body.anchors.map((a) => a.excursions.length)).to.deep.equal([0, 0, 1, 0, 0]);
    const alerts = (await peerQuery(layout, layout.peers[0], 'coldchain:getAlerts', lotId)) as RiskAlert[];
    const excursions = alerts.filter((alert) => alert.kind === 'excursion');
    expect(excursions).to.have.length(1);
    expect(excursions[0].alertId).to.equal(`excursion:${new Date(start + 130 * MINUTE).toISOString()}`);
  });

  it('replays the same upload with the same Idempotency-Key, and stores nothing twice under a new key', async () => {
    const replay = await api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: firstKey, body: { readings: firstBatch } });
    expect(replay.status).to.equal(201);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');
    expect(replay.body).to.deep.equal(first.body);

    const again = await api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: uniqueId('readings'), body: { readings: batch() } });
    expect(again.status, JSON.stringify(again.body)).to.equal(201);
    expect(again.headers.get('idempotent-replayed')).to.equal(null);
    expect(again.body).to.include({ received: 300, stored: 0, alreadyStored: 300 });
    expect(again.body.anchors.map((a) => [a.windowStart, a.merkleRoot, a.txId, a.anchored])).to.deep.equal(first.body.anchors.map((a) => [a.windowStart, a.merkleRoot, a.txId, 'earlier']));
    const windows = await store.collection<{ count: number }>('primary_coldchain_reading_windows').find({ loggerId }).toArray();
    expect(windows.reduce((sum, window) => sum + window.count, 0)).to.equal(300);
  });

  it('anchors late readings of an anchored hour as a further window keyed by their first reading', async () => {
    const late = { readingId: 'late-1', time: timeOf(30.5), tenthsC: -190 };
    const answer = await api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: uniqueId('readings'), body: { readings: [late] } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(answer.body.anchors.map((a) => [a.windowStart, a.count, a.anchored])).to.deep.equal([[new Date(start + 30.5 * MINUTE).toISOString(), 1, 'now']]);
    const proof = await api<ProofBody>(proofPath('late-1'));
    expect(proof.body.proof).to.deep.equal({ leafIndex: 0, treeSize: 1, auditPath: [] });
    expect(verifyReadingProof(proof.body)).to.equal(true);
  });

  it('refuses a reading id reused with other content (409) and unknown readings (404)', async () => {
    const changed = { readingId: 'r-0005', time: timeOf(5), tenthsC: -100 };
    const conflict = await api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: uniqueId('readings'), body: { readings: [changed] } });
    expect(conflict.status).to.equal(409);
    expect(conflict.body.detail).to.match(/already stored with other content.*r-0005/);
    expect((await api(proofPath('no-such-reading'))).status).to.equal(404);
  });

  it('refuses bad input with the reason: out of order, in the future, duplicated ids, fractional temperatures', async () => {
    const upload = (readings: unknown[]) => api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: uniqueId('readings'), body: { readings } });
    const a = { readingId: 'bad-1', time: timeOf(400), tenthsC: -200 };
    const cases: [unknown[], string, RegExp][] = [
      [[a, { ...a, readingId: 'bad-2', time: timeOf(399) }], 'readings.1.time', /out of time order/],
      [[{ ...a, time: new Date(Date.now() + 3_600_000).toISOString() }], 'readings.0.time', /in the future/],
      [[a, { ...a, time: timeOf(401) }], 'readings.1.readingId', /duplicates readings\[0\]\.readingId bad-1/],
      [[{ ...a, tenthsC: -19.5 }], 'readings.0.tenthsC', /integer/],
    ];
    for (const [readings, field, message] of cases) {
      const answer = await upload(readings);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
      expect(answer.body.issues?.find((issue) => issue.field === field)?.message).to.match(message);
    }
    const chunks = await store.collection<{ readings: string }>('primary_coldchain_reading_chunks').find({ _id: { $regex: `^${loggerId}\\|` } as never }).toArray();
    const storedIds = chunks.flatMap((chunk) => chunk.readings.split('\n').map((line) => line.split('\t')[0]));
    expect(storedIds).to.have.length(301);
    expect(storedIds.filter((id) => id.startsWith('bad-'))).to.deep.equal([]);
  });

  it('lets only the logger\'s owner upload its readings', async () => {
    const other = await onboardEnterprise();
    const answer = await api<UploadBody>(readingsPath(), { token: other.token, idempotencyKey: uniqueId('readings'), body: { readings: [{ readingId: 'x-1', time: timeOf(295.5), tenthsC: -200 }] } });
    expect(answer.status).to.equal(403);
    expect(answer.body.detail).to.match(/only the owner .* may upload its readings/);
  });

  it('parses an upload over the gateway\'s 1 MB default body limit on this route only', async () => {
    // Long ids make the body large without storing thousands of readings: the last one is out of
    // order, so a 400 from validation (not a 413 from the body parser) shows the body was read.
    const from = Date.now() - 5 * 3_600_000;
    const readings = Array.from({ length: 7_000 }, (_, i) => ({ readingId: `${'b'.repeat(120)}-${i}`, time: new Date(from + i * 1_000).toISOString(), tenthsC: -200 }));
    readings.push({ ...readings[0], readingId: 'last' });
    const body = { readings };
    expect(JSON.stringify(body).length).to.be.greaterThan(1_100_000);
    const answer = await api<UploadBody>(readingsPath(), { token: firm.token, idempotencyKey: uniqueId('readings'), body });
    expect(answer.status).to.equal(400);
    expect(answer.body.issues?.map((issue) => issue.field)).to.deep.equal(['readings.7000.time']);
    const elsewhere = await api('/coldchain/loggers', { token: firm.token, idempotencyKey: uniqueId('logger'), body: { loggerId, description: 'x'.repeat(1_100_000) } });
    expect(elsewhere.status).to.equal(413);
  });
});
