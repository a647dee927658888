import { expect } from 'chai';
import { requireNetwork } from './testNetwork';
import { testAdminToken } from './gatewayClient';
import { startInProcessGateway, type InProcessGateway } from './inProcessGateway';

/** A resolver answer that needs nothing projected: an unknown lot's friendly 404. */
const UNKNOWN_LOT = '/01/09521234543213/10/NO-SUCH-LOT';

describe('headers that fit the transport', function () {
  this.timeout(60_000);
  let plain: InProcessGateway;
  let secure: InProcessGateway;
  let adminToken: string;

  before(async () => {
    requireNetwork();
    adminToken = await testAdminToken();
    // The test network's own configuration serves plain HTTP; an https:// resolver base says the public address is HTTPS.
    plain = await startInProcessGateway();
    secure = await startInProcessGateway((config) => {
      config.resolverBase = 'https://id.example.cn';
    });
  });

  after(async () => {
    await plain?.close();
    await secure?.close();
  });

  /** HSTS and the CSP of an Express page, an anonymous scan (fast path) and a scan with a token (Express path). */
  async function headersOf(gateway: InProcessGateway): Promise<{ hsts: (string | null)[]; csp: (string | null)[] }> {
    const answers = await Promise.all([
      fetch(`${gateway.base}/docs`),
      fetch(`${gateway.base}${UNKNOWN_LOT}`),
      fetch(`${gateway.base}${UNKNOWN_LOT}`, { headers: { authorization: `Bearer ${adminToken}` } }),
    ]);
    expect(answers.map((answer) => answer.status)).to.deep.equal([200, 404, 404]);
    return { hsts: answers.map((a) => a.headers.get('strict-transport-security')), csp: answers.map((a) => a.headers.get('content-security-policy')) };
  }

  it('sends neither HSTS nor upgrade-insecure-requests over plain HTTP, from Express or the resolver', async () => {
    expect(plain.services.publicHttps).to.equal(false);
    const { hsts, csp } = await headersOf(plain);
    expect(hsts).to.deep.equal([null, null, null]);
    for (const policy of csp) expect(policy).to.be.a('string').and.not.include('upgrade-insecure-requests');
  });

  it('sends both when the gateway is served over HTTPS, the resolver keeping its script-free policy', async () => {
    expect(secure.services.publicHttps).to.equal(true);
    const { hsts, csp } = await headersOf(secure);
    expect(hsts).to.deep.equal(Array<string>(3).fill('max-age=31536000; includeSubDomains'));
    for (const policy of csp) expect(policy).to.include('upgrade-insecure-requests');
    expect(csp[1]).to.include("default-src 'none'");
    expect(csp[2]).to.include("default-src 'none'");
  });
});
