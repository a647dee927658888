import { expect } from 'chai';
import { requireNetwork, testLayout } from './testNetwork';
import { api } from './gatewayClient';

describe('gateway documentation and metrics', function () {
  this.timeout(30_000);
  before(requireNetwork);

  it('serves an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const answer = await api<{ openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> }; description: string }>> }>('/openapi.json');
    expect(answer.status).to.equal(200);
    expect(answer.body.openapi).to.equal('3.1.0');
    const write = answer.body.paths['/trace/events'].post;
    expect(write.description).to.equal('Source: ledger: submit, answers after commit. Roles: enterprise.');
    const schema = write.requestBody?.content['application/json'].schema;
    expect(schema?.required).to.include.members(['eventId', 'subjectId', 'bizStep', 'eventTime']);
    expect(answer.body.paths['/trace/subjects/{subjectId}/events'].get.description).to.match(/^Source: projection\. Public\. Pages count from 0/);
  });

  it('serves a docs page that loads the document', async () => {
    const response = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}/docs`);
    expect(response.status).to.equal(200);
    expect(await response.text()).to.include("url: '/openapi.json'");
    const asset = await fetch(`http://127.0.0.1:${testLayout().gatewayPort}/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).to.equal(200);
  });

  it('exports request counts per route and projection lag to Prometheus', async () => {
    await api('/health');
    const text = await (await fetch(`http://127.0.0.1:${testLayout().gatewayPort}/metrics`)).text();
    expect(text).to.match(/traceledger_http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(text).to.match(/traceledger_projection_lag_blocks \d+/);
    expect(text).to.match(/traceledger_ledger_height [1-9]\d*/);
  });
});
