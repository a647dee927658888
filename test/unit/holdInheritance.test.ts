import { expect } from 'chai';
import { holdFromParents, holdOriginOf, inheritedHold, parentsFirst, replacesHold, takesOverInheritedHold, type LotHold } from '../../model/src';

const hold = (state: LotHold['state'], setBy = 'E1', extra: Partial<LotHold> = {}): LotHold => ({ state, reason: `${state} by ${setBy}`, setBy, setAt: '2026-11-01T00:00:00Z', txId: 'tx1', ...extra });

describe('holds reaching lots made from the held lot', () => {
  it('names the lot a hold was set on, through any number of derivations', () => {
    const atOrigin = hold('recalled');
    const child = inheritedHold('O', atOrigin);
    const grandchild = inheritedHold('C', child);
    expect(child).to.deep.equal({ ...atOrigin, inheritedFrom: 'O' });
    expect(grandchild.inheritedFrom).to.equal('O');
    expect([holdOriginOf('O', atOrigin), holdOriginOf('G', grandchild)]).to.deep.equal(['O', 'O']);
  });

  it("takes a recall before a quarantine from a lot's parents, else the first held parent's, else none", () => {
    const parents = [{ id: 'A' }, { id: 'B', hold: hold('quarantined') }, { id: 'C', hold: inheritedHold('X', hold('recalled')) }, { id: 'D', hold: hold('recalled') }];
    expect(holdFromParents(parents)).to.include({ state: 'recalled', inheritedFrom: 'X' });
    expect(holdFromParents(parents.slice(0, 2))).to.include({ state: 'quarantined', inheritedFrom: 'B' });
    expect(holdFromParents([{ id: 'A' }, { id: 'B' }])).to.equal(undefined);
  });

  it('orders lots after their parents in the list, else as given, across levels of uneven depth', () => {
    // O → A → M and O → M (a merge of A with another child of O), listed breadth first: M before A's children.
    const parents: Record<string, string[]> = { A: ['O'], B: ['O'], M: ['A', 'B'], N: ['M'], Z: ['Q'] };
    expect(parentsFirst(['M', 'N', 'Z', 'A', 'B'], (id) => parents[id] ?? [])).to.deep.equal(['Z', 'A', 'B', 'M', 'N']);
    expect(parentsFirst(['A', 'B', 'M'], (id) => parents[id] ?? [])).to.deep.equal(['A', 'B', 'M']);
  });

  it("lets a regulator's hold replace an owner's, and a regulator's recall a regulator's quarantine, nothing else", () => {
    const owner = { regulator: false };
    const regulator = { regulator: true };
    expect(replacesHold(hold('recalled', 'E1'), regulator, 'quarantined')).to.equal(true);
    expect(replacesHold(hold('quarantined', 'regulator:r1'), regulator, 'recalled')).to.equal(true);
    expect(replacesHold(hold('recalled', 'regulator:r1'), regulator, 'recalled')).to.equal(false);
    expect(replacesHold(hold('quarantined', 'E1'), owner, 'recalled')).to.equal(false);
  });

  it('lets only a regulator make an inherited hold its own, at the same or a stronger state', () => {
    const inherited = (state: LotHold['state']) => hold(state, 'regulator:r1', { inheritedFrom: 'O' });
    expect(takesOverInheritedHold(inherited('recalled'), { regulator: true }, 'recalled')).to.equal(true);
    expect(takesOverInheritedHold(inherited('quarantined'), { regulator: true }, 'quarantined')).to.equal(true);
    expect(takesOverInheritedHold(inherited('recalled'), { regulator: true }, 'quarantined')).to.equal(false);
    expect(takesOverInheritedHold(inherited('recalled'), { regulator: false }, 'recalled')).to.equal(false);
    expect(takesOverInheritedHold(hold('recalled', 'regulator:r1'), { regulator: true }, 'recalled')).to.equal(false);
  });
});
