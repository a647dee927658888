import { expect } from 'chai';
import mongoose from 'mongoose';
import { ColdChainEvents, DrugEvents, ElevatorEvents, RecallEvents, ReferenceEvents, RegistryEvents, RiskClueEvents, SamplingEvents, TraceEvents } from '../../model/src';
import type { StoredJourney } from '../../gateway/src/projection/coldchain';
import { ledgerProjections, projectionTaking } from '../../gateway/src/projection/projections';

// Built on a store that is never reached: which projection takes an event is known before any write.
const { list, coldChain } = ledgerProjections(mongoose.createConnection());

describe('projections', () => {
  it('give every chaincode event of the model to exactly one projection', () => {
    const names = [ColdChainEvents, RegistryEvents, TraceEvents, RiskClueEvents, DrugEvents, ElevatorEvents, ReferenceEvents, RecallEvents, SamplingEvents].flatMap((events) => Object.values(events) as string[]);
    for (const name of names) {
      expect(list.filter((projection) => projection.events.includes(name)).map((projection) => projection.name), name).to.have.length(1);
    }
    expect(list.flatMap((projection) => projection.events).sort(), 'no projection takes an event the model does not name').to.deep.equal([...names].sort());
  });

  it('give the cold chain its own events, and no event an unknown name', () => {
    expect(projectionTaking(list, ColdChainEvents.custodyRecorded)).to.equal(coldChain);
    expect(projectionTaking(list, 'SomethingElseHappened')).to.equal(undefined);
  });

  it('keep no two projections writing one collection', () => {
    const owners = list.flatMap((projection) => Object.values(projection.collections).map((model) => model.collection.collectionName));
    expect(new Set(owners).size).to.equal(owners.length);
  });

  it('let the cold chain take back the journeys it remembered, and forget those that blocks the store already holds touched', () => {
    const source = (blockNumber: number) => ({ txId: `tx${blockNumber}`, blockNumber, txIndex: 0, eventIndex: 0 });
    const journeyOf = (lotId: string) => ({ _id: lotId, lot: null, custody: [], alerts: [], parents: [], children: [], loggers: [], anchors: [], holders: [], source: source(3), version: 2 }) as StoredJourney;
    const [journey, untouched] = [journeyOf('L1'), journeyOf('L3')];
    coldChain.memory.restore([journey, untouched]);
    expect(coldChain.writtenJourney('L1')).to.equal(journey);
    expect(coldChain.memory.snapshot()).to.deep.equal([journey, untouched]);

    const custody = (lotId: string) => ({ lotId, sequence: 0, eventId: `e-${lotId}`, enterpriseId: 'W', action: 'receive', eventTime: '2026-11-01T00:00:00Z' });
    const update = { lots: [], custodyEvents: [custody('L1'), custody('L2')], alerts: [], lineage: [], loggers: [], attachments: [], anchors: [] };
    coldChain.memory.replay([{ name: ColdChainEvents.custodyRecorded, record: update, source: source(4) }]);
    // The store holds a later version whose number only the projector that wrote it knew.
    expect(coldChain.writtenJourney('L1'), 'a touched journey is read from the store when next touched').to.equal(undefined);
    expect(coldChain.writtenJourney('L2')).to.equal(undefined);
    expect(coldChain.writtenJourney('L3')).to.equal(untouched);

    coldChain.memory.reset();
    expect(coldChain.writtenJourney('L1')).to.equal(undefined);
  });
});
