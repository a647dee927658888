import { expect } from 'chai';
import mongoose from 'mongoose';
import { ColdChainEvents, RegistryEvents, RiskClueEvents, TraceEvents } from '../../model/src';
import type { ColdChainJourney } from '../../gateway/src/projection/coldchain';
import { ledgerProjections, projectionTaking } from '../../gateway/src/projection/projections';

// Built on a store that is never reached: which projection takes an event is known before any write.
const { list, coldChain } = ledgerProjections(mongoose.createConnection());

describe('projections', () => {
  it('give every chaincode event of the model to exactly one projection', () => {
    const names = [ColdChainEvents, RegistryEvents, TraceEvents, RiskClueEvents].flatMap((events) => Object.values(events) as string[]);
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

  it('let the cold chain take back the journeys it remembered from a snapshot', () => {
    const journey = { _id: 'L1', lot: null, custody: [], alerts: [], parents: [], children: [], loggers: [], anchors: [], holders: [], source: { txId: 't', blockNumber: 3, txIndex: 0, eventIndex: 0 } } as ColdChainJourney;
    coldChain.memory.restore([journey]);
    expect(coldChain.writtenJourney('L1')).to.equal(journey);
    expect(coldChain.memory.snapshot()).to.deep.equal([journey]);
    coldChain.memory.reset();
    expect(coldChain.writtenJourney('L1')).to.equal(undefined);
  });
});
