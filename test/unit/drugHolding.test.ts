import { expect } from 'chai';
import { batchUnitsOfPack, unitsOnHand } from '../../model/src';

describe('the per-batch holding tally of drug units', () => {
  it('holds what was commissioned and received less what was passed on and retired', () => {
    expect(unitsOnHand({ commissioned: 50, received: 0, shippedOn: 40, retired: 0 })).to.equal(10);
    expect(unitsOnHand({ commissioned: 0, received: 40, shippedOn: 10, retired: 5 })).to.equal(25);
  });

  it('never holds fewer than none (a tally begun after its units were commissioned)', () => {
    expect(unitsOnHand({ commissioned: 0, received: 0, shippedOn: 10, retired: 0 })).to.equal(0);
  });

  it('counts a pack\'s units by batch, as packed, else all for its one batch', () => {
    const mixed = { batchUnits: { 'P/A': 6, 'P/B': 4 }, batches: ['P/A', 'P/B'], contents: { unit: 10 } };
    expect(batchUnitsOfPack(mixed, 'P/A')).to.deep.equal({ 'P/A': 6, 'P/B': 4 });
    expect(batchUnitsOfPack({ batches: ['P/B'], contents: { unit: 10, box: 1 } }, 'P/A')).to.deep.equal({ 'P/B': 10 });
    expect(batchUnitsOfPack({ batches: ['P/A', 'P/B'], contents: { unit: 10 } }, 'P/A'), 'an older mixed pack counts for its own batch').to.deep.equal({ 'P/A': 10 });
    expect(batchUnitsOfPack({ batches: ['P/A'], contents: { box: 2 } }, 'P/A')).to.deep.equal({});
  });
});
