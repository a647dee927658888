import { expect } from 'chai';
import { canonicalJson } from '../../model/src';

describe('canonical JSON', () => {
  it('sorts keys at every depth so equal records give equal bytes', () => {
    const a = canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: 'z' } });
    const b = canonicalJson({ a: { c: 'z', d: [{ x: 2, y: 1 }] }, b: 1 });
    expect(a).to.equal(b);
    expect(a).to.equal('{"a":{"c":"z","d":[{"x":2,"y":1}]},"b":1}');
  });

  it('drops undefined members and keeps array order', () => {
    expect(canonicalJson({ a: undefined, b: [3, 1, 2] })).to.equal('{"b":[3,1,2]}');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ t: Number.NaN })).to.throw(TypeError);
  });
});
