import { expect } from 'chai';
import { onboardEnterprise, traceEvent, type OnboardedEnterprise } from './gatewayClient';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';
import { requireNetwork, uniqueId } from './testNetwork';

/** A JSON body of about `bytes` bytes that would parse. */
const bulky = (bytes: number): string => JSON.stringify({ padding: 'x'.repeat(bytes) });

describe('hostile writers: cheap refusals stay cheap', function () {
  this.timeout(120_000);
  let gateway: InProcessGateway;
  let writer: OnboardedEnterprise;

  before(async () => {
    requireNetwork();
    writer = await onboardEnterprise();
    gateway = await startInProcessGateway((config) => {
      config.enterpriseWritesPerMinute = 3;
    });
  });
  after(async () => {
    await gateway?.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${gateway.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses a bad token before reading a large body', async () => {
    const answer = await post('/trace/events', bulky(2 * 1024 * 1024), { authorization: 'Bearer not-a-token', 'idempotency-key': uniqueId('k') });
    expect(answer.status, 'authentication first, not 413 from the body parser').to.equal(401);
  });

  it('reads the 16 MB readings upload body only for an enterprise token', async () => {
    const anonymous = await post('/coldchain/loggers/urn%3Aepc%3Aid%3Agiai%3A0614141.LOGGER1/readings', bulky(2 * 1024 * 1024), { 'idempotency-key': uniqueId('k') });
    expect(anonymous.status).to.equal(401);
    expect(((await anonymous.json()) as { detail: string }).detail).to.equal('a bearer token is required');
  });

  it("stops an enterprise's writes past its quota a minute with 429 and Retry-After, while reads go on", async () => {
    // Quotas count per fixed minute: begin well inside one.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 20_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 100));
    const write = () => post('/trace/events', JSON.stringify(traceEvent()), { authorization: `Bearer ${writer.token}`, 'idempotency-key': uniqueId('k') });
    for (let i = 0; i < 3; i++) expect((await write()).status).to.equal(201);
    const refused = await write();
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
    expect(((await refused.json()) as { detail: string }).detail).to.equal(`more than 3 writes a minute from enterprise ${writer.id}; slow down or ask the operator for a larger quota`);
    const read = await fetch(`${gateway.base}/enterprises/${writer.id}`, { headers: { authorization: `Bearer ${writer.token}` } });
    expect(read.status).to.equal(200);
  });
});
