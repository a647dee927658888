import { expect } from 'chai';
import type { ColdChainLedgerUpdate, ColdChainLot, CustodyRecord, LineageLink } from '../../model/src';
import { applyLotChanges, changesByLot, JOURNEY_LIMITS, type ColdChainJourney } from '../../gateway/src/projection/coldchain';

const lot = (id: string, custodianId: string): ColdChainLot => ({ id, custodianId, ownerId: 'P' }) as unknown as ColdChainLot;
const custody = (lotId: string, sequence: number, enterpriseId: string): CustodyRecord =>
  ({ lotId, sequence, eventId: `e${sequence}`, enterpriseId, action: 'ship', eventTime: '2026-11-01T00:00:00Z' }) as unknown as CustodyRecord;
const update = (parts: Partial<ColdChainLedgerUpdate>): ColdChainLedgerUpdate => ({ lots: [], custodyEvents: [], alerts: [], lineage: [], loggers: [], attachments: [], anchors: [], ...parts });
const source = (blockNumber: number, txIndex = 0) => ({ txId: `tx${blockNumber}.${txIndex}`, blockNumber, txIndex, eventIndex: 0 });

/** Applies updates in order, as the projector does block by block. */
function project(journeys: Map<string, ColdChainJourney>, parts: ColdChainLedgerUpdate, at: ReturnType<typeof source>): void {
  for (const [lotId, changes] of changesByLot(parts)) journeys.set(lotId, applyLotChanges(journeys.get(lotId), lotId, changes, at));
}

