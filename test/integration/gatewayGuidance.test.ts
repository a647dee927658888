import { expect } from 'chai';
import { lotIdOf } from '../../model/src';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';
import { api, onboardEnterprise, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, lotRegistration, Places, scenarioClock } from './coldchainFixtures';

interface Problem {
  title: string;
  detail: string;
}

describe('gateway errors that say what to do', function () {
  this.timeout(120_000);
  const at = scenarioClock();
  let importer: OnboardedEnterprise;
  /** A lot on the ledger, for complaints to name. */
  let lotId: string;

  /** A POST with the body and content-type as given (the api() helper sends JSON), as a browser's form would: no Idempotency-Key header without a token. */
  const send = (route: string, body: string, contentType: string, token?: string) =>
    fetch(`http://127.0.0.1:${testLayout().gatewayPort}${route}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}`, 'idempotency-key': uniqueId('k') } : {}) },
      body,
    });

  before(async () => {
    requireNetwork();
    importer = await onboardEnterprise('custodial', ['importer']);
    const registration = lotRegistration();
    lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    const created = await api('/coldchain/lots', { token: importer.token, idempotencyKey: uniqueId('k'), body: registration });
    expect(created.status).to.equal(201);
  });

  it('asks for JSON when a body comes as another type, writing nothing, and still takes HTML form complaints', async () => {
    const registration = lotRegistration();
    const plain = await send('/coldchain/lots', JSON.stringify(registration), 'text/plain', importer.token);
    expect(plain.status).to.equal(415);
    expect(await plain.json()).to.deep.include({ title: 'Unsupported Media Type', detail: 'send JSON with content-type application/json (this body came as text/plain)' });
    const notCreated = await api(`/coldchain/lots/${encodeURIComponent(lotIdOf(registration.gtin as string, registration.lotNumber as string))}`);
    expect(notCreated.status).to.equal(404);
    const form = await send('/coldchain/lots', new URLSearchParams({ gtin: '09521234543213' }).toString(), 'application/x-www-form-urlencoded', importer.token);
    expect(form.status).to.equal(415);
    expect(((await form.json()) as Problem).detail).to.equal('send JSON with content-type application/json (this body came as application/x-www-form-urlencoded)');

    const complaint = { subjectId: lotId, category: 'quality', text: 'the carton arrived soft and wet' };
    const plainComplaint = await send('/complaints', JSON.stringify(complaint), 'text/plain');
    expect(plainComplaint.status).to.equal(415);
    expect(((await plainComplaint.json()) as Problem).detail).to.equal(
      'send JSON with content-type application/json, or an HTML form as application/x-www-form-urlencoded (this body came as text/plain)',
    );
    const formComplaint = await send('/complaints', new URLSearchParams({ ...complaint, idempotencyKey: uniqueId('complaint'), lang: 'en' }).toString(), 'application/x-www-form-urlencoded');
    expect(formComplaint.status).to.equal(201);
    expect(formComplaint.headers.get('content-type')).to.match(/^text\/html/);
  });

  it('names the check digit a GTIN should have', async () => {
    const answer = await api<Problem>('/coldchain/lots', { token: importer.token, idempotencyKey: uniqueId('k'), body: lotRegistration({ gtin: '09521234543214' }) });
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.equal('gtin: GTIN 09521234543214 has check digit 4, but the check digit of 0952123454321 is 3');
  });

  it('names the check character a credit code should have', async () => {
    const first17 = importer.id.slice(0, 17);
    const right = importer.id[17];
    const wrong = right === '0' ? '1' : '0';
    const ship = custodyEvent('ship', lotId, at(0), Places.ningboPort, { to: `${first17}${wrong}`, quantity: 1000 });
    const answer = await api<Problem>('/coldchain/custody', { token: importer.token, idempotencyKey: uniqueId('k'), body: ship });
    expect(answer.status).to.equal(400);
    expect(answer.body.detail).to.equal(`to: credit code ${first17}${wrong} has check character ${wrong}, but the check character of ${first17} is ${right}`);
  });

  it('takes a complaint\'s Idempotency-Key in the header and answers a retry with the clue already filed', async () => {
    const complaint = { subjectId: lotId, category: 'temperature', text: 'ice crystals inside the sealed pack' };
    const key = uniqueId('complaint');
    const first = await api<{ result: { clueId: string } }>('/complaints', { idempotencyKey: key, body: complaint });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.headers.get('idempotent-replayed')).to.equal(null);
    const retry = await api<{ result: { clueId: string } }>('/complaints', { idempotencyKey: key, body: complaint });
    expect(retry.status).to.equal(201);
    expect(retry.headers.get('idempotent-replayed')).to.equal('true');
    expect(retry.body.result.clueId).to.equal(first.body.result.clueId);

    const twoKeys = await api<Problem>('/complaints', { idempotencyKey: uniqueId('complaint'), body: { ...complaint, idempotencyKey: uniqueId('complaint') } });
    expect(twoKeys.status).to.equal(400);
    expect(twoKeys.body.detail).to.equal("the Idempotency-Key header and the body's idempotencyKey differ: send one key, or the same in both");
    const noKey = await api<Problem>('/complaints', { body: complaint });
    expect(noKey.status).to.equal(400);
    expect(noKey.body.detail).to.match(/^the Idempotency-Key header is required on write routes \(HTML forms: an idempotencyKey field\)/);
  });
});
