import { expect } from 'chai';
import {
  addDays,
  addMonths,
  carViewOf,
  ElevatorAcceptanceSchema,
  FIXED_POLICY,
  fitnessOf,
  InspectionInputSchema,
  isMaintenanceOverdue,
  isUnregisteredPastDeadline,
  MaintenanceRecordInputSchema,
  nextDue,
  OnDemandApprovalSchema,
  parseOrThrow,
  plausibleMinutes,
  presenceCodeProblem,
  publicElevator,
  requiredItems,
  riskGradeOf,
  runtimeAnchorOf,
  runtimeSummaryText,
  usageDays,
  verifyInclusion,
  verifyRuntimeSummaryProof,
  auditPath,
  leafHash,
  scheduledInspectionKind,
  shanghaiDateOf,
  tiersCoveredBy,
  useYearOf,
} from '../../model/src';
import { runtimeProofReasons } from '../../scripts/verifyRuntime';
import { onDemand, sampleElevator } from './elevatorFixtures';
import { refusalMessage } from './modelFixtures';

describe('elevator due dates in Asia/Shanghai', () => {
  it('reads the calendar day of an instant in Shanghai, not in UTC', () => {
    expect(shanghaiDateOf('2026-11-30T15:59:59Z')).to.equal('2026-11-30');
    expect(shanghaiDateOf('2026-11-30T16:00:00Z')).to.equal('2026-12-01');
    expect(shanghaiDateOf('2026-12-31T16:30:00Z')).to.equal('2027-01-01');
    expect(shanghaiDateOf('2026-12-01T00:30:00+08:00')).to.equal('2026-12-01');
  });

  it('puts a half-monthly visit due 15 days on, across month and year ends and through February', () => {
    expect(nextDue('halfMonthly', '2026-01-20', FIXED_POLICY)).to.deep.equal({ dueOn: '2026-02-04', rule: 'fixedInterval', figures: { days: 15 } });
    expect(nextDue('halfMonthly', '2026-02-20', FIXED_POLICY).dueOn).to.equal('2026-03-07');
    expect(nextDue('halfMonthly', '2028-02-20', FIXED_POLICY).dueOn).to.equal('2028-03-06');
    expect(nextDue('halfMonthly', '2026-12-25', FIXED_POLICY).dueOn).to.equal('2027-01-09');
  });

  it('clamps quarterly, half-yearly and yearly due dates to the last day of a shorter month', () => {
    expect(nextDue('quarterly', '2026-11-30', FIXED_POLICY).dueOn).to.equal('2027-02-28');
    expect(nextDue('quarterly', '2027-11-30', FIXED_POLICY).dueOn).to.equal('2028-02-29');
    expect(nextDue('halfYearly', '2026-08-31', FIXED_POLICY).dueOn).to.equal('2027-02-28');
    expect(nextDue('yearly', '2028-02-29', FIXED_POLICY).dueOn).to.equal('2029-02-28');
    expect(nextDue('rescueDrill', '2026-03-31', FIXED_POLICY)).to.deep.equal({ dueOn: '2026-09-30', rule: 'calendarMonths', figures: { months: 6 } });
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
  });

  it('is overdue only once the due day has ended in Shanghai', () => {
    const elevator = sampleElevator();
    expect(isMaintenanceOverdue(elevator, '2026-12-15T15:59:59Z')).to.equal(false);
    expect(isMaintenanceOverdue(elevator, '2026-12-15T23:59:59+08:00')).to.equal(false);
    expect(isMaintenanceOverdue(elevator, '2026-12-15T16:00:00Z')).to.equal(true);
    expect(isMaintenanceOverdue(sampleElevator({ status: 'suspended' }), '2027-01-01T00:00:00Z')).to.equal(false);
  });

  it('stretches an on-demand interval by measured usage, never past the approved maximum nor under 15 days, and records the figures', () => {
    const quiet = nextDue('halfMonthly', '2026-11-20', onDemand, { runs: 2000, days: 10 });
    expect(quiet).to.deep.equal({
      dueOn: '2026-12-20',
      rule: 'onDemandUsage',
      figures: { days: 30, runsPerDay: 200, runsPerService: 6000, maxDays: 30, measuredRuns: 2000, measuredDays: 10 },
    });
    expect(nextDue('halfMonthly', '2026-11-20', onDemand, { runs: 3000, days: 10 }).dueOn).to.equal('2026-12-10');
    expect(nextDue('halfMonthly', '2026-11-20', onDemand, { runs: 90_000, days: 10 }).dueOn).to.equal('2026-12-05');
    expect(nextDue('halfMonthly', '2026-11-20', onDemand)).to.deep.equal({ dueOn: '2026-12-05', rule: 'onDemandNoUsage', figures: { days: 15, maxDays: 30 } });
  });

  it('refuses on-demand approval for a firm rated C or below, naming the field', () => {
    const text = refusalMessage(() => parseOrThrow(OnDemandApprovalSchema, { maxDays: 30, runsPerService: 6000, liabilityInsurancePolicy: 'P', firmRating: 'C' }));
    expect(text).to.match(/firmRating: must be above class C/);
  });

  it('flags a lift accepted more than 30 days ago and still unregistered', () => {
    const accepted = sampleElevator({ status: 'accepted', acceptedOn: '2026-11-01' });
    expect(isUnregisteredPastDeadline(accepted, '2026-12-01T12:00:00+08:00')).to.equal(false);
    expect(isUnregisteredPastDeadline(accepted, '2026-12-02T00:00:00+08:00')).to.equal(true);
  });
});

