import { expect } from 'chai';
import { correctedLink, correctedLinkQuantity, linkQuantity, type LineageCorrection, type LineageLink } from '../../model/src';

describe('lineage link quantities', () => {
  const link = (kind: LineageLink['kind'], quantity: number): LineageLink => ({ parentId: 'P', childId: 'C', kind, quantity, eventId: 'e1', eventTime: '2026-11-01T00:00:00Z', txId: 'tx1' });

  it("gives a split child's link the child's own quantity, not what left the parent", () => {
    expect([300, 200].map((initialQuantity) => linkQuantity('split', 500, { initialQuantity }))).to.deep.equal([300, 200]);
  });

  it("gives merge and transform links what the parent gave up, whatever the child's quantity", () => {
    expect(linkQuantity('merge', 250, { initialQuantity: 1250 })).to.equal(250);
    // Carcasses in kg into cuts in pieces: every output's link carries the input's whole consumed quantity.
    expect([2400, 600].map((initialQuantity) => linkQuantity('transform', 800, { initialQuantity }))).to.deep.equal([800, 800]);
  });

  it("recomputes a split link written with the parent's total from the child lot", () => {
    expect(correctedLinkQuantity(link('split', 500), { initialQuantity: 300 })).to.equal(300);
    expect(correctedLinkQuantity(link('split', 500), { initialQuantity: 200 })).to.equal(200);
  });

  it('finds nothing to correct on a right split link, nor on merge and transform links', () => {
    expect(correctedLinkQuantity(link('split', 300), { initialQuantity: 300 })).to.equal(300);
    expect(correctedLinkQuantity(link('merge', 250), { initialQuantity: 1250 })).to.equal(250);
    expect(correctedLinkQuantity(link('transform', 800), { initialQuantity: 2400 })).to.equal(800);
  });

  it('shows a corrected link with its new figures, the figure first written and the correction, and an uncorrected one as written', () => {
    const written = link('split', 500);
    const correction: LineageCorrection = {
      parentId: 'P', childId: 'C', kind: 'split', eventId: 'e1', linkTxId: 'tx1', originalQuantity: 500, quantity: 300, childQuantity: 300,
      basis: 'initialQuantity of lot C', correctedBy: 'admin:ops', correctedAt: '2026-12-01T00:00:00Z', txId: 'tx9',
    };
    expect(correctedLink(written, correction)).to.deep.equal({ ...written, quantity: 300, childQuantity: 300, originalQuantity: 500, correctedBy: 'admin:ops', correctionTxId: 'tx9' });
    expect(correctedLink(written, undefined)).to.equal(written);
    expect(written.quantity).to.equal(500);
  });
});
