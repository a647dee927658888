import { expect } from 'chai';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { servedOverHttps } from '../../gateway/src/config';
import { helmetOptions, HSTS } from '../../gateway/src/http/transportSecurity';
import { resolverHeaders } from '../../gateway/src/routes/resolverHeaders';

/** The headers helmet sets on one answer with the gateway's options. */
function helmetHeaders(publicHttps: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)), removeHeader: (name: string) => void delete headers[name.toLowerCase()] };
  let passed = false;
  helmet(helmetOptions(publicHttps))({} as IncomingMessage, response as unknown as ServerResponse, () => {
    passed = true;
  });
  expect(passed, 'helmet calls next').to.equal(true);
  return headers;
}

describe('headers that fit the transport', () => {
  it('sends neither HSTS nor upgrade-insecure-requests from Express when served over plain HTTP', () => {
    const headers = helmetHeaders(false);
    expect(headers).to.not.have.property('strict-transport-security');
    expect(headers['content-security-policy']).to.include("script-src 'self' 'unsafe-inline'").and.not.include('upgrade-insecure-requests');
  });

  it('sends both from Express when served over HTTPS', () => {
    const headers = helmetHeaders(true);
    expect(headers['strict-transport-security']).to.equal(HSTS);
    expect(headers['content-security-policy']).to.include('upgrade-insecure-requests');
  });

  it('gives the resolver’s own answers the same choice, keeping its strict page policy', () => {
    const plain = resolverHeaders(false);
    expect(plain).to.not.have.property('Strict-Transport-Security');
    expect(plain['Content-Security-Policy']).to.include("default-src 'none'").and.not.include('upgrade-insecure-requests');
    const secure = resolverHeaders(true);
    expect(secure['Strict-Transport-Security']).to.equal(HSTS);
    expect(secure['Content-Security-Policy']).to.include("default-src 'none'").and.include('upgrade-insecure-requests');
  });

  it('takes HTTPS from the configuration, else from an https:// resolver base', () => {
    expect(servedOverHttps({})).to.equal(false);
    expect(servedOverHttps({ resolverBase: 'http://192.168.1.20:3000' })).to.equal(false);
    expect(servedOverHttps({ resolverBase: 'HTTPS://id.example.cn' })).to.equal(true);
    expect(servedOverHttps({ resolverBase: 'https://id.example.cn', publicHttps: false })).to.equal(false);
    expect(servedOverHttps({ resolverBase: 'http://127.0.0.1:3000', publicHttps: true })).to.equal(true);
  });

});
