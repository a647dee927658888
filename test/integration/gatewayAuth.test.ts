import { expect } from 'chai';
import { peerQuery, requireNetwork, testLayout } from './testNetwork';
import { api, craftedToken, onboardEnterprise, testAdminToken, traceEvent, type OnboardedEnterprise } from './gatewayClient';
import { uniqueId } from './testNetwork';

describe('gateway identities and roles', function () {
  this.timeout(120_000);
  const layout = testLayout();
  let firm: OnboardedEnterprise;

  before(async () => {
    requireNetwork();
    firm = await onboardEnterprise();
  });

  it('onboards an enterprise at runtime and its token writes with the enterprise\'s own Fabric identity', async () => {
    expect(firm.body.identity).to.deep.include({ mspId: 'SupplyOrgMSP', enrollmentId: firm.enrollmentId, custody: 'custodial' });
    // The binding pins the key of the certificate the gateway enrolled for it.
    expect((firm.body.identity as { keyFingerprint: string }).keyFingerprint).to.match(/^[0-9a-f]{64}$/);
    const event = traceEvent();
    const answer = await api<{ txId: string; blockNumber: number; result: { enterpriseId: string } }>('/trace/events', { token: firm.token, idempotencyKey: uniqueId('k'), body: event });
    expect(answer.status).to.equal(201);
    expect(answer.body.result.enterpriseId).to.equal(firm.id);
    expect(answer.body.blockNumber).to.be.a('number');
    // Chaincode saw the enterprise's own certificate: the binding is for its enrollment id, not a shared identity.
    const stored = (await peerQuery(layout, layout.peers[2], 'trace:getEvent', event.eventId as string)) as { enterpriseId: string };
    expect(stored).to.include({ eventId: event.eventId, enterpriseId: firm.id });
    // The transaction id is for the parties: the firm reads its own event whole.
    const own = await api<{ txId: string }>(`/trace/events/${encodeURIComponent(event.eventId as string)}`, { token: firm.token });
    expect(own.body.txId).to.equal(answer.body.txId);
  });

  it('publishes its token-signing and trace-code keys as JWKS', async () => {
    const answer = await api<{ keys: { kty: string; crv: string; alg: string; kid: string }[] }>('/.well-known/jwks.json');
    expect(answer.status).to.equal(200);
    expect(answer.body.keys).to.have.length(2);
    for (const key of answer.body.keys) expect(key).to.include({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(answer.body.keys[1].kid).to.match(/^code-/);
    const [header] = firm.token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString()).kid).to.equal(answer.body.keys[0].kid);
  });

  it('answers a write without a token with 401', async () => {
    const answer = await api('/trace/events', { idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(answer.status).to.equal(401);
    expect(answer.body.detail).to.equal('a bearer token is required');
    expect(answer.headers.get('www-authenticate')).to.equal('Bearer');
  });

  it('answers a tampered or expired token with 401', async () => {
    const tampered = await api('/trace/events', { token: `${firm.token.slice(0, -4)}AAAA`, idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(tampered.status).to.equal(401);
    expect(tampered.body.detail).to.equal('the token is not valid');
    const expired = await craftedToken({ sub: firm.id, role: 'enterprise', msp: firm.mspId, enr: firm.enrollmentId, ent: firm.id }, '1s');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const late = await api('/trace/events', { token: expired, idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(late.status).to.equal(401);
    expect(late.body.detail).to.equal('the token has expired');
  });

  it('answers a route of another role with 403', async () => {
    const answer = await api('/admin/regulators', { token: firm.token, body: { enrollmentId: 'not-allowed' } });
    expect(answer.status).to.equal(403);
    expect(answer.body.detail).to.equal("this route is for admin tokens; this token's role is enterprise");
    const asAdmin = await api('/trace/events', { token: await testAdminToken(), idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(asAdmin.status).to.equal(403);
  });

  it('lets a regulator read the enterprise register but not write events', async () => {
    const enrolled = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } });
    expect(enrolled.status).to.equal(201);
    // The register is paged by credit code: the page after the firm's first 17 characters opens with it.
    const list = await api<{ id: string }[]>(`/enterprises?kind=coldStore&limit=1&after=${firm.id.slice(0, 17)}`, { token: enrolled.body.token });
    expect(list.status).to.equal(200);
    expect(list.body.map((e) => e.id)).to.include(firm.id);
    const write = await api('/trace/events', { token: enrolled.body.token, idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(write.status).to.equal(403);
  });

  it('refuses the unexpired token of a revoked enterprise (chaincode refuses its writes on its own: traceEvents.test.ts)', async () => {
    const revoked = await onboardEnterprise();
    const revoke = await api('/admin/enterprises/' + revoked.id + '/revoke', { token: await testAdminToken(), idempotencyKey: uniqueId('k'), body: { reason: 'licence withdrawn' } });
    expect(revoke.status).to.equal(201);
    const write = await api('/trace/events', { token: revoked.token, idempotencyKey: uniqueId('k'), body: traceEvent() });
    expect(write.status).to.equal(403);
    expect(write.body.detail).to.match(new RegExp(`^enterprise ${revoked.id} was revoked on the ledger at \\S+: its tokens are no longer accepted$`));
  });
});
