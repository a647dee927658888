import { expect } from 'chai';
import { AddressRateLimit, clientKeyOf } from '../../gateway/src/http/addressRateLimit';

describe('anonymous rate limit per client address', () => {
  it('allows the limit within a minute, refuses the next request, and starts again with the next window', () => {
    const limit = new AddressRateLimit(3);
    const start = Date.UTC(2026, 10, 29, 22, 0, 10);
    const decisions = [0, 1, 2, 3].map((i) => limit.take('203.0.113.7', start + i));
    expect(decisions.map((d) => d.allowed)).to.deep.equal([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).to.deep.equal([2, 1, 0, 0]);
    expect(decisions[3].resetSeconds).to.equal(50);
    expect(limit.take('198.51.100.1', start + 5).allowed, 'another client has its own allowance').to.equal(true);
    expect(limit.take('203.0.113.7', start + 50_000).allowed, 'next window').to.equal(true);
  });

  it('counts one IPv6 subscriber (/56) as one client and an IPv4-mapped address as its IPv4 address', () => {
    expect(clientKeyOf('2001:db8:abcd:12ff::1')).to.equal(clientKeyOf('2001:db8:abcd:1201:5:6:7:8'));
    expect(clientKeyOf('2001:db8:abcd:12ff::1')).not.to.equal(clientKeyOf('2001:db8:abcd:13ff::1'));
    expect(clientKeyOf('::ffff:203.0.113.7')).to.equal('203.0.113.7');
    const limit = new AddressRateLimit(1);
    expect(limit.take('2001:db8:abcd:12ff::1').allowed).to.equal(true);
    expect(limit.take('2001:db8:abcd:1200::2').allowed).to.equal(false);
  });
});