describe('per-lot journey documents', () => {
  const link: LineageLink = { parentId: 'A', childId: 'B', kind: 'split', quantity: 5, eventId: 'split1', eventTime: '2026-11-01T00:00:00Z', txId: 'tx2' };
  const blocks: [ColdChainLedgerUpdate, ReturnType<typeof source>][] = [
    [update({ lots: [lot('A', 'P')], custodyEvents: [custody('A', 0, 'P')] }), source(1)],
    [update({ lots: [lot('A', 'P'), lot('B', 'P')], custodyEvents: [custody('A', 1, 'P'), custody('B', 0, 'P')], lineage: [link] }), source(2)],
    [update({ lots: [lot('B', 'W')], custodyEvents: [custody('B', 2, 'W'), custody('B', 1, 'P')] }), source(3)],
  ];

  it('holds the custody log in log order, the lineage of both ends and every holder', () => {
    const journeys = new Map<string, ColdChainJourney>();
    for (const [parts, at] of blocks) project(journeys, parts, at);
    const b = journeys.get('B') as ColdChainJourney;
    expect(b.custody.map((e) => e.sequence)).to.deep.equal([0, 1, 2]);
    expect(b.parents.map((l) => l.parentId)).to.deep.equal(['A']);
    expect(journeys.get('A')?.children.map((l) => l.childId)).to.deep.equal(['B']);
    expect(b.holders).to.deep.equal(['P', 'W']);
    expect(b.lot?.custodianId).to.equal('W');
    expect(b.source.blockNumber).to.equal(3);
  });

  it('ends in the same documents when a block is projected twice', () => {
    const once = new Map<string, ColdChainJourney>();
    const twice = new Map<string, ColdChainJourney>();
    for (const [parts, at] of blocks) project(once, parts, at);
    for (const [parts, at] of blocks) {
      project(twice, parts, at);
      project(twice, parts, at);
    }
    expect(JSON.stringify([...twice])).to.equal(JSON.stringify([...once]));
  });

  it('keeps the newer lot state when an older block is replayed after a newer one', () => {
    const journeys = new Map<string, ColdChainJourney>();
    for (const [parts, at] of blocks) project(journeys, parts, at);
    project(journeys, blocks[1][0], blocks[1][1]);
    expect(journeys.get('B')?.lot?.custodianId).to.equal('W');
    expect(journeys.get('B')?.source.blockNumber).to.equal(3);
  });

  it('shows a corrected link at both ends, and keeps it when the derivation block is replayed after the correction', () => {
    const journeys = new Map<string, ColdChainJourney>();
    const wrong: LineageLink = { ...link, quantity: 500 };
    const corrected: LineageLink = { ...wrong, quantity: 5, childQuantity: 5, originalQuantity: 500, correctedBy: 'P', correctionTxId: 'tx9' };
    project(journeys, update({ lots: [lot('A', 'P'), lot('B', 'P')], lineage: [wrong] }), source(2));
    project(journeys, update({ lineage: [corrected] }), source(9));
    expect(journeys.get('A')?.children).to.deep.equal([corrected]);
    expect(journeys.get('B')?.parents).to.deep.equal([corrected]);
    project(journeys, update({ lots: [lot('A', 'P'), lot('B', 'P')], lineage: [wrong] }), source(2));
    expect(journeys.get('A')?.children.map((l) => [l.quantity, l.correctionTxId])).to.deep.equal([[5, 'tx9']]);
    expect(journeys.get('B')?.parents.map((l) => [l.quantity, l.correctionTxId])).to.deep.equal([[5, 'tx9']]);
  });

  it('keeps the newest alerts, anchors and loggers of a lot that outlives the journey limits, and replays to the same document', () => {
    const journeys = new Map<string, ColdChainJourney>();
    const anchor = (n: number) => ({ loggerId: 'L', windowStart: `w${n}`, windowEnd: `e${n}` }) as unknown as ColdChainLedgerUpdate['anchors'][number];
    const alert = (n: number) => ({ lotId: 'A', alertId: `a${n}`, kind: 'excursion' }) as unknown as ColdChainLedgerUpdate['alerts'][number];
    project(journeys, update({ lots: [lot('A', 'P')], custodyEvents: [custody('A', 0, 'P')] }), source(1));
    for (let n = 0; n < 1200; n++) project(journeys, update({ alerts: [alert(n)], anchors: [anchor(n)], attachments: [] }), source(2 + n));
    const journey = journeys.get('A') as ColdChainJourney;
    expect(journey.anchors).to.have.length(JOURNEY_LIMITS.anchors);
    expect(journey.anchors[journey.anchors.length - 1]).to.equal('L|w1199|e1199');
    expect(journey.alerts.map((a) => a.alertId).slice(-1)).to.deep.equal(['a1199']);
    expect(journey.alerts).to.have.length(JOURNEY_LIMITS.alerts);
    const replayed = applyLotChanges(journey, 'A', changesByLot(update({ alerts: [alert(1199)], anchors: [anchor(1199)] })).get('A') as never, source(1201));
    expect(JSON.stringify(replayed)).to.equal(JSON.stringify(journey));
  });

  it('replaces a raised alert by its acknowledgement in place, and never the other way round', () => {
    const journeys = new Map<string, ColdChainJourney>();
    const raised = (alertId: string) => ({ lotId: 'A', alertId, kind: 'quantityMismatch', status: 'open', txId: 'tx2.0' }) as unknown as ColdChainLedgerUpdate['alerts'][number];
    project(journeys, update({ lots: [lot('A', 'P')], custodyEvents: [custody('A', 0, 'P')] }), source(1));
    project(journeys, update({ alerts: [raised('a1'), raised('a2')] }), source(2));
    const acknowledged = { ...raised('a1'), status: 'acknowledged', ackBy: 'P', ackAt: '2026-11-30T08:00:00.000Z', comment: 'recounted', ackTxId: 'tx3.0' } as ColdChainLedgerUpdate['alerts'][number];
    project(journeys, update({ alerts: [acknowledged] }), source(3));
    expect(journeys.get('A')?.alerts.map((a) => [a.alertId, a.status])).to.deep.equal([['a1', 'acknowledged'], ['a2', 'open']]);
    project(journeys, update({ alerts: [raised('a1')] }), source(2));
    expect(journeys.get('A')?.alerts[0]).to.deep.equal(acknowledged);
  });

  it('takes a lot handed over late (a recall\'s hold after the group\'s custody events) when a later event touched the journey without the lot', () => {
    const journeys = new Map<string, ColdChainJourney>();
    const held = { ...lot('A', 'P'), hold: { state: 'recalled' } } as unknown as ColdChainLot;
    const alert = { lotId: 'A', alertId: 'a1', kind: 'excursion' } as unknown as ColdChainLedgerUpdate['alerts'][number];
    project(journeys, update({ lots: [lot('A', 'P')], custodyEvents: [custody('A', 0, 'P')] }), source(1));
    // Block 3 touches the journey with an alert only; the hold of block 2 arrives after it.
    project(journeys, update({ alerts: [alert] }), source(3));
    project(journeys, update({ lots: [held] }), source(2));
    expect(journeys.get('A')?.lot).to.deep.equal(held);
    expect(journeys.get('A')?.source.blockNumber).to.equal(3);
    // And an older lot than the one it holds never replaces it.
    project(journeys, update({ lots: [lot('A', 'P')] }), source(1));
    expect(journeys.get('A')?.lot).to.deep.equal(held);
  });
});