describe('maintenance items and records', () => {
  it('makes a quarterly visit account for the half-monthly items too, and count for both clocks', () => {
    const halfMonthly = requiredItems('traction', 'halfMonthly').map((i) => i.id);
    const quarterly = requiredItems('traction', 'quarterly').map((i) => i.id);
    expect(quarterly).to.include.members(halfMonthly);
    expect(quarterly).to.include('A2-01');
    expect(tiersCoveredBy('yearly')).to.deep.equal(['halfMonthly', 'quarterly', 'halfYearly', 'yearly']);
    expect(tiersCoveredBy('rescueDrill')).to.deep.equal(['rescueDrill']);
    expect(requiredItems('movingWalk', 'halfMonthly')).to.deep.equal(requiredItems('escalator', 'halfMonthly'));
  });

  const record = {
    registrationNumber: '梯11浙A00123(26)',
    tier: 'halfMonthly',
    itemsDone: ['A1-01'],
    workers: ['w1', 'w2'],
    arrivedAt: '2026-12-01T09:00:00+08:00',
    departedAt: '2026-12-01T10:00:00+08:00',
  };

  it('refuses a departure before the arrival, naming departedAt', () => {
    const text = refusalMessage(() => parseOrThrow(MaintenanceRecordInputSchema, { ...record, departedAt: '2026-12-01T08:00:00+08:00' }));
    expect(text).to.match(/departedAt: must be after arrivedAt/);
  });

  it('refuses a worker named twice and a device proof with only one code', () => {
    expect(refusalMessage(() => parseOrThrow(MaintenanceRecordInputSchema, { ...record, workers: ['w1', 'w1'] }))).to.match(/workers: must not name a worker twice/);
    const code = { deviceId: 'MON-1', issuedAt: '2026-12-01T01:00:00.000Z', signature: 'A'.repeat(64) };
    expect(refusalMessage(() => parseOrThrow(MaintenanceRecordInputSchema, { ...record, arrivalCode: code }))).to.match(/departureCode: a device-proven visit needs both/);
  });

  it('shares the items’ minutes among the workers on site', () => {
    expect(plausibleMinutes([2, 3, 3], 2)).to.equal(4);
    expect(plausibleMinutes([], 2)).to.equal(0);
  });

  it('refuses a presence code of another device, an expired one and one no newer than the last used', () => {
    const code = { deviceId: 'MON-1', issuedAt: '2026-12-01T01:00:00.000Z', signature: 'x' };
    expect(presenceCodeProblem(code, 'MON-1', '2026-12-01T09:05:00+08:00', undefined)).to.equal(undefined);
    expect(presenceCodeProblem(code, 'MON-2', '2026-12-01T09:05:00+08:00', undefined)).to.match(/a code of another elevator/);
    expect(presenceCodeProblem(code, 'MON-1', '2026-12-01T09:30:00+08:00', undefined)).to.match(/\(expired\)/);
    expect(presenceCodeProblem(code, 'MON-1', '2026-12-01T09:05:00+08:00', '2026-12-01T01:00:00.000Z')).to.match(/a replayed code/);
  });

  it('refuses an acceptance with floats for coordinates and a bad hotline, naming each field', () => {
    const text = refusalMessage(() =>
      parseOrThrow(ElevatorAcceptanceSchema, { ...sampleElevator(), status: undefined, coordinates: { latMicro: 30.27, lngMicro: 120 }, hotline: 'call us' }),
    );
    expect(text).to.match(/coordinates\.latMicro/).and.to.match(/hotline: must be a phone number/);
  });
});

