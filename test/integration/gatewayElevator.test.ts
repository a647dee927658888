import { expect } from 'chai';
import { addDays, requiredItems, shanghaiDateOf, verifyRuntimeSummaryProof, type ElevatorLedgerUpdate, type RuntimeAnchor, type RuntimeSummaryProof } from '../../model/src';
import { acceptanceOf, liftPrefixThroughGateway, newDevice, newLiftIds, presenceCode, type TestDevice, shanghaiDay, STATIC_CODE, visitOf } from './elevatorFixtures';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { startInProcessGateway } from './inProcessGateway';
import { requireNetwork, testLayout, uniqueId } from './testNetwork';

/** The elevator API and the car page on the test network's gateway (which projects and sweeps). */
describe('elevators through the gateway', function () {
  this.timeout(300_000);
  const base = () => `http://127.0.0.1:${testLayout().gatewayPort}`;
  /** A region of this suite alone, where one worker on site is the policy (the API gives a firm one identity). */
  const REGION = '330127';
  let owner: OnboardedEnterprise;
  let firm: OnboardedEnterprise;
  let inspectionBody: OnboardedEnterprise;
  let regulatorToken: string;
  /** The owner's GIAI company prefix: its lifts' car codes lie under it. */
  let liftPrefix: string;

  const post = (token: string, route: string, body: unknown) => api<{ result: ElevatorLedgerUpdate; message?: string; errors?: { field: string; message: string }[] }>(route, { token, idempotencyKey: uniqueId('k'), body });

  async function registeredLift(registeredDaysAgo = 5, device?: TestDevice): Promise<ReturnType<typeof newLiftIds> & { registeredOn: string }> {
    const ids = newLiftIds(liftPrefix);
    const registeredOn = shanghaiDay(-registeredDaysAgo);
    expect((await post(owner.token, '/elevators', acceptanceOf(ids, firm.id, { acceptedOn: registeredOn, region: REGION, device }))).status).to.equal(201);
    const registered = await post(regulatorToken, '/elevators/registrations', { deviceCode: ids.deviceCode, registrationNumber: ids.registrationNumber, registeredOn, rescueCode: ids.rescueCode });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    // Expected days count from what the ledger recorded: the suite may run across midnight in Shanghai.
    return { ...ids, registeredOn };
  }

  const carPage = async (giai: string, lang: 'zh' | 'en'): Promise<{ status: number; text: string }> => {
    const answer = await fetch(`${base()}/8004/${giai}?lang=${lang}`);
    return { status: answer.status, text: await answer.text() };
  };

  before(async () => {
    requireNetwork();
    owner = await onboardEnterprise('custodial', ['elevatorOwner']);
    liftPrefix = await liftPrefixThroughGateway(owner.id);
    firm = await onboardEnterprise('custodial', ['maintenanceFirm']);
    inspectionBody = await onboardEnterprise('custodial', ['inspectionBody']);
    regulatorToken = (await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId: uniqueId('reg') } })).body.token;
    expect((await post(regulatorToken, '/elevators/region-policies', { region: REGION, workersOnSite: 1 })).status).to.equal(201);
    expect((await post(firm.token, '/elevators/workers', { enrollmentId: firm.enrollmentId, name: 'Wang Wei', certificateNumber: `TSZ${Date.now()}`, certificateValidUntil: '2030-06-30' })).status).to.equal(201);
  });

  it('shows a maintained, inspected lift as fit on its car page in Chinese and English, and not fit within 2 s of a failed inspection', async () => {
    const ids = await registeredLift();
    const visitInput = visitOf(ids.registrationNumber, [firm.enrollmentId]);
    const visit = await post(firm.token, '/elevators/maintenance', { ...visitInput, staticCode: STATIC_CODE });
    expect(visit.status, JSON.stringify(visit.body)).to.equal(201);
    const recordId = visit.body.result.maintenanceRecords[0].recordId;
    expect((await post(owner.token, '/elevators/maintenance/acknowledgements', { registrationNumber: ids.registrationNumber, recordId })).status).to.equal(201);
    const report = { registrationNumber: ids.registrationNumber, reportNumber: `JD-${ids.rescueCode}`, kind: 'periodic', inspectedOn: shanghaiDay(0), result: 'pass' };
    expect((await post(inspectionBody.token, '/elevators/inspections', report)).status).to.equal(201);

    const zh = await eventually('the car page shows the passed inspection', async () => {
      const page = await carPage(ids.giai, 'zh');
      return page.text.includes('data-fit="true"') ? page : undefined;
    });
    expect(zh.status).to.equal(200);
    expect(zh.text).to.include('<html lang="zh-CN">').and.include('准用').and.include(`data-rescue-code="${ids.rescueCode}"`).and.include('96333').and.include('data-proven="true"').and.include('到场由使用单位确认');
    expect(zh.text).to.include(`data-next-due="${addDays(shanghaiDateOf(visitInput.arrivedAt), 15)}"`).and.include('name="category"').and.include('value="stuck"');
    const en = await carPage(ids.giai, 'en');
    expect(en.text).to.include('<html lang="en">').and.include('Fit for use').and.include('Trapped? Call 96333').and.include('Report a problem');

    const failed = await post(inspectionBody.token, '/elevators/inspections', { ...report, reportNumber: `JD-F-${ids.rescueCode}`, result: 'fail', defects: [{ defectId: 'D1', description: 'brake lining worn', rectifyBy: shanghaiDay(7) }] });
    expect(failed.status).to.equal(201);
    const committedAt = Date.now();
    await eventually('the car page shows the failed inspection', async () => ((await carPage(ids.giai, 'en')).text.includes('data-fit="false"') ? true : undefined), 2_000);
    expect(Date.now() - committedAt).to.be.below(2_000);
    expect((await carPage(ids.giai, 'zh')).text).to.include('请勿乘坐');
  });

  it('lets a passenger report a stuck lift from its car page, as a clue', async () => {
    const ids = await registeredLift();
    const answer = await api<{ result: { subjectId: string; category: string } }>('/complaints', { idempotencyKey: uniqueId('c'), body: { subjectId: `8004/${ids.giai}`, category: 'stuck', text: 'The lift stopped between floors 3 and 4' } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(answer.body.result).to.include({ subjectId: `8004/${ids.giai}`, category: 'stuck' });
  });

  it('answers bad input with 4xx naming the field and the reason', async () => {
    const ids = await registeredLift();
    const visit = visitOf(ids.registrationNumber, [firm.enrollmentId]);
    const backwards = await post(firm.token, '/elevators/maintenance', { ...visit, departedAt: new Date(Date.parse(visit.arrivedAt) - 60_000).toISOString() });
    expect(backwards.status).to.equal(400);
    expect(JSON.stringify(backwards.body)).to.include('departedAt').and.include('must be after arrivedAt');
    const unknown = await post(firm.token, '/elevators/maintenance', { ...visit, registrationNumber: '梯11浙A-NOSUCH' });
    expect(unknown.status).to.equal(404);
    expect(JSON.stringify(unknown.body)).to.include('registrationNumber: no elevator is registered under 梯11浙A-NOSUCH');
    const wrongItems = await post(firm.token, '/elevators/maintenance', { ...visit, tier: 'quarterly', itemsDone: requiredItems('traction', 'halfMonthly').map((i) => i.id) });
    expect(wrongItems.status).to.equal(400);
    expect(JSON.stringify(wrongItems.body)).to.include('the quarterly set for traction lifts also needs A2-01');
    const future = await post(owner.token, '/elevators', acceptanceOf(newLiftIds(liftPrefix), firm.id, { acceptedOn: shanghaiDay(3) }));
    expect(future.status).to.equal(400);
    expect(JSON.stringify(future.body)).to.include('acceptedOn');

    // Presence codes: another lift's device, and this lift's code issued half an hour before the stated arrival.
    const device = newDevice();
    const monitored = await registeredLift(5, device);
    const proven = visitOf(monitored.registrationNumber, [firm.enrollmentId]);
    const departureCode = presenceCode(device, proven.departedAt);
    const otherLifts = await post(firm.token, '/elevators/maintenance', { ...proven, arrivalCode: presenceCode(newDevice(), proven.arrivedAt), departureCode });
    expect(otherLifts.status).to.equal(400);
    expect(JSON.stringify(otherLifts.body)).to.include('arrivalCode').and.include('a code of another elevator');
    const expired = await post(firm.token, '/elevators/maintenance', { ...proven, arrivalCode: presenceCode(device, Date.parse(proven.arrivedAt) - 30 * 60_000), departureCode });
    expect(expired.status).to.equal(400);
    expect(JSON.stringify(expired.body)).to.include('arrivalCode').and.include('(expired)');
    const history = await eventually('the lift projected', async () => {
      const answer = await api<{ kind: string }[]>(`/elevators/${monitored.deviceCode}/history`, { token: regulatorToken });
      return answer.status === 200 ? answer : undefined;
    });
    expect(history.body.filter((entry) => entry.kind === 'maintenance'), 'nothing of the refused visits is written').to.deep.equal([]);
  });

  it('shows a regulator the whole lift with its risk grade and history, and the public the car page facts only', async () => {
    const ids = await registeredLift();
    expect((await post(firm.token, '/elevators/maintenance', visitOf(ids.registrationNumber, [firm.enrollmentId]))).status).to.equal(201);
    const read = await eventually('the lift is projected with its visit', async () => {
      const answer = await api<{ elevator: Record<string, unknown>; risk: { grade: string; inputs: unknown[] } }>(`/elevators/${encodeURIComponent(ids.registrationNumber)}`, { token: regulatorToken });
      return answer.status === 200 && answer.body.elevator.lastMaintenance ? answer : undefined;
    });
    expect(read.body.elevator).to.include.keys('staticCodeSha256', 'history');
    expect(read.body.risk.inputs).to.have.length(8);
    // The lift's state and its history are separate documents of one group: the history may land a moment later.
    const history = await eventually('the visit and its alert in the history', async () => {
      const answer = await api<{ kind: string }[]>(`/elevators/${ids.deviceCode}/history`, { token: regulatorToken });
      return answer.body.length >= 2 ? answer : undefined;
    });
    expect(history.body.map((entry) => entry.kind).sort()).to.deep.equal(['alert', 'maintenance']);
    const anyone = await api<{ elevator: Record<string, unknown> }>(`/elevators/${ids.deviceCode}`);
    expect(anyone.body.elevator).to.not.have.any.keys('staticCodeSha256', 'history', 'presenceUsedUpTo');
    const publicHistory = await api<{ kind: string; record: Record<string, unknown> }[]>(`/elevators/${ids.deviceCode}/history`);
    expect(publicHistory.body.map((entry) => entry.kind)).to.deep.equal(['maintenance']);
    expect(publicHistory.body[0].record).to.have.keys('recordId', 'deviceCode', 'tier', 'visitOn', 'firmId', 'proven', 'outsideInterval');
  });

  it('proves one IoT runtime summary against the root anchored on the ledger, to the lift\'s using unit, its firm and regulators only', async () => {
    const ids = await registeredLift(5, newDevice());
    const start = Date.now() - 3 * 3_600_000;
    const summaries = [0, 1, 2].map((m) => ({ windowStart: new Date(start + m * 60_000).toISOString(), windowEnd: new Date(start + (m + 1) * 60_000).toISOString(), runs: m + 2, doorCycles: 2 * (m + 2), faults: 0, trappedEvents: 0 }));
    expect((await post(owner.token, `/elevators/${ids.deviceCode}/runtime-summaries`, { summaries })).status).to.equal(201);
    const proofOf = (windowStart: string, token: string) => api<RuntimeSummaryProof & { anchor: RuntimeAnchor }>(`/elevators/${ids.deviceCode}/runtime-summaries/${encodeURIComponent(windowStart)}/proof`, { token });

    const answer = await proofOf(summaries[1].windowStart, owner.token);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.summary).to.deep.equal(summaries[1]);
    expect(answer.body.anchor).to.include({ deviceCode: ids.deviceCode, count: 3, runs: 9, anchoredBy: owner.id, merkleRoot: answer.body.merkleRoot });
    expect(verifyRuntimeSummaryProof(answer.body), 'the proof checks out without the gateway').to.equal(true);
    expect(verifyRuntimeSummaryProof({ ...answer.body, summary: { ...summaries[1], runs: 90 } }), 'an altered summary fails').to.equal(false);
    expect((await proofOf(summaries[2].windowStart, firm.token)).status, 'the firm under contract reads it too').to.equal(200);
    expect((await proofOf(summaries[0].windowStart, regulatorToken)).status).to.equal(200);

    const rival = await onboardEnterprise('custodial', ['elevatorOwner']);
    const refused = await proofOf(summaries[1].windowStart, rival.token);
    expect(refused.status).to.equal(403);
    expect(JSON.stringify(refused.body)).to.include(`the runtime of elevator ${ids.deviceCode} is for its using unit`);
    const none = await proofOf(new Date(start + 30 * 60_000).toISOString(), owner.token);
    expect(none.status).to.equal(404);
    expect(JSON.stringify(none.body)).to.include('windowStart').and.include('has no runtime summary');
  });

  it('gives a regulator a firm\'s figures of a period: this suite\'s visits in the last days, none in 2020, and a 400 for a period ending before it starts', async () => {
    const ids = await registeredLift();
    expect((await post(firm.token, '/elevators/maintenance', visitOf(ids.registrationNumber, [firm.enrollmentId]))).status).to.equal(201);
    type FirmFigures = { records: number; unprovenRate: number; period?: { from: string; to: string; records: number; unprovenRate: number; overdueRate: number } };
    const stats = (query: string) => api<FirmFigures>(`/elevators/firms/${firm.id}/stats${query}`, { token: regulatorToken });
    // The firm is this suite's own and every visit of it ended minutes ago: the last two days hold all its records.
    const recent = await eventually('the visit counted', async () => {
      const answer = await stats(`?from=${shanghaiDay(-1)}&to=${shanghaiDay(0)}`);
      return answer.status === 200 && answer.body.period !== undefined && answer.body.period.records === answer.body.records && answer.body.records >= 1 ? answer : undefined;
    });
    expect(recent.body.period).to.include({ from: shanghaiDay(-1), to: shanghaiDay(0), unprovenRate: recent.body.unprovenRate });
    const old = await stats('?from=2020-01-01&to=2020-12-31');
    expect(old.body.period).to.include({ records: 0, unprovenRate: 0, overdueRate: 0 });
    expect((await stats('')).body).to.not.have.property('period');
    const backwards = await stats('?from=2026-02-01&to=2026-01-31');
    expect(backwards.status).to.equal(400);
    expect(JSON.stringify(backwards.body)).to.include('to: must not lie before from');
  });

  it('sweeps overdue lifts on a schedule: the elevator hook asks the ledger, which raises the alert once', async () => {
    const ids = await registeredLift(20);
    const gateway = await startInProcessGateway();
    try {
      const elevator = gateway.services.domains.find((domain) => domain.domain === 'elevator');
      expect(elevator?.scheduledChecks.map((check) => check.name)).to.deep.equal(['elevator overdue maintenance']);
      await eventually('the lift is projected', async () => gateway.services.elevatorViews.byId(ids.deviceCode));
      const alertsNow = async () => (await api<{ kind: string; recordId: string }[]>(`/elevators/${ids.deviceCode}/history`, { token: regulatorToken })).body.filter((entry) => entry.kind === 'alert');
      // The test network's own gateway sweeps too (every 15 minutes): if it got there first, this sweep has nothing left to ask.
      const before = await alertsNow();
      const asked = await elevator?.scheduledChecks[0].run(Date.now());
      if (before.length === 0) expect(asked).to.be.at.least(1);
      const alerts = await eventually('the overdue alert is projected', async () => {
        const found = await alertsNow();
        return found.length > 0 ? found : undefined;
      });
      expect(alerts.map((a) => a.recordId)).to.deep.equal([`maintenanceOverdue:${addDays(ids.registeredOn, 15)}`]);
    } finally {
      await gateway.close();
    }
  });
});
