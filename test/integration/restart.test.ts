import { expect } from 'chai';
import type { TraceEvent } from '../../model/src';
import { networkDown, networkUp } from '../../network/src/network';
import { runningPid } from '../../network/src/processes';
import { withContract } from '../../network/src/ledgerClient';
import { decode, registerTestEnterprise, requireNetwork, testLayout, TEST_NETWORK_OPTIONS, uniqueId } from './testNetwork';

describe('ledger durability', function () {
  this.timeout(240_000);
  const layout = testLayout();
  before(requireNetwork);

  it('keeps committed events across npm stop and npm start', async () => {
    const firm = await registerTestEnterprise(layout, 'supply', ['coldStore']);
    const input = { eventId: uniqueId('durable'), subjectId: uniqueId('LOT'), bizStep: 'storing', eventTime: new Date().toISOString() };
    const before = decode(await withContract(layout, firm.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify(input)))) as TraceEvent;

    const stopped = await networkDown(layout);
    expect(stopped).to.include.members(['orderer1', 'peer0-supply', 'chaincode-supply']);
    expect(runningPid(layout, 'peer0-supply')).to.equal(undefined);

    await networkUp(layout, TEST_NETWORK_OPTIONS);
    const after = decode(await withContract(layout, firm.identity, (c) => c.evaluateTransaction('trace:getEvent', input.eventId))) as TraceEvent;
    expect(after).to.deep.equal(before);
    // The restarted network still accepts writes from the same identity.
    await withContract(layout, firm.identity, (c) => c.submitTransaction('trace:recordEvent', JSON.stringify({ ...input, eventId: uniqueId('after-restart') })));
  });
});
