import { expect } from 'chai';
import type { Model } from 'mongoose';
import pino from 'pino';
import { carViewOf, ElevatorEvents, type Elevator, type ElevatorLedgerUpdate, type MaintenanceRecord } from '../../model/src';
import { elevatorCarPage } from '../../gateway/src/consumer/elevatorPage';
import { OverdueSweeper } from '../../gateway/src/overdue/overdueSweeper';
import { projectElevatorStats, sumFirmDays, type FirmDay, type FirmStats, type RegionStats } from '../../gateway/src/projection/elevator/elevatorStats';
import type { ProjectedEvent } from '../../gateway/src/projection/domainProjection';
import { sampleElevator } from './elevatorFixtures';

/** A collection in memory with the two calls the code under test makes. */
function memoryModel<T extends { _id: string }>(docs: T[] = []) {
  const byId = new Map(docs.map((doc) => [doc._id, structuredClone(doc)]));
  return {
    byId,
    findById: (id: string) => ({ lean: () => Promise.resolve(byId.has(id) ? structuredClone(byId.get(id)) : null) }),
    replaceOne: (filter: { _id: string }, doc: T) => {
      byId.set(filter._id, structuredClone(doc));
      return Promise.resolve();
    },
  };
}

const source = (blockNumber: number, txIndex = 0) => ({ txId: `tx${blockNumber}.${txIndex}`, blockNumber, txIndex, eventIndex: 0 });
const update = (parts: Partial<ElevatorLedgerUpdate>): ElevatorLedgerUpdate => ({ elevators: [], maintenanceRecords: [], workers: [], rescues: [], faults: [], inspections: [], alerts: [], regionPolicies: [], ...parts });

describe('the car page', () => {
  const now = '2026-12-01T10:00:00+08:00';

  it('says fit in Chinese with the rescue code and 96333, the proof of the last visit and the report form', () => {
    const html = elevatorCarPage({ ...carViewOf(sampleElevator(), now), firmName: '杭州安全电梯维保', outOfDate: false }, 'zh', new URLSearchParams(), '8004/6901234ELEV0001');
    expect(html).to.include('<html lang="zh-CN">').and.include('data-fit="true"').and.include('准用').and.include('data-rescue-code="123456"').and.include('96333');
    expect(html).to.include('杭州安全电梯维保').and.include('data-proven="true"').and.include('data-next-due="2026-12-15"').and.include('value="stuck"').and.include('name="subjectId" value="8004/6901234ELEV0001"');
  });

  it('says not fit in English with the reasons, warns of overdue maintenance, and escapes what enterprises wrote', () => {
    const unfit = sampleElevator({ status: 'suspended', address: '<script>x</script> Road', due: { halfMonthly: { dueOn: '2026-11-20', rule: 'fixedInterval', figures: {} } } });
    const html = elevatorCarPage({ ...carViewOf(unfit, now), outOfDate: true }, 'en', new URLSearchParams('lang=en'), '8004/x');
    expect(html).to.include('data-fit="false"').and.include('NOT fit for use').and.include('suspended').and.include('data-banner="outOfDate"');
    expect(html).to.not.include('<script>x');
    expect(carViewOf(sampleElevator({ due: { halfMonthly: { dueOn: '2026-11-20', rule: 'fixedInterval', figures: {} } } }), now).overdue).to.equal(true);
    expect(elevatorCarPage({ ...carViewOf(sampleElevator({ due: { halfMonthly: { dueOn: '2026-11-20', rule: 'fixedInterval', figures: {} } } }), now), outOfDate: false }, 'en', new URLSearchParams(), '8004/x')).to.include('data-banner="overdue"');
  });
});

