import { expect } from 'chai';
import type { LineageLink } from '../../model/src';
import { MAX_INPUT_LOTS, readLotInputs } from '../../gateway/src/consumer/lotInputs';
import { lotFactsOf } from '../../gateway/src/consumer/lotView';
import type { ColdChainJourney } from '../../gateway/src/projection/coldchain';
import { custodyOf, GTIN, journeyOf, lotOf } from './consumerFixtures';

const childId = `01/${GTIN}/10/MERGED`;
const linkFrom = (n: number, eventTime = '2026-11-28T02:00:00Z'): LineageLink => ({ parentId: `01/${GTIN}/10/P${n}`, childId, kind: 'merge', quantity: 10, eventId: `merge-${n}`, eventTime, txId: 'tx' });

describe('a derived lot’s inputs', () => {
  it(`reads at most ${MAX_INPUT_LOTS} direct parents, one keyed read each, and counts the rest`, async () => {
    const links = Array.from({ length: MAX_INPUT_LOTS + 2 }, (_, n) => linkFrom(n));
    const read: string[] = [];
    const inputs = await readLotInputs({ parents: links }, async (lotId) => {
      read.push(lotId);
      return journeyOf(lotOf(lotId.slice(-3)));
    });
    expect(read).to.deep.equal(links.slice(0, MAX_INPUT_LOTS).map((l) => l.parentId));
    expect(inputs.inputs).to.have.length(MAX_INPUT_LOTS);
    expect(inputs.moreInputs).to.equal(2);
  });

  it('reads a parent named by two links once, with the later derivation', async () => {
    const read: string[] = [];
    const inputs = await readLotInputs({ parents: [linkFrom(1, '2026-11-27T00:00:00Z'), linkFrom(1, '2026-11-28T00:00:00Z')] }, async (lotId) => {
      read.push(lotId);
      return undefined;
    });
    expect(read).to.deep.equal([`01/${GTIN}/10/P1`]);
    expect(inputs).to.deep.equal({ inputs: [{ lotId: `01/${GTIN}/10/P1`, kind: 'merge', custody: [] }], moreInputs: 0 });
  });

  it('cuts a parent’s custody at the derivation’s entry in its log, whatever times the entries state', async () => {
    const parentId = `01/${GTIN}/10/P1`;
    const parent: ColdChainJourney = journeyOf(lotOf('P1'), {
      custody: [
        // Creation carries the ledger's time; the split that follows states an earlier one.
        custodyOf(parentId, 0, 'create', '2026-11-30T00:00:00Z'),
        { ...custodyOf(parentId, 1, 'merge', '2026-11-28T02:00:00Z'), eventId: 'merge-1' },
        custodyOf(parentId, 2, 'ship', '2026-11-28T01:00:00Z'),
      ],
    });
    const [input] = (await readLotInputs({ parents: [linkFrom(1)] }, async () => parent)).inputs;
    expect(input.custody.map((e) => e.sequence)).to.deep.equal([0, 1]);
    expect(input.lot).to.deep.equal({ gtin: GTIN, lotNumber: 'P1', product: 'Frozen lamb shoulder', producer: 'Alliance Group plant ME 41', originCountry: 'NZ' });
  });

  it('cuts by time when the parent’s log lacks the derivation’s entry', async () => {
    const parentId = `01/${GTIN}/10/P1`;
    const parent: ColdChainJourney = journeyOf(lotOf('P1'), {
      custody: [custodyOf(parentId, 0, 'create', '2026-11-20T00:00:00Z'), custodyOf(parentId, 1, 'ship', '2026-11-28T10:00:00+08:00'), custodyOf(parentId, 2, 'ship', '2026-11-29T00:00:00Z')],
    });
    const [input] = (await readLotInputs({ parents: [linkFrom(1)] }, async () => parent)).inputs;
    expect(input.custody.map((e) => e.sequence)).to.deep.equal([0, 1]);
  });

  it('names the holders of the inputs among the enterprises the page needs', () => {
    const parentId = `01/${GTIN}/10/P1`;
    const facts = lotFactsOf(journeyOf(lotOf('MERGED'), { parents: [linkFrom(1)] }), {
      inputs: [{ lotId: parentId, kind: 'merge', custody: [custodyOf(parentId, 0, 'create', '2026-11-20T00:00:00Z', 'farm-9')] }],
      moreInputs: 0,
    });
    expect(facts.enterpriseIds).to.include('farm-9');
  });
});
