import { expect } from 'chai';
import { spawn } from 'node:child_process';
import mongoose from 'mongoose';
import { ledgerModels, checkpointModel } from '../../gateway/src/projection/models';
import { expectSameBelow, PROJECTOR, runProjector, snapshot } from './projectionSnapshots';
import { peerQuery, requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, configWithDatabase, eventually, gatewayConfig, onboardEnterprise, traceEvent, type OnboardedEnterprise } from './gatewayClient';

describe('projection of ledger events into the read store', function () {
  this.timeout(240_000);
  const layout = testLayout();
  let firm: OnboardedEnterprise;
  let live: mongoose.Connection;
  const databaseUri = (name: string) => String(gatewayConfig().mongoUri).replace(/\/[^/]*$/, `/${name}`);

  before(async () => {
    requireNetwork();
    firm = await onboardEnterprise();
    live = await mongoose.createConnection(String(gatewayConfig().mongoUri)).asPromise();
  });
  after(async () => {
    await live?.close();
  });

  it('shows a committed write in the projection, with its ledger source', async () => {
    const event = traceEvent();
    const written = await api<{ txId: string; blockNumber: number }>('/trace/events', { token: firm.token, idempotencyKey: uniqueId('k'), body: event });
    const projected = await eventually('the event in the projection', async () => {
      const answer = await api<Record<string, unknown>[]>(`/trace/subjects/${encodeURIComponent(event.subjectId as string)}/events`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(projected).to.have.length(1);
    expect(projected[0]).to.include({ eventId: event.eventId, enterpriseId: firm.id });
    expect(projected[0].source).to.deep.equal({ txId: written.body.txId, blockNumber: written.body.blockNumber, txIndex: (projected[0].source as { txIndex: number }).txIndex, eventIndex: 0 });
    const health = await api<{ projection: { lag: number } }>('/health');
    expect(health.body.projection.lag).to.be.at.most(1);
  });

  it('writes once when a request is retried with the same Idempotency-Key, and refuses the key for another body', async () => {
    const event = traceEvent();
    const key = uniqueId('retry');
    const first = await api<{ txId: string }>('/trace/events', { token: firm.token, idempotencyKey: key, body: event });
    const again = await api<{ txId: string }>('/trace/events', { token: firm.token, idempotencyKey: key, body: event });
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(201);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(again.body.txId).to.equal(first.body.txId);
    const history = (await peerQuery(layout, layout.peers[1], 'trace:getSubjectHistory', event.subjectId as string)) as unknown[];
    expect(history).to.have.length(1);
    const other = await api('/trace/events', { token: firm.token, idempotencyKey: key, body: traceEvent() });
    expect(other.status).to.equal(422);
  });

  it('leaves exactly one copy of each document when the projector is killed between documents and checkpoint', async () => {
    const database = `crash_${Date.now().toString(36)}`;
    const config = configWithDatabase(database);
    const crashed = await runProjector(config, [], { TRACELEDGER_PROJECTOR_CRASH_AFTER_DOCUMENTS: '1' });
    expect(crashed.signal).to.equal('SIGKILL');
    const store = await mongoose.createConnection(databaseUri(database)).asPromise();
    try {
      // Whatever the first block with events holds (an enterprise, a clue, a lot), its documents are written.
      const collections = (await store.db!.listCollections().toArray()).map((c) => c.name).filter((name) => name.startsWith('ledger_'));
      const firstDocs = (await Promise.all(collections.map((name) => store.collection(name).find({ 'source.blockNumber': { $exists: true } }).sort({ 'source.blockNumber': 1 }).limit(1).toArray()))).flat();
      expect(firstDocs.length, 'documents written before the kill').to.be.greaterThan(0);
      const checkpoint = await checkpointModel(store).findOne().lean();
      // The block whose documents were written is not checkpointed: it will be projected again.
      const firstBlockWithDocs = Math.min(...firstDocs.map((doc) => (doc.source as { blockNumber: number }).blockNumber));
      expect(checkpoint?.nextBlock ?? 0).to.be.at.most(firstBlockWithDocs);

      const height = (await api<{ ledger: { height: number } }>('/health')).body.ledger.height;
      const resumed = spawn(process.execPath, [PROJECTOR], { env: { ...process.env, TRACELEDGER_GATEWAY_CONFIG: config, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
      try {
        await eventually('the resumed projector to catch up', async () => ((await checkpointModel(store).findOne().lean())?.nextBlock ?? 0) >= height ? true : undefined, 120_000);
      } finally {
        resumed.kill('SIGTERM');
      }
      await eventually('the live projection to catch up', async () => ((await checkpointModel(live).findOne().lean())?.nextBlock ?? 0) >= height ? true : undefined, 30_000);
      expectSameBelow(await snapshot(store), await snapshot(live), height);
      const ids = await ledgerModels(store).traceEvents.distinct('record.eventId');
      expect(await ledgerModels(store).traceEvents.countDocuments()).to.equal(ids.length);
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('rebuilds, with reproject, documents equal field by field to the live projection, and keeps primary data', async () => {
    const database = `reproject_${Date.now().toString(36)}`;
    const store = await mongoose.createConnection(databaseUri(database)).asPromise();
    try {
      // Primary off-chain data and a stale projection in the database that reproject will drop.
      await store.collection('primary_scan_logs').insertOne({ _id: 'scan-1' as unknown as never, at: new Date(0) });
      await store.collection('ledger_trace_events').insertOne({ _id: 'stale' as unknown as never, record: {}, source: { blockNumber: 0 } });
      const height = (await api<{ ledger: { height: number } }>('/health')).body.ledger.height;
      await eventually('the live projection to catch up', async () => ((await checkpointModel(live).findOne().lean())?.nextBlock ?? 0) >= height ? true : undefined, 30_000);
      const before = await snapshot(live);

      const result = await runProjector(configWithDatabase(database), ['--reproject']);
      expect(result.code).to.equal(0);
      expectSameBelow(await snapshot(store), before, height);
      expect(await store.collection('ledger_trace_events').findOne({ _id: 'stale' as unknown as never })).to.equal(null);
      expect(await store.collection('primary_scan_logs').countDocuments()).to.equal(1);
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });
});