describe('inspections, fitness and risk', () => {
  it('follows the inspection schedule: inspected in years 1, 4, 7, 9, 11, 13, 15 and yearly after, self-tested between', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 16, 20].map(scheduledInspectionKind)).to.deep.equal([
      'periodic', 'selfTest', 'selfTest', 'periodic', 'selfTest', 'selfTest', 'periodic', 'selfTest', 'periodic', 'selfTest', 'periodic', 'periodic', 'periodic',
    ]);
    expect(useYearOf('2026-01-10', '2026-12-31')).to.equal(1);
    expect(useYearOf('2026-01-10', '2027-01-10')).to.equal(2);
  });

  it('refuses a defect whose rectification deadline lies before the inspection', () => {
    const text = refusalMessage(() =>
      parseOrThrow(InspectionInputSchema, { registrationNumber: 'REG-0001', reportNumber: 'JD-2', kind: 'periodic', inspectedOn: '2026-12-01', result: 'fail', defects: [{ defectId: 'D1', description: 'brake worn', rectifyBy: '2026-11-01' }] }),
    );
    expect(text).to.match(/defects: every rectifyBy must be on or after inspectedOn/);
  });

  it('is not fit after a failed inspection, an expired one, or a defect open past its deadline', () => {
    const now = '2026-12-01T10:00:00+08:00';
    expect(fitnessOf(sampleElevator(), now)).to.deep.equal({ fit: true, reasons: [] });
    expect(fitnessOf(sampleElevator({ inspection: { reportNumber: 'JD-9', kind: 'periodic', inspectedOn: '2026-11-30', result: 'fail', validUntil: '2026-11-30', bodyId: 'b' } }), now).reasons).to.deep.equal([
      'failed inspection JD-9 on 2026-11-30',
    ]);
    expect(fitnessOf(sampleElevator(), '2027-01-16T00:00:00+08:00').reasons).to.deep.equal(['inspection valid until 2027-01-15 has expired']);
    const defect = { defectId: 'D1', description: 'door gap', rectifyBy: '2026-11-30', inspectionReport: 'JD-1', bodyId: 'b' };
    expect(fitnessOf(sampleElevator({ defects: [defect] }), now).reasons).to.deep.equal(['defect D1 open past its deadline 2026-11-30']);
    expect(fitnessOf(sampleElevator({ defects: [{ ...defect, confirmedOn: '2026-11-29' }] }), now).fit).to.equal(true);
  });

  it('grades risk A–D and shows every input with its points', () => {
    const now = '2026-12-20T10:00:00+08:00';
    const calm = riskGradeOf(sampleElevator({ due: { halfMonthly: { dueOn: '2026-12-25', rule: 'fixedInterval', figures: {} } } }), now);
    expect(calm.grade).to.equal('A');
    expect(calm.inputs.map((i) => i.name)).to.deep.equal(['ageYears', 'maintenanceOverdue', 'unprovenVisits', 'lateVisits', 'faults', 'entrapments', 'openDefects', 'defectsPastDeadline']);
    const troubled = riskGradeOf(
      sampleElevator({
        recentVisits: [{ recordId: 'r1', on: '2026-12-01', proven: false, late: true }],
        recentFaults: ['2026-12-10T10:00:00+08:00', '2026-12-11T10:00:00+08:00'],
        recentEntrapments: ['2026-12-11T10:00:00+08:00'],
      }),
      now,
    );
    expect(troubled.points).to.equal(3 + 2 + 1 + 2 + 2);
    expect(troubled.grade).to.equal('D');
    const neglected = riskGradeOf(sampleElevator({ due: { halfMonthly: { dueOn: '2026-12-25', rule: 'fixedInterval', figures: {} } }, defects: [{ defectId: 'D1', description: 'door gap', rectifyBy: '2026-12-10', inspectionReport: 'JD-1', bodyId: 'b' }] }), now);
    expect(neglected.inputs.find((i) => i.name === 'defectsPastDeadline')).to.deep.equal({ name: 'defectsPastDeadline', value: 1, points: 4 });
    expect(neglected.grade).to.equal('C');
  });

  it('shows the public the car page facts but never the static code hash or the presence clock', () => {
    const view = publicElevator(sampleElevator({ presenceUsedUpTo: '2026-12-01T01:00:00.000Z' }));
    expect(view).to.not.have.any.keys('staticCodeSha256', 'presenceUsedUpTo', 'monitoringDevice', 'history');
    const car = carViewOf(sampleElevator(), '2026-12-01T10:00:00+08:00');
    expect(car).to.include({ fit: true, overdue: false, rescueHotline: '96333', rescueCode: '123456', nextDueOn: '2026-12-15', inspectionValidUntil: '2027-01-15' });
    expect(car.lastMaintenance).to.deep.include({ on: '2026-11-30', firmId: '91330100MA2H000001', proven: true });
  });
});

