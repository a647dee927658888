import { expect } from 'chai';
import { digitalLinkPath, DigitalLinkError, parseDigitalLink } from '../../model/src';

describe('GS1 Digital Link identifiers', () => {
  it('builds lot, serial and asset paths', () => {
    expect(digitalLinkPath({ kind: 'lot', gtin: '09521234543213', lot: 'LOT42' })).to.equal('/01/09521234543213/10/LOT42');
    expect(digitalLinkPath({ kind: 'serial', gtin: '09521234543213', serial: 'SN-0001' })).to.equal('/01/09521234543213/21/SN-0001');
    expect(digitalLinkPath({ kind: 'asset', giai: '4000001ELV33010600012' })).to.equal('/8004/4000001ELV33010600012');
  });

  it('percent-encodes characters outside the unreserved set, including those encodeURIComponent keeps', () => {
    expect(digitalLinkPath({ kind: 'lot', gtin: '09521234543213', lot: "A/B!'()*" })).to.equal('/01/09521234543213/10/A%2FB%21%27%28%29%2A');
    expect(() => digitalLinkPath({ kind: 'lot', gtin: '09521234543213', lot: 'A B' })).to.throw(DigitalLinkError, 'GS1 AI 82 character set');
  });

  it('parses a URI on any domain, ignoring the query, and round-trips encoded values', () => {
    const id = parseDigitalLink('https://resolver.example.cn/dl/01/09521234543213/10/A%2FB?s=abc&k=code-1');
    expect(id).to.deep.equal({ kind: 'lot', gtin: '09521234543213', lot: 'A/B' });
    expect(digitalLinkPath(id)).to.equal('/01/09521234543213/10/A%2FB');
  });

  it('rejects a GTIN with a wrong check digit, a missing qualifier, an overlong lot and stray segments', () => {
    expect(() => parseDigitalLink('/01/09521234543214/10/LOT42')).to.throw(DigitalLinkError, 'AI 01 must be a GTIN-14 with a valid check digit');
    expect(() => parseDigitalLink('/02/09521234543213')).to.throw(DigitalLinkError, 'no GS1 primary key');
    expect(() => parseDigitalLink('/01/09521234543213')).to.throw(DigitalLinkError, 'must be followed by /10/{lot} or /21/{serial}');
    expect(() => parseDigitalLink('/01/09521234543213/22/X')).to.throw(DigitalLinkError, 'must be followed by /10/{lot} or /21/{serial}');
    expect(() => parseDigitalLink(`/01/09521234543213/10/${'X'.repeat(21)}`)).to.throw(DigitalLinkError, 'AI 10 must be 1–20 characters');
    expect(() => parseDigitalLink('/01/09521234543213/10/L/extra')).to.throw(DigitalLinkError, 'unexpected path segments');
    expect(() => parseDigitalLink('/01/09521234543213/10/%E0%A4%A')).to.throw(DigitalLinkError, 'malformed percent-encoding');
  });
});
