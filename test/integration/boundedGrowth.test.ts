import { expect } from 'chai';
import mongoose from 'mongoose';
import { MAX_COMPLAINTS_PER_SUBJECT_PER_DAY, MAX_CUSTODY_EVENTS_PER_LOT } from '../../model/src';
import { ledgerModels } from '../../gateway/src/projection/models';
import { createTestLot, custodyEvent, newLotNumber, Places, scenarioClock, submit } from './coldchainFixtures';
import { api, eventually, gatewayConfig, onboardEnterprise, traceEvent, type OnboardedEnterprise } from './gatewayClient';
import { refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, uniquePallet, type TestEnterprise } from './testNetwork';

const MEGABYTE = 1024 * 1024;
/** The size a document takes as JSON: BSON is within a few percent of it for these shapes. */
const sizeOf = (doc: unknown): number => Buffer.byteLength(JSON.stringify(doc));

describe('hostile writers: nothing grows without bound', function () {
  this.timeout(300_000);
  const layout = testLayout();
  let writer: OnboardedEnterprise;
  let importer: TestEnterprise;
  let store: mongoose.Connection;
  let models: ReturnType<typeof ledgerModels>;

  before(async () => {
    requireNetwork();
    writer = await onboardEnterprise();
    importer = await registerTestEnterprise(layout, 'supply', ['importer']);
    store = await mongoose.createConnection(String(gatewayConfig().mongoUri)).asPromise();
    models = ledgerModels(store);
  });
  after(async () => {
    await store?.close();
  });

  it("pages a subject's trace timeline instead of growing one document", async () => {
    // The test network's gateway keeps 5 events a page (TRACELEDGER_TIMELINE_PAGE_EVENTS in scripts/test.ts).
    const subjectId = uniquePallet();
    const written: string[] = [];
    for (let i = 0; i < 12; i++) {
      const event = traceEvent({ subjectId, eventTime: new Date(Date.now() - 60_000 + i).toISOString() });
      expect((await api('/trace/events', { token: writer.token, idempotencyKey: uniqueId('k'), body: event })).status).to.equal(201);
      written.push(event.eventId as string);
    }
    const route = `/trace/subjects/${encodeURIComponent(subjectId)}/events`;
    const last = await eventually('the third page', async () => {
      const answer = await api<{ eventId: string }[]>(`${route}?page=2`);
      return answer.status === 200 && answer.body.length === 2 ? answer : undefined;
    });
    expect(last.headers.get('x-pages')).to.equal('3');
    expect(last.headers.get('link')).to.equal(null);
    const first = await api<{ eventId: string }[]>(route);
    expect(first.headers.get('x-page')).to.equal('0');
    expect(first.headers.get('link')).to.equal(`<${route}?page=1>; rel="next"`);
    const second = await api<{ eventId: string }[]>(`${route}?page=1`);
    expect([...first.body, ...second.body, ...last.body].map((e) => e.eventId)).to.deep.equal(written);
    const documents = await models.traceSubjects.find({ _id: { $in: [subjectId, `${subjectId}|0`, `${subjectId}|1`] } }).lean();
    expect(documents.map((d) => d.items.length).sort()).to.deep.equal([2, 5, 5]);
  });

  it('refuses complaints about unknown subjects and past the daily allowance of one subject', async () => {
    const complain = (subjectId: string) =>
      api<{ detail: string }>('/complaints', { body: { subjectId, category: 'quality', text: 'smells off after opening', idempotencyKey: uniqueId('complaint') } });
    const unknown = await complain(`01/09521234543213/10/${uniqueId('NOSUCH').slice(-20)}`);
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.match(/^nothing is registered under 01\/09521234543213\/10\/.+: a complaint must name/);

    const lotId = await createTestLot(layout, importer);
    for (let i = 0; i < MAX_COMPLAINTS_PER_SUBJECT_PER_DAY; i++) {
      const filed = await complain(lotId);
      // The allowance counts per UTC day: a run across midnight starts a new one.
      if (filed.status === 409) break;
      expect(filed.status, JSON.stringify(filed.body)).to.equal(201);
    }
    const refused = await complain(lotId);
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.include(`has received ${MAX_COMPLAINTS_PER_SUBJECT_PER_DAY} complaints today`);
  });

  it("caps a lot's custody log with a clear refusal, lets a full lot be split, and keeps its journey under 1 MB", async () => {
    const at = scenarioClock();
    const lotId = await createTestLot(layout, importer);
    // Creation is the first event of the log.
    const events = Array.from({ length: MAX_CUSTODY_EVENTS_PER_LOT - 1 }, (_, i) => custodyEvent('store', lotId, at(i / 100), Places.hangzhouColdStore));
    await submit(layout, importer, 'coldchain:recordCustodyBatch', JSON.stringify({ events }));
    const refusal = await refusalOf(submit(layout, importer, 'coldchain:recordCustody', JSON.stringify(custodyEvent('store', lotId, at(11), Places.hangzhouColdStore))));
    expect(refusal.kind).to.equal('CONFLICT');
    expect(refusal.detail).to.equal(`lot ${lotId} has reached its limit of ${MAX_CUSTODY_EVENTS_PER_LOT} custody events; split it into new lots to record more, or sell serialised units`);
    const split = { eventId: uniqueId('split'), lotId, eventTime: at(12), location: Places.hangzhouColdStore, children: [{ lotNumber: newLotNumber(), quantity: 400 }] };
    const derived = await submit(layout, importer, 'coldchain:splitLot', JSON.stringify(split));
    expect(derived.lineage).to.have.length(1);

    const journey = await eventually('the full journey in the projection', async () => {
      const doc = await models.journeys.read(lotId);
      return doc && doc.custody.length === MAX_CUSTODY_EVENTS_PER_LOT + 1 ? doc : undefined;
    }, 60_000);
    expect(sizeOf(journey)).to.be.below(MEGABYTE);
  });
});
