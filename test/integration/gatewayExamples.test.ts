import { expect } from 'chai';
import { operationName, operationsWithoutExample, examplesWithoutOperation, type DocumentPaths } from '../../gateway/src/openapi/exampleCoverage';
import { EXAMPLE_SCENARIO } from '../../gateway/src/openapi/examples';
import type { ExampleCall } from '../../gateway/src/openapi/exampleCall';
import { isReadConflict, keptBy, sendExample, shortcomingsOf, type ExampleAnswer, type RunValues } from './exampleCalls';
import { exampleRunValues } from './exampleRunValues';
import { testAdminToken } from './gatewayClient';
import { requireNetwork, testLayout } from './testNetwork';

/** How long a read of the projection may take to show what the ledger committed. */
const PROJECTION_WAIT_MS = 30_000;
const RETRY_MS = 250;
const MAX_CONFLICT_RETRIES = 3;

/**
 * The examples of the OpenAPI document are the API's contract in miniature: this suite sends every
 * one of them, in the order of their story, to the test network's gateway and checks each answer
 * holds what its example shows. An example that stops being true fails here instead of misleading
 * the next reader of /docs.
 */
describe('the OpenAPI examples, sent to the running gateway', function () {
  this.timeout(60_000);
  const base = `http://127.0.0.1:${testLayout().gatewayPort}`;
  const values: RunValues = exampleRunValues(Date.now(), process.env.TRACELEDGER_RESOLVER_BASE ?? base);
  let adminToken: string;
  /** The first step that failed: the story builds on every step, so the rest are skipped after it. */
  let brokenAt: string | undefined;

  before(async () => {
    requireNetwork();
    adminToken = await testAdminToken();
  });

  it('has an example for every operation of /openapi.json, and no example of an operation it lacks', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: DocumentPaths };
    expect(operationsWithoutExample(document.paths, EXAMPLE_SCENARIO), 'operations without an example (add one to gateway/src/openapi/examples)').to.deep.equal([]);
    expect(examplesWithoutOperation(document.paths, EXAMPLE_SCENARIO), 'examples naming no operation').to.deep.equal([]);
  });

  /** Sends the example, again while it reads a projection that has not caught up, or lost a read conflict to another write. */
  async function answerTo(example: ExampleCall): Promise<{ answer: ExampleAnswer; shortcomings: string[] }> {
    const deadline = Date.now() + PROJECTION_WAIT_MS;
    let retries = 0;
    for (;;) {
      const answer = await sendExample(base, example, values, adminToken, retries);
      if (isReadConflict(answer) && retries < MAX_CONFLICT_RETRIES) {
        retries += 1;
        continue;
      }
      const shortcomings = shortcomingsOf(example, answer, values);
      if (shortcomings.length === 0 || !example.eventual || Date.now() > deadline) return { answer, shortcomings };
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  EXAMPLE_SCENARIO.forEach((example, index) => {
    const name = `${index + 1}. ${example.title}: ${operationName(example.method, example.path)} → ${example.status}`;
    it(name, async function () {
      if (brokenAt) this.skip();
      try {
        const { answer, shortcomings } = await answerTo(example);
        expect(shortcomings, `${name}${example.eventual ? ` (retried for ${PROJECTION_WAIT_MS / 1000} s)` : ''}`).to.deep.equal([]);
        Object.assign(values, keptBy(example, answer));
      } catch (error) {
        brokenAt = name;
        throw error;
      }
    });
  });
});
