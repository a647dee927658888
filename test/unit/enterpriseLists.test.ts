import { expect } from 'chai';
import type { ColdChainLot, RiskAlert, TemperatureLogger, UnitRun } from '../../model/src';
import { concernedBy, EnterpriseListEntries, lotStateOf, newlyRelated, relationsOf, type ColdChainJourney } from '../../gateway/src/projection/coldchain';

const lot = (fields: Partial<ColdChainLot>): ColdChainLot => ({ id: 'L', ownerId: 'P', custodianId: 'P', status: 'inStock', ...fields }) as ColdChainLot;
const journey = (lotFields: Partial<ColdChainLot> | null, holders: string[] = []): ColdChainJourney =>
  ({ _id: 'L', lot: lotFields === null ? null : lot(lotFields), holders }) as unknown as ColdChainJourney;
const source = (txIndex: number) => ({ txId: `tx${txIndex}`, blockNumber: 7, txIndex, eventIndex: 0 });
const alert = (alertId: string, status: RiskAlert['status'], txId: string): RiskAlert => ({ lotId: 'L', alertId, status, txId }) as RiskAlert;

describe("enterprises' own lists", () => {
  it('lists a held lot under held whatever its status, else under its status', () => {
    expect(lotStateOf({ status: 'inStock' })).to.equal('inStock');
    expect(lotStateOf({ status: 'inTransit' })).to.equal('inTransit');
    expect(lotStateOf({ status: 'inStock', hold: { state: 'recalled' } as ColdChainLot['hold'] })).to.equal('held');
  });

  it('tells owner, custodian and consignee of a lot in transit apart', () => {
    const shipped = lot({ ownerId: 'P', custodianId: 'W', status: 'inTransit', shipment: { eventId: 'e', from: 'W', to: 'S', quantity: 1, eventTime: 't' } });
    expect(relationsOf(shipped, 'P')).to.deep.equal(['owner']);
    expect(relationsOf(shipped, 'W')).to.deep.equal(['custodian']);
    expect(relationsOf(shipped, 'S')).to.deep.equal(['consignee']);
    expect(relationsOf(shipped, 'X')).to.deep.equal([]);
  });

  it('brings a lot into the lists of its creator, then of the consignee it is shipped to, never twice', () => {
    const created = journey({ ownerId: 'P', custodianId: 'P' }, ['P']);
    expect(newlyRelated(undefined, created)).to.deep.equal(['P']);
    const shipped = journey({ ownerId: 'P', custodianId: 'P', shipment: { eventId: 'e', from: 'P', to: 'S', quantity: 1, eventTime: 't' } }, ['P']);
    expect(newlyRelated(created, shipped)).to.deep.equal(['S']);
    const received = journey({ ownerId: 'P', custodianId: 'S' }, ['P', 'S']);
    expect(newlyRelated(shipped, received)).to.deep.equal([]);
    const backAgain = journey({ ownerId: 'P', custodianId: 'P' }, ['P', 'S']);
    expect(newlyRelated(received, backAgain)).to.deep.equal([]);
  });

  it('lists an alert for the owner and the custodian once, in the transaction that raised it, not again when acknowledged', () => {
    const entries = new EnterpriseListEntries();
    const after = journey({ ownerId: 'P', custodianId: 'S' }, ['P', 'S']);
    entries.noteLotChange(after, after, [alert('quantityMismatch:e1', 'open', 'tx1')], source(1));
    entries.noteLotChange(after, after, [alert('quantityMismatch:e1', 'acknowledged', 'tx1')], source(2));
    expect(Object.fromEntries([...entries.alerts].map(([id, list]) => [id, list.map((e) => e.item)]))).to.deep.equal({
      P: ['L|quantityMismatch:e1'],
      S: ['L|quantityMismatch:e1'],
    });
    expect(concernedBy({ ownerId: 'P', custodianId: 'P' })).to.deep.equal(['P']);
  });

  it('lists loggers and unit runs under the enterprise that registered or commissioned them, only in that transaction', () => {
    const entries = new EnterpriseListEntries();
    const logger = { loggerId: 'urn:epc:id:giai:4000001.1', ownerId: 'P', txId: 'tx3' } as TemperatureLogger;
    entries.noteLoggers([logger], source(3));
    entries.noteLoggers([logger], source(4));
    const run = { lotId: 'L', commissionedBy: 'P', txId: 'tx5', from: 1, count: 10 } as UnitRun;
    entries.noteUnitRuns([run], source(5));
    expect(entries.loggers.get('P')?.map((e) => e.item)).to.deep.equal(['urn:epc:id:giai:4000001.1']);
    expect(entries.unitRuns.get('P')?.map((e) => e.item)).to.deep.equal([run]);
  });
});