describe('IoT runtime summaries', () => {
  const minute = (m: number, runs: number) => ({ windowStart: `2026-12-01T08:${String(m).padStart(2, '0')}:00+08:00`, windowEnd: `2026-12-01T08:${String(m + 1).padStart(2, '0')}:00+08:00`, runs, doorCycles: 2 * runs, faults: 0, trappedEvents: 0 });

  it('encodes a summary canonically in UTC, so anyone re-encodes the same leaf', () => {
    expect(runtimeSummaryText('3110', minute(0, 3))).to.equal(
      '{"deviceCode":"3110","doorCycles":6,"faults":0,"runs":3,"trappedEvents":0,"windowEnd":"2026-12-01T00:01:00.000Z","windowStart":"2026-12-01T00:00:00.000Z"}',
    );
  });

  it('anchors summaries in time order with their totals, and each summary proves its place under the root', () => {
    const summaries = [minute(2, 1), minute(0, 3), minute(1, 4)];
    const anchor = runtimeAnchorOf('3110', summaries);
    expect(anchor).to.include({ windowStart: '2026-12-01T00:00:00.000Z', windowEnd: '2026-12-01T00:03:00.000Z', count: 3, runs: 8, doorCycles: 16 });
    const leaves = [minute(0, 3), minute(1, 4), minute(2, 1)].map((s) => leafHash(Buffer.from(runtimeSummaryText('3110', s), 'utf8')));
    expect(verifyInclusion(leaves[1], auditPath(leaves, 1), anchor.merkleRoot)).to.equal(true);
  });

  it('verifies a summary\'s proof from the summary itself, and refuses one altered, of another lift or against another root', () => {
    const summaries = [minute(0, 3), minute(1, 4), minute(2, 1)];
    const anchor = runtimeAnchorOf('3110', summaries);
    const leaves = summaries.map((s) => leafHash(Buffer.from(runtimeSummaryText('3110', s), 'utf8')));
    const proof = { deviceCode: '3110', summary: summaries[2], proof: auditPath(leaves, 2), merkleRoot: anchor.merkleRoot };
    expect(verifyRuntimeSummaryProof(proof)).to.equal(true);
    // The same instant written in UTC encodes to the same leaf.
    expect(verifyRuntimeSummaryProof({ ...proof, summary: { ...summaries[2], windowStart: '2026-12-01T00:02:00Z' } })).to.equal(true);
    expect(verifyRuntimeSummaryProof({ ...proof, summary: { ...summaries[2], runs: 2 } })).to.equal(false);
    expect(verifyRuntimeSummaryProof({ ...proof, deviceCode: '3111' })).to.equal(false);
    expect(verifyRuntimeSummaryProof({ ...proof, merkleRoot: runtimeAnchorOf('3110', summaries.slice(0, 2)).merkleRoot })).to.equal(false);
    expect(verifyRuntimeSummaryProof({ ...proof, summary: { ...summaries[2], windowStart: 'not a time' } })).to.equal(false);
    // npm run verify-runtime: the same check, and the anchor the file carries must be the proof's.
    expect(runtimeProofReasons({ ...proof, anchor: { deviceCode: '3110', merkleRoot: anchor.merkleRoot, count: 3 } })).to.deep.equal([]);
    expect(runtimeProofReasons({ ...proof, anchor: { deviceCode: '3110', merkleRoot: anchor.merkleRoot, count: 4 } })).to.deep.equal(['the proof is for a tree of 3 leaves; the anchor counts 4']);
    expect(runtimeProofReasons({ ...proof, summary: { ...summaries[2], runs: 2 } })[0]).to.match(/^the summary's leaf [0-9a-f]{64} does not lead to root/);
  });

  it('counts usage in whole days, at least one', () => {
    expect(usageDays({ deviceCode: 'x', runs: 5 })).to.equal(0);
    expect(usageDays({ deviceCode: 'x', runs: 5, from: '2026-12-01T00:00:00.000Z', to: '2026-12-01T00:03:00.000Z' })).to.equal(1);
    expect(usageDays({ deviceCode: 'x', runs: 5, from: '2026-12-01T00:00:00.000Z', to: '2026-12-03T01:00:00.000Z' })).to.equal(3);
  });
});
