import { expect } from 'chai';
import { requireNetwork, uniqueId } from './testNetwork';
import { api, onboardEnterprise, traceEvent, type OnboardedEnterprise } from './gatewayClient';
import { startInProcessGateway } from './inProcessGateway';

describe('gateway error answers', function () {
  this.timeout(120_000);
  let firm: OnboardedEnterprise;

  before(async () => {
    requireNetwork();
    firm = await onboardEnterprise();
  });

  const write = (body: unknown, key = uniqueId('k')) => api('/trace/events', { token: firm.token, idempotencyKey: key, body });

  it('answers a bad body with 400 naming each bad field, as problem+json with a request id', async () => {
    const answer = await write({ eventId: 'x y', subjectId: 'LOT', bizStep: 'Shipping!', eventTime: '2026-11-29' });
    expect(answer.status).to.equal(400);
    expect(answer.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect((answer.body.issues as { field: string }[]).map((i) => i.field)).to.deep.equal(['eventId', 'bizStep', 'eventTime']);
    expect(answer.body.requestId).to.equal(answer.headers.get('x-request-id'));
    expect(JSON.stringify(answer.body)).not.to.match(/at .*\.js:\d+/);
  });

  it('refuses a trace event that poses as a lot or unit, and takes a CBV step or a URI of the writer\'s vocabulary', async () => {
    const onLot = await write(traceEvent({ subjectId: '01/09521234543213/10/LOT1' }));
    expect(onLot.status).to.equal(400);
    expect(onLot.body.detail).to.match(/^subjectId: names a cold-chain lot or unit .* record what happens to it with the cold-chain API \(POST \/coldchain\/custody\)/);
    const word = await write(traceEvent({ bizStep: 'thawing' }));
    expect(word.status).to.equal(400);
    expect(word.body.detail).to.equal('bizStep: must be a CBV business step such as shipping, receiving or storing, or a URI of your own vocabulary such as https://example.com/steps/thawing');
    expect((await write(traceEvent({ bizStep: 'https://example.com/steps/thawing' }))).status).to.equal(201);
    expect((await write(traceEvent({ bizStep: 'retail_selling' }))).status).to.equal(201);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await api('/trace/events', { token: firm.token, idempotencyKey: uniqueId('k'), rawBody: '{"eventId":' });
    expect(malformed.status).to.equal(400);
    expect(malformed.body.detail).to.equal('the request body is not valid JSON');
    const huge = await api('/trace/events', { token: firm.token, idempotencyKey: uniqueId('k'), rawBody: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
    expect(huge.status).to.equal(413);
  });

  it('requires an Idempotency-Key on writes', async () => {
    const answer = await api('/trace/events', { token: firm.token, body: traceEvent() });
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.match(/^the Idempotency-Key header is required/);
  });

  it('maps chaincode refusals to 409, 400 and 404 with the chaincode\'s message', async () => {
    const event = traceEvent();
    expect((await write(event)).status).to.equal(201);
    const duplicate = await write(event);
    expect(duplicate.status).to.equal(409);
    expect(duplicate.body.detail).to.equal(`event ${event.eventId} is already recorded`);
    const future = await write(traceEvent({ eventTime: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(future.status).to.equal(400);
    expect(future.body.detail).to.match(/lies in the future of the transaction time/);
    const missing = await api('/trace/events/no-such-event');
    expect(missing.status).to.equal(404);
    expect(missing.body.detail).to.equal('event no-such-event is not recorded');
  });

  it('answers an unknown route with 404', async () => {
    const answer = await api('/no/such/route');
    expect(answer.status).to.equal(404);
    expect(answer.body).to.include({ title: 'Not Found', detail: 'no route GET /no/such/route' });
  });

  it('limits anonymous requests per client with one allowance for scans and the API, and answers 429 with Retry-After', async () => {
    const gateway = await startInProcessGateway((config) => {
      config.anonymousRateLimitPerMinute = 3;
    });
    try {
      // Allowances start again each minute: begin well inside one.
      const msLeft = 60_000 - (Date.now() % 60_000);
      if (msLeft < 10_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 100));
      const scan = () => fetch(`${gateway.base}/01/09521234543213/10/NO-SUCH-LOT`, { headers: { accept: 'application/json' } });
      const allowed = [await scan(), await scan()];
      expect(allowed.map((r) => r.status)).to.deep.equal([404, 404]);
      expect(allowed[1].headers.get('ratelimit')).to.match(/^"anonymous";r=1;t=\d+$/);
      expect((await fetch(`${gateway.base}/health`)).status, 'the API draws on the same allowance').to.not.equal(429);
      const refused = await scan();
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      expect(((await refused.json()) as { detail: string }).detail).to.include('more than 3 requests a minute');
      expect((await fetch(`${gateway.base}/health`)).status).to.equal(429);
      const withToken = await fetch(`${gateway.base}/enterprises/${firm.id}`, { headers: { authorization: `Bearer ${firm.token}` } });
      expect(withToken.status, 'clients with a token are not limited').to.not.equal(429);
    } finally {
      await gateway.close();
    }
  });

  it('answers 503 with Retry-After when the peers cannot be reached', async () => {
    // A second gateway on the same store and keys, whose peers point at a closed port.
    const gateway = await startInProcessGateway((config) => {
      for (const peer of Object.values(config.peers)) peer.address = '127.0.0.1:1';
    });
    try {
      const response = await fetch(`${gateway.base}/trace/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${firm.token}`, 'content-type': 'application/json', 'idempotency-key': uniqueId('k') },
        body: JSON.stringify(traceEvent()),
      });
      expect(response.status).to.equal(503);
      expect(response.headers.get('retry-after')).to.equal('5');
      expect(((await response.json()) as { detail: string }).detail).to.equal('the ledger is not reachable right now; retry shortly');
    } finally {
      await gateway.close();
    }
  });
});
