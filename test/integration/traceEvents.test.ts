import { expect } from 'chai';
import { MspIds, publicTraceEvent, type TraceEvent } from '../../model/src';
import { evaluate } from './coldchainFixtures';
import { enrollEnterpriseIdentity } from '../../network/src/identities';
import { withContract } from '../../network/src/ledgerClient';
import { asAdmin, bindingOf, decode, peerQuery, refusalOf, registerTestEnterprise, requireNetwork, submitAndReadEvent, testLayout, uniqueId, uniquePallet, type TestEnterprise } from './testNetwork';

describe('trace events', function () {
  this.timeout(120_000);
  const layout = testLayout();
  let coldStore: TestEnterprise;

  const newEvent = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    eventId: uniqueId('ev'),
    subjectId: uniquePallet(),
    bizStep: 'storing',
    eventTime: new Date(Date.now() - 60_000).toISOString().replace('Z', '+00:00'),
    details: { temperatureC: -19.5, warehouse: 'HZ-01' },
    ...overrides,
  });

  before(async () => {
    requireNetwork();
    coldStore = await registerTestEnterprise(layout, 'supply', ['coldStore']);
  });

  it('records an event of a bound enterprise, and every peer holds what the client was told', async () => {
    const input = newEvent();
    const told = decode(await withContract(layout, coldStore.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(input)))) as TraceEvent;
    expect(told).to.include({ eventId: input.eventId, enterpriseId: coldStore.registration.id });
    expect(told.txId).to.match(/^[0-9a-f]{64}$/);
    // Every peer holds the same record. Each answers its org's admin: RegulatorOrg's is the platform
    // admin, who reads whole; the others' are no party to the event and read the public view.
    for (const peer of layout.peers) {
      const expected = peer.org.mspId === MspIds.regulator ? told : publicTraceEvent(told);
      expect(await peerQuery(layout, peer, 'trace:getEvent', input.eventId as string)).to.deep.equal(expected);
    }
    // The enterprise that recorded it reads it whole.
    expect(await evaluate(layout, coldStore, 'trace:getEvent', input.eventId as string)).to.deep.equal(told);
  });

  it('refuses an identity that no registry binding names, even with an enterprise in its certificate', async () => {
    const unbound = await enrollEnterpriseIdentity(layout.orgs.supply, uniqueId('unbound'), coldStore.registration.id);
    const refusal = await refusalOf(withContract(layout, unbound, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(newEvent()))));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `identity ${unbound.enrollmentId}@SupplyOrgMSP is not bound to any registered enterprise` });
  });

  it('refuses an identity of another enterprise whose certificate claims this enterprise', async () => {
    const other = await registerTestEnterprise(layout, 'supply', ['carrier']);
    // An identity bound to `other` whose certificate claims to act for the cold store.
    const impostor = await enrollEnterpriseIdentity(layout.orgs.supply, uniqueId('impostor'), coldStore.registration.id);
    await asAdmin(layout, (c) =>
      c.submitTransaction('registry:bindIdentity', JSON.stringify(bindingOf(other.registration.id, impostor))),
    );
    const refusal = await refusalOf(withContract(layout, impostor, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(newEvent()))));
    expect(refusal.kind).to.equal('FORBIDDEN');
    expect(refusal.detail).to.equal(
      `identity ${impostor.enrollmentId}@SupplyOrgMSP claims enterprise ${coldStore.registration.id} but is bound to ${other.registration.id}`,
    );
  });

  it('refuses a second event with the same id', async () => {
    const input = newEvent();
    await withContract(layout, coldStore.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(input)));
    const refusal = await refusalOf(withContract(layout, coldStore.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(input))));
    expect(refusal).to.deep.equal({ kind: 'CONFLICT', detail: `event ${input.eventId} is already recorded` });
  });

  it('refuses an event time later than the transaction time plus the allowed clock skew', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const refusal = await refusalOf(withContract(layout, coldStore.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(newEvent({ eventTime: future })))));
    expect(refusal.kind).to.equal('INVALID');
    expect(refusal.detail).to.include('lies in the future of the transaction time');
  });

  it('stops every identity of a revoked enterprise from writing', async () => {
    const revokedFirm = await registerTestEnterprise(layout, 'supply', ['wholesaler']);
    await withContract(layout, revokedFirm.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(newEvent())));
    await asAdmin(layout, (c) => c.submitTransaction('registry:revokeEnterprise', revokedFirm.registration.id, 'licence withdrawn'));
    const refusal = await refusalOf(withContract(layout, revokedFirm.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(newEvent()))));
    expect(refusal).to.deep.equal({ kind: 'FORBIDDEN', detail: `enterprise ${revokedFirm.registration.id} is revoked and may not write` });
  });

  it('keeps a subject history, oldest first, from the history of its key', async () => {
    const subjectId = uniquePallet();
    const steps = ['receiving', 'storing', 'shipping'];
    await withContract(layout, coldStore.identity, async (c) => {
      for (const bizStep of steps) {
        await c.submitTransaction('trace:recordEvent', JSON.stringify(newEvent({ subjectId, bizStep })));
      }
    });
    const history = decode(await withContract(layout, coldStore.identity, (c) => c.evaluateTransaction('trace:getSubjectHistory', subjectId))) as TraceEvent[];
    expect(history.map((e) => e.bizStep)).to.deep.equal(steps);
  });

  it('emits one chaincode event per write carrying the full record', async () => {
    const { eventName, payload, result } = await submitAndReadEvent(layout, coldStore.identity, 'trace:recordEvent', JSON.stringify(newEvent()));
    expect(eventName).to.equal('TraceEventRecorded');
    expect(payload).to.deep.equal(result);
  });
});
