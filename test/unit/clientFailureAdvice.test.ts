import { expect } from 'chai';
import { adviceAfter, GatewayRefusal, GatewayUnreachable } from '../../gateway/src/client';

describe('advice after an offline client failure', () => {
  const url = 'https://gateway.example.com';

  it('adds nothing to a refusal, whose detail says what is wrong', () => {
    const refusal = new GatewayRefusal('/offline/endorsements', 403, 'identity clerk@SupplyOrgMSP has no confirmed key yet');
    expect(refusal.message).to.equal('/offline/endorsements: 403 identity clerk@SupplyOrgMSP has no confirmed key yet');
    expect(adviceAfter(refusal, url)).to.equal(undefined);
  });

  it('points at the gateway address when no answer came', () => {
    const unreachable = new GatewayUnreachable(url, new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:7080') }));
    expect(unreachable.message).to.equal('the gateway at https://gateway.example.com did not answer (connect ECONNREFUSED 127.0.0.1:7080)');
    expect(adviceAfter(unreachable, url)).to.match(/^Check TRACELEDGER_GATEWAY_URL \(now https:\/\/gateway\.example\.com\)/);
  });

  it('adds nothing to other failures (a missing token, a bad ticket)', () => {
    expect(adviceAfter(new Error('set TRACELEDGER_TOKEN to your enterprise token'), url)).to.equal(undefined);
  });
});