describe('elevator figures for regulators', () => {
  const firmA = 'FIRM-A';
  const firmB = 'FIRM-B';
  const lift = (overrides: Partial<Elevator> = {}): Elevator => sampleElevator({ maintenanceFirmId: firmA, ...overrides });
  const record = (overrides: Partial<MaintenanceRecord>): MaintenanceRecord =>
    ({ recordId: 'r1', deviceCode: lift().deviceCode, firmId: firmA, visitOn: '2026-11-20', outsideInterval: false, presence: { kind: 'staticCode', strength: 'none', proven: false, reasons: [], visitMinutes: 60, plausibleMinutes: 16 }, txId: 'tx2.0', ...overrides }) as MaintenanceRecord;

  it('counts a firm\'s lifts, records and unproven ones, follows a contract change, and adds nothing when a block is projected again', async () => {
    const firms = memoryModel<FirmStats>();
    const firmDays = memoryModel<FirmDay>();
    const regions = memoryModel<RegionStats>();
    const models = { firms: firms as unknown as Model<FirmStats>, firmDays: firmDays as unknown as Model<FirmDay>, regions: regions as unknown as Model<RegionStats> };
    const blocks: ProjectedEvent[][] = [
      [{ name: ElevatorEvents.elevatorChanged, record: update({ elevators: [lift()] }), source: source(1) }],
      [{ name: ElevatorEvents.maintenanceRecorded, record: update({ elevators: [lift()], maintenanceRecords: [record({})] }), source: source(2) }],
      // The using unit acknowledges the static-code visit: weak proof, no longer unproven.
      [{ name: ElevatorEvents.maintenanceSigned, record: update({ elevators: [lift()], maintenanceRecords: [record({ presence: { kind: 'staticCodeAcknowledged', strength: 'weak', proven: true, reasons: [], visitMinutes: 60, plausibleMinutes: 16 } })] }), source: source(3) }],
      [{ name: ElevatorEvents.elevatorChanged, record: update({ elevators: [lift({ maintenanceFirmId: firmB })] }), source: source(4) }],
    ];
    let firmOfLift: string | undefined;
    for (const block of blocks) {
      await projectElevatorStats(block, models, () => Promise.resolve(firmOfLift));
      await projectElevatorStats(block, models, () => Promise.resolve(firmOfLift));
      firmOfLift = (block[0].record as ElevatorLedgerUpdate).elevators[0]?.maintenanceFirmId ?? firmOfLift;
    }
    expect(firms.byId.get(firmA)).to.include({ records: 1, unproven: 0 });
    expect(firmDays.byId.get(`${firmA}|2026-11-20`), 'the visit day\'s figures').to.include({ records: 1, unproven: 0 });
    expect(firms.byId.get(firmA)?.lifts).to.deep.equal([]);
    expect(firms.byId.get(firmB)?.lifts).to.deep.equal([lift().deviceCode]);
    expect(regions.byId.get('330106')?.lifts).to.deep.equal([lift().deviceCode]);
  });
  it('keeps a firm\'s figures per Shanghai day: records by visit day, overdue clues by the day raised, faults by the day they occurred, rescues by the call\'s day', async () => {
    const firms = memoryModel<FirmStats>();
    const firmDays = memoryModel<FirmDay>();
    const regions = memoryModel<RegionStats>();
    const models = { firms: firms as unknown as Model<FirmStats>, firmDays: firmDays as unknown as Model<FirmDay>, regions: regions as unknown as Model<RegionStats> };
    const code = lift().deviceCode;
    const block: ProjectedEvent[] = [
      { name: ElevatorEvents.maintenanceRecorded, record: update({ elevators: [lift()], maintenanceRecords: [record({ txId: 'tx5.0' })] }), source: source(5) },
      // 23:30 UTC on the 21st is the 22nd in Shanghai.
      { name: ElevatorEvents.overdueChecked, record: update({ alerts: [{ deviceCode: code, alertId: 'maintenanceOverdue:2026-11-21', kind: 'maintenanceOverdue', againstId: firmA, detail: '', status: 'open', raisedAt: '2026-11-21T23:30:00.000Z', txId: 'tx6.0', evidence: {} }] }), source: source(6) },
      { name: ElevatorEvents.faultReported, record: update({ elevators: [lift()], faults: [{ deviceCode: code, kind: 'doorFault', occurredAt: '2026-11-22T10:00:00+08:00' } as never] }), source: source(7) },
      {
        name: ElevatorEvents.rescueRecorded,
        record: update({ rescues: [{ callId: 'c1', deviceCode: code, firmId: firmA, calledAt: '2026-11-22T19:00:00+08:00', arrivalMinutes: 42, arrivalLimitMinutes: 30, arrivalTxId: 'tx8.0' } as never] }),
        source: source(8),
      },
    ];
    await projectElevatorStats(block, models, () => Promise.resolve(firmA));
    await projectElevatorStats(block, models, () => Promise.resolve(firmA));
    expect(firmDays.byId.get(`${firmA}|2026-11-20`)).to.include({ records: 1, unproven: 1, overdueAlerts: 0 });
    const day22 = firmDays.byId.get(`${firmA}|2026-11-22`);
    expect(day22).to.include({ records: 0, overdueAlerts: 1, faults: 1, rescues: 1, rescueMinutesTotal: 42, lateRescues: 1 });
    expect(firmDays.byId.has(`${firmA}|2026-11-21`)).to.equal(false);
    expect(sumFirmDays([...firmDays.byId.values()])).to.include({ records: 1, unproven: 1, overdueAlerts: 1, faults: 1, rescues: 1, rescueMinutesMax: 42, lateRescues: 1 });
  });
});

describe('the overdue sweep', () => {
  it('asks the ledger about lifts whose clock ran out and have no alert for it yet, and about no others', async () => {
    const overdue = sampleElevator({ deviceCode: 'LIFT0000001', due: { halfMonthly: { dueOn: '2026-11-25', rule: 'fixedInterval', figures: {} } } });
    const alerted = sampleElevator({ deviceCode: 'LIFT0000002', due: { halfMonthly: { dueOn: '2026-11-25', rule: 'fixedInterval', figures: {} } } });
    const fine = sampleElevator({ deviceCode: 'LIFT0000003', due: { halfMonthly: { dueOn: '2026-12-10', rule: 'fixedInterval', figures: {} } } });
    const models = {
      elevatorClocks: memoryModel([{ _id: '2026-11-25', deviceCodes: [overdue.deviceCode, alerted.deviceCode, fine.deviceCode] }]),
      elevators: memoryModel([overdue, alerted, fine].map((e) => ({ _id: e.deviceCode, record: e }))),
      elevatorRecords: memoryModel([{ _id: `alert|${alerted.deviceCode}|maintenanceOverdue:2026-11-25` }]),
    };
    const asked: string[] = [];
    const sweeper = new OverdueSweeper(models as never, (code) => {
      asked.push(code);
      return Promise.resolve();
    }, pino({ level: 'silent' }));
    expect(await sweeper.sweep(Date.parse('2026-12-01T02:00:00Z'))).to.equal(1);
    expect(asked).to.deep.equal([overdue.deviceCode]);
  });
});
