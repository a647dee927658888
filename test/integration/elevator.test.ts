import { expect } from 'chai';
import { addDays, carViewOf, runtimeAnchorOf, shanghaiDateOf, type Elevator, type ElevatorAlert, type MaintenanceRecord } from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import {
  acceptanceOf,
  bindAnotherIdentity,
  evaluateAs,
  liftPrefixOf,
  newDevice,
  newLiftIds,
  presenceCode,
  registerWorkerOf,
  shanghaiDay,
  STATIC_CODE,
  submitAs,
  visitOf,
  type TestDevice,
} from './elevatorFixtures';
import { newBrand } from './coldchainFixtures';
import { enrollRegulator, refusalOf, registerTestEnterprise, requireNetwork, testLayout, type TestEnterprise } from './testNetwork';

describe('elevators on the ledger', function () {
  this.timeout(600_000);
  const layout = testLayout();
  let owner: TestEnterprise;
  let firm: TestEnterprise;
  let rivalFirm: TestEnterprise;
  let inspectionBody: TestEnterprise;
  let callCentre: TestEnterprise;
  let regulator: EnrolledIdentity;
  let secondWorker: EnrolledIdentity;
  let workers: string[];
  let liftPrefix: string;

  /** A lift accepted and registered `registeredDaysAgo` days ago, maintained by `firm`. */
  async function registeredLift(options: { registeredDaysAgo?: number; device?: TestDevice; region?: string } = {}): Promise<ReturnType<typeof newLiftIds> & { registeredOn: string }> {
    const ids = newLiftIds(liftPrefix);
    const registeredOn = shanghaiDay(-(options.registeredDaysAgo ?? 5));
    await submitAs(layout, owner, 'elevator:acceptInstallation', JSON.stringify(acceptanceOf(ids, firm.registration.id, { acceptedOn: registeredOn, device: options.device, region: options.region })));
    await submitAs(layout, regulator, 'elevator:registerElevator', JSON.stringify({ deviceCode: ids.deviceCode, registrationNumber: ids.registrationNumber, registeredOn, rescueCode: ids.rescueCode }));
    // Due dates below count from the days the ledger recorded, never from the test's clock: the suite may run across midnight in Shanghai.
    return { ...ids, registeredOn };
  }

  const getElevator = (id: string): Promise<Elevator> => evaluateAs<Elevator>(layout, owner, 'elevator:getElevator', id);
  const alertKinds = async (id: string): Promise<string[]> => (await evaluateAs<ElevatorAlert[]>(layout, owner, 'elevator:getAlerts', id)).map((a) => a.kind).sort();

  before(async () => {
    requireNetwork();
    owner = await registerTestEnterprise(layout, 'equipment', ['elevatorOwner']);
    liftPrefix = await liftPrefixOf(layout, owner);
    firm = await registerTestEnterprise(layout, 'equipment', ['maintenanceFirm']);
    rivalFirm = await registerTestEnterprise(layout, 'equipment', ['maintenanceFirm']);
    inspectionBody = await registerTestEnterprise(layout, 'regulator', ['inspectionBody']);
    callCentre = await registerTestEnterprise(layout, 'regulator', ['rescueCallCentre']);
    regulator = await enrollRegulator(layout);
    secondWorker = await bindAnotherIdentity(layout, firm, 'equipment', 'worker');
    await registerWorkerOf(layout, firm, firm.identity);
    await registerWorkerOf(layout, firm, secondWorker);
    workers = [firm.identity.enrollmentId, secondWorker.enrollmentId];
  });

  it('registers a lift, records a device-proven visit signed by both workers and acknowledged, then a passed inspection makes it fit', async () => {
    const device = newDevice();
    const ids = await registeredLift({ device });
    const registered = await getElevator(ids.registrationNumber);
    expect(registered).to.include({ status: 'registered', usingUnitId: owner.registration.id, maintenanceFirmId: firm.registration.id, rescueCode: ids.rescueCode });
    expect(registered.due.halfMonthly).to.deep.equal({ dueOn: addDays(ids.registeredOn, 15), rule: 'fixedInterval', figures: { days: 15 } });

    const visit = visitOf(ids.registrationNumber, workers);
    const recorded = await submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...visit, arrivalCode: presenceCode(device, visit.arrivedAt), departureCode: presenceCode(device, visit.departedAt) }));
    const [record] = recorded.maintenanceRecords;
    expect(record.presence).to.include({ kind: 'deviceCode', strength: 'strong', proven: true });
    expect(record.outsideInterval).to.equal(false);
    expect(Object.keys(record.signatures)).to.deep.equal([firm.identity.enrollmentId]);

    const signed = await submitAs(layout, secondWorker, 'elevator:signMaintenance', JSON.stringify({ registrationNumber: ids.registrationNumber, recordId: record.recordId }));
    expect(Object.keys(signed.maintenanceRecords[0].signatures).sort()).to.deep.equal([...workers].sort());
    const acknowledged = await submitAs(layout, owner, 'elevator:acknowledgeMaintenance', JSON.stringify({ registrationNumber: ids.registrationNumber, recordId: record.recordId }));
    expect(acknowledged.maintenanceRecords[0].acknowledgedBy).to.equal(owner.registration.id);

    const maintained = await getElevator(ids.deviceCode);
    expect(maintained.lastMaintenance).to.include({ on: record.visitOn, firmId: firm.registration.id, proven: true });
    expect(maintained.due.halfMonthly?.dueOn).to.equal(addDays(record.visitOn, 15));
    expect(carViewOf(maintained, Date.now()).fit).to.equal(false);

    await submitAs(layout, inspectionBody, 'elevator:recordInspection', JSON.stringify({ registrationNumber: ids.registrationNumber, reportNumber: `JD-${ids.rescueCode}`, kind: 'periodic', inspectedOn: shanghaiDay(0), result: 'pass' }));
    const inspected = await getElevator(ids.registrationNumber);
    expect(carViewOf(inspected, Date.now())).to.include({ fit: true, overdue: false, rescueHotline: '96333' });
    expect(await alertKinds(ids.registrationNumber)).to.deep.equal([]);

    // A rival reads the public view: no static-code hash, no device key.
    const seenByRival = await evaluateAs<Record<string, unknown>>(layout, rivalFirm, 'elevator:getElevator', ids.giai);
    expect(seenByRival).to.not.have.any.keys('staticCodeSha256', 'monitoringDevice', 'presenceUsedUpTo');
  });

  it('refuses a lift whose car code lies under a rival\'s GIAI prefix or under nobody\'s, and accepts one under a prefix the owner delegated', async () => {
    const rivalOwner = await registerTestEnterprise(layout, 'equipment', ['elevatorOwner']);
    const rivalPrefix = await liftPrefixOf(layout, rivalOwner);
    const acceptance = (ids: ReturnType<typeof newLiftIds>) => JSON.stringify(acceptanceOf(ids, firm.registration.id, { acceptedOn: shanghaiDay(-1) }));
    const underRival = newLiftIds(rivalPrefix);
    const taken = await refusalOf(submitAs(layout, owner, 'elevator:acceptInstallation', acceptance(underRival)));
    expect(taken.kind).to.equal('FORBIDDEN');
    expect(taken.detail).to.equal(
      `giai: GIAI ${underRival.giai} lies under company prefix ${rivalPrefix} of enterprise ${rivalOwner.registration.id}; ${owner.registration.id} may register elevator ${underRival.deviceCode} only under its own GIAI prefixes or one that owner delegates to it`,
    );
    const unowned = newLiftIds(newBrand().prefix);
    const nobodys = await refusalOf(submitAs(layout, owner, 'elevator:acceptInstallation', acceptance(unowned)));
    expect(nobodys.kind).to.equal('FORBIDDEN');
    expect(nobodys.detail).to.match(/^giai: no enterprise on the platform owns the GS1 company prefix of GIAI /);
    for (const ids of [underRival, unowned]) {
      expect((await refusalOf(getElevator(ids.deviceCode))).kind, 'nothing of a refused lift is written').to.equal('NOT_FOUND');
    }
    // The rival lends its prefix (a group's property arm registering lifts its sister company runs): now the same lift enters.
    await submitAs(layout, rivalOwner, 'brands:delegatePrefix', JSON.stringify({ kind: 'giai', prefix: rivalPrefix, delegateId: owner.registration.id, purpose: 'lifts of the sister company we manage' }));
    const accepted = await submitAs(layout, owner, 'elevator:acceptInstallation', acceptance(underRival));
    expect(accepted.elevators[0]).to.include({ giai: underRival.giai, usingUnitId: owner.registration.id });
  });

  it('flags a visit made after its due date and raises an outside-interval clue', async () => {
    const ids = await registeredLift({ registeredDaysAgo: 40 });
    const { maintenanceRecords, alerts } = await submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...visitOf(ids.registrationNumber, workers), staticCode: STATIC_CODE }));
    expect(maintenanceRecords[0]).to.include({ outsideInterval: true, dueOn: addDays(ids.registeredOn, 15) });
    expect(maintenanceRecords[0].presence).to.include({ kind: 'staticCode', proven: false });
    expect(alerts.map((a) => a.kind).sort()).to.deep.equal(['outsideInterval', 'unprovenMaintenance']);
    // The using unit's acknowledgement turns the static code into weak proof.
    const acknowledged = await submitAs(layout, owner, 'elevator:acknowledgeMaintenance', JSON.stringify({ registrationNumber: ids.registrationNumber, recordId: maintenanceRecords[0].recordId }));
    expect(acknowledged.maintenanceRecords[0].presence).to.include({ kind: 'staticCodeAcknowledged', strength: 'weak', proven: true });
    expect((await getElevator(ids.registrationNumber)).lastMaintenance?.proven).to.equal(true);
  });

  it('refuses a record by a firm that does not maintain the lift, and a record submitted by someone not on site', async () => {
    const ids = await registeredLift();
    const rival = await refusalOf(submitAs(layout, rivalFirm, 'elevator:recordMaintenance', JSON.stringify(visitOf(ids.registrationNumber, [rivalFirm.identity.enrollmentId, 'someone']))));
    expect(rival.kind).to.equal('FORBIDDEN');
    expect(rival.detail).to.contain(`only the maintenance firm under contract ${firm.registration.id}`);
    const absent = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify(visitOf(ids.registrationNumber, [secondWorker.enrollmentId, 'other-worker']))));
    expect(absent.detail).to.contain('must be one of the workers on site');
    expect((await getElevator(ids.registrationNumber)).lastMaintenance).to.equal(undefined);
  });

  it('refuses fewer workers than the region’s policy asks for', async () => {
    const one = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify(visitOf((await registeredLift()).registrationNumber, [firm.identity.enrollmentId]))));
    expect(one).to.deep.include({ kind: 'FORBIDDEN' });
    expect(one.detail).to.match(/workers: region 330106 requires 2 workers on site; the record names 1/);
    await submitAs(layout, regulator, 'elevator:setRegionPolicy', JSON.stringify({ region: '330110', workersOnSite: 3, urban: false }));
    const strict = await registeredLift({ region: '330110' });
    const two = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify(visitOf(strict.registrationNumber, workers))));
    expect(two.detail).to.match(/workers: region 330110 requires 3 workers on site; the record names 2/);
  });

  it('refuses a presence code replayed from an earlier visit, another lift’s code and an expired one', async () => {
    const device = newDevice();
    const ids = await registeredLift({ device });
    const first = visitOf(ids.registrationNumber, workers, { endedMinutesAgo: 120, minutes: 40 });
    const firstDeparture = presenceCode(device, first.departedAt);
    await submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...first, arrivalCode: presenceCode(device, first.arrivedAt), departureCode: firstDeparture }));

    // The next visit starts a minute after the first ended and presents the first visit's departure code.
    const second = visitOf(ids.registrationNumber, workers, { endedMinutesAgo: 39, minutes: 40 });
    const replayed = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...second, arrivedAt: new Date(Date.parse(first.departedAt) + 60_000).toISOString(), arrivalCode: firstDeparture, departureCode: presenceCode(device, second.departedAt) })));
    expect(replayed.kind).to.equal('INVALID');
    expect(replayed.detail).to.match(/arrivalCode: .*a replayed code/);

    const other = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...second, arrivalCode: presenceCode(newDevice(), second.arrivedAt), departureCode: presenceCode(device, second.departedAt) })));
    expect(other.detail).to.match(/arrivalCode: .*a code of another elevator/);
    const expired = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...second, arrivalCode: presenceCode(device, Date.parse(second.arrivedAt) - 30 * 60_000), departureCode: presenceCode(device, second.departedAt) })));
    expect(expired.detail).to.match(/arrivalCode: .*\(expired\)/);
    const forged = presenceCode(device, second.arrivedAt);
    const unsigned = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...second, arrivalCode: { ...forged, signature: presenceCode(newDevice(), second.arrivedAt).signature, deviceId: device.deviceId }, departureCode: presenceCode(device, second.departedAt) })));
    expect(unsigned.detail).to.match(/arrivalCode: the signature does not verify/);
    const records = await evaluateAs<MaintenanceRecord[]>(layout, owner, 'elevator:getMaintenanceRecords', ids.registrationNumber);
    expect(records).to.have.length(1);
  });

  it('records a batch of visits all or none, naming the record a refusal is about', async () => {
    const [a, b] = [await registeredLift(), await registeredLift()];
    const refused = await refusalOf(
      submitAs(layout, firm, 'elevator:recordMaintenanceBatch', JSON.stringify({ records: [visitOf(a.registrationNumber, workers), { ...visitOf(b.registrationNumber, workers), itemsDone: ['A1-01', 'Z9-99'] }] })),
    );
    expect(refused.kind).to.equal('INVALID');
    expect(refused.detail).to.match(new RegExp(`^records\\[1\\] \\(${b.registrationNumber.replace(/[()]/g, '\\$&')}\\): itemsDone: item Z9-99 is not in the halfMonthly set`));
    expect((await getElevator(a.registrationNumber)).lastMaintenance, 'nothing of the refused batch is written').to.equal(undefined);
    const { maintenanceRecords, elevators } = await submitAs(layout, firm, 'elevator:recordMaintenanceBatch', JSON.stringify({ records: [visitOf(a.registrationNumber, workers), visitOf(b.registrationNumber, workers)] }));
    expect(maintenanceRecords.map((r) => r.deviceCode).sort()).to.deep.equal([a.deviceCode, b.deviceCode].sort());
    expect(elevators.map((e) => e.lastMaintenance?.on)).to.deep.equal(maintenanceRecords.map((r) => shanghaiDateOf(r.arrivedAt)));
  });

  it('answers bad input with the field and the reason, writing nothing', async () => {
    const ids = await registeredLift();
    const visit = visitOf(ids.registrationNumber, workers);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...visit, registrationNumber: '梯11浙A-UNKNOWN' }, 'NOT_FOUND', /registrationNumber: no elevator is registered under 梯11浙A-UNKNOWN/],
      [{ ...visit, departedAt: new Date(Date.parse(visit.arrivedAt) - 60_000).toISOString() }, 'INVALID', /departedAt: must be after arrivedAt/],
      [{ ...visit, itemsDone: [...(visit.itemsDone as string[]), 'D1-01'] }, 'INVALID', /itemsDone: item D1-01 is not in the halfMonthly set for traction lifts/],
      [{ ...visit, arrivedAt: new Date(Date.now() + 3_600_000).toISOString(), departedAt: new Date(Date.now() + 7_200_000).toISOString() }, 'INVALID', /departedAt .* lies in the future/],
      [{ ...visit, itemsDone: ['A1-01'] }, 'INVALID', /itemsDone: the halfMonthly set for traction lifts also needs A1-02/],
    ];
    for (const [input, kind, detail] of cases) {
      const refusal = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify(input)));
      expect(refusal.kind, JSON.stringify(input)).to.equal(kind);
      expect(refusal.detail).to.match(detail);
    }
    expect(await evaluateAs<MaintenanceRecord[]>(layout, owner, 'elevator:getMaintenanceRecords', ids.registrationNumber)).to.deep.equal([]);
  });

  it('records a 96333 rescue whose rescuer arrived past the limit and raises a clue; only the call centre writes the call', async () => {
    const ids = await registeredLift();
    const calledAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const call = { callId: `96333-${ids.rescueCode}`, registrationNumber: ids.registrationNumber, calledAt, dispatchedAt: new Date(Date.parse(calledAt) + 60_000).toISOString(), trappedPassengers: 2 };
    const byFirm = await refusalOf(submitAs(layout, firm, 'elevator:recordRescueCall', JSON.stringify(call)));
    expect(byFirm.kind).to.equal('FORBIDDEN');
    await submitAs(layout, callCentre, 'elevator:recordRescueCall', JSON.stringify(call));
    const arrival = { callId: call.callId, registrationNumber: ids.registrationNumber, arrivedAt: new Date(Date.parse(calledAt) + 45 * 60_000).toISOString(), releasedAt: new Date(Date.parse(calledAt) + 55 * 60_000).toISOString() };
    const byRival = await refusalOf(submitAs(layout, rivalFirm, 'elevator:recordRescueArrival', JSON.stringify(arrival)));
    expect(byRival.kind).to.equal('FORBIDDEN');
    const { rescues, alerts } = await submitAs(layout, firm, 'elevator:recordRescueArrival', JSON.stringify(arrival));
    expect(rescues[0]).to.include({ arrivalMinutes: 45, arrivalLimitMinutes: 30, firmId: firm.registration.id, callCentreId: callCentre.registration.id });
    expect(alerts.map((a) => [a.kind, a.againstId])).to.deep.equal([['lateRescueArrival', firm.registration.id]]);
    expect((await getElevator(ids.registrationNumber)).recentEntrapments).to.deep.equal([calledAt]);
  });

  it('raises an overdue clue for a lift without a visit in its interval, once per due date', async () => {
    const ids = await registeredLift({ registeredDaysAgo: 20 });
    const { alerts } = await submitAs(layout, regulator, 'elevator:checkOverdue', ids.deviceCode);
    expect(alerts.map((a) => [a.kind, a.alertId])).to.deep.equal([['maintenanceOverdue', `maintenanceOverdue:${addDays(ids.registeredOn, 15)}`]]);
    expect((await submitAs(layout, regulator, 'elevator:checkOverdue', ids.deviceCode)).alerts).to.deep.equal([]);
    const rival = await refusalOf(submitAs(layout, rivalFirm, 'elevator:checkOverdue', ids.deviceCode));
    expect(rival.kind).to.equal('FORBIDDEN');
  });

  it('puts a lift on demand only with a monitoring device, and records the rule behind its due date', async () => {
    const approval = { maxDays: 30, runsPerService: 6000, liabilityInsurancePolicy: 'PICC-2026-1', firmRating: 'A' };
    const plain = await registeredLift();
    expect((await refusalOf(submitAs(layout, regulator, 'elevator:approveOnDemand', plain.registrationNumber, JSON.stringify(approval)))).detail).to.match(/monitoringDevice: .* pilot condition/);
    const monitored = await registeredLift({ device: newDevice() });
    expect((await refusalOf(submitAs(layout, owner, 'elevator:approveOnDemand', monitored.registrationNumber, JSON.stringify(approval)))).kind).to.equal('FORBIDDEN');
    const { elevators } = await submitAs(layout, regulator, 'elevator:approveOnDemand', monitored.registrationNumber, JSON.stringify(approval));
    expect(elevators[0].interval).to.include({ mode: 'onDemand', maxDays: 30 });
    expect(elevators[0].due.halfMonthly).to.deep.equal({ dueOn: addDays(monitored.registeredOn, 15), rule: 'onDemandNoUsage', figures: { days: 15, maxDays: 30 } });
  });

  it('stretches an on-demand lift\'s next due date by the runs its anchored runtime summaries report, and records the figures', async () => {
    const device = newDevice();
    const ids = await registeredLift({ device });
    await submitAs(layout, regulator, 'elevator:approveOnDemand', ids.registrationNumber, JSON.stringify({ maxDays: 30, runsPerService: 6000, liabilityInsurancePolicy: 'PICC-2026-2', firmRating: 'B' }));
    const hour = 3_600_000;
    const now = Date.now();
    const day = (fromHoursAgo: number, toHoursAgo: number, runs: number, trappedEvents = 0) =>
      runtimeAnchorOf(ids.deviceCode, [{ windowStart: new Date(now - fromHoursAgo * hour).toISOString(), windowEnd: new Date(now - toHoursAgo * hour).toISOString(), runs, doorCycles: 2 * runs, faults: 0, trappedEvents }]);
    expect((await refusalOf(submitAs(layout, firm, 'elevator:anchorRuntime', JSON.stringify(day(50, 26, 250))))).kind).to.equal('FORBIDDEN');
    const first = await submitAs(layout, owner, 'elevator:anchorRuntime', JSON.stringify(day(50, 26, 250)));
    expect(first.runtimeAnchors?.[0]).to.include({ runs: 250, count: 1, anchoredBy: owner.registration.id });
    await submitAs(layout, owner, 'elevator:anchorRuntime', JSON.stringify(day(26, 2, 250)));
    const other = await refusalOf(submitAs(layout, owner, 'elevator:anchorRuntime', JSON.stringify(day(26, 2, 999))));
    expect(other.kind).to.equal('CONFLICT');

    const visit = visitOf(ids.registrationNumber, workers);
    const { elevators } = await submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify({ ...visit, arrivalCode: presenceCode(device, visit.arrivedAt), departureCode: presenceCode(device, visit.departedAt) }));
    // 500 runs over 2 days: 250 a day, so 6,000 runs last 24 days, within the approved 30.
    expect(elevators[0].due.halfMonthly).to.deep.equal({
      dueOn: addDays(shanghaiDateOf(visit.arrivedAt), 24),
      rule: 'onDemandUsage',
      figures: { days: 24, runsPerDay: 250, runsPerService: 6000, maxDays: 30, measuredRuns: 500, measuredDays: 2 },
    });
    // Runtime from before that visit ended counts towards no interval; a trap the monitoring saw is a clue all the same.
    const trapped = await submitAs(layout, owner, 'elevator:anchorRuntime', JSON.stringify(day(2, 1.5, 0, 1)));
    expect(trapped.alerts.map((a) => a.kind)).to.deep.equal(['iotEntrapment']);
  });

  it('makes a lift unfit after a failed inspection until a pass, and refuses inspections by anyone but an inspection body', async () => {
    const ids = await registeredLift();
    const report = { registrationNumber: ids.registrationNumber, reportNumber: `JD-F-${ids.rescueCode}`, kind: 'periodic', inspectedOn: shanghaiDay(0), result: 'fail', defects: [{ defectId: 'D1', description: 'brake lining worn', rectifyBy: shanghaiDay(10) }] };
    expect((await refusalOf(submitAs(layout, firm, 'elevator:recordInspection', JSON.stringify(report)))).kind).to.equal('FORBIDDEN');
    const { alerts } = await submitAs(layout, inspectionBody, 'elevator:recordInspection', JSON.stringify(report));
    expect(alerts.map((a) => a.kind)).to.deep.equal(['inspectionFailed']);
    const failed = carViewOf(await getElevator(ids.registrationNumber), Date.now());
    expect(failed).to.include({ fit: false, openDefects: 1 });
    expect(failed.reasons).to.deep.equal([`failed inspection ${report.reportNumber} on ${report.inspectedOn}`]);
    await submitAs(layout, inspectionBody, 'elevator:confirmRectification', JSON.stringify({ registrationNumber: ids.registrationNumber, defectId: 'D1', confirmedOn: shanghaiDay(0) }));
    await submitAs(layout, inspectionBody, 'elevator:recordInspection', JSON.stringify({ ...report, reportNumber: `JD-P-${ids.rescueCode}`, result: 'pass', defects: [] }));
    expect(carViewOf(await getElevator(ids.registrationNumber), Date.now())).to.include({ fit: true, openDefects: 0 });
  });

  it('lets only the using unit change the contract, after which the former firm may no longer record visits', async () => {
    const ids = await registeredLift();
    const change = { registrationNumber: ids.registrationNumber, maintenanceFirmId: rivalFirm.registration.id, hotline: '0571-99990000', effectiveOn: shanghaiDay(0) };
    expect((await refusalOf(submitAs(layout, rivalFirm, 'elevator:changeContract', JSON.stringify(change)))).kind).to.equal('FORBIDDEN');
    await submitAs(layout, owner, 'elevator:changeContract', JSON.stringify(change));
    const former = await refusalOf(submitAs(layout, firm, 'elevator:recordMaintenance', JSON.stringify(visitOf(ids.registrationNumber, workers))));
    expect(former.kind).to.equal('FORBIDDEN');
    expect((await getElevator(ids.registrationNumber)).history.map((e) => e.kind)).to.deep.equal(['acceptance', 'registration', 'contractChange']);
  });
});
