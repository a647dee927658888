import { expect } from 'chai';
import { lotIdOf, type RiskClue } from '../../model/src';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { custodyEvent, lotRegistration, Places, scenarioClock } from './coldchainFixtures';
import { startInProcessGateway } from './inProcessGateway';
import { requireNetwork, uniqueId } from './testNetwork';

interface ClueStats {
  raised: number;
  complaints: number;
  kinds: Record<string, number>;
  closed: number;
  overdue: number;
  closureRate: number | null;
}

/** The region table and units of the story (written the same way by the examples, so the two agree). */
const REGIONS = [{ code: '330000', name: '浙江省' }, { code: '330100', name: '杭州市', parent: '330000' }, { code: '330200', name: '宁波市', parent: '330000' }];
const UNITS = [
  { unitId: 'amr-330000', name: '浙江省市场监督管理局', regions: ['330000'] },
  { unitId: 'amr-330100', name: '杭州市市场监督管理局', regions: ['330100'] },
  { unitId: 'amr-330200', name: '宁波市市场监督管理局', regions: ['330200'] },
];
/** A district of Hangzhou of this run's own, so its counters hold only this suite's clues. */
const DISTRICT = `3301${50 + Math.floor(Math.random() * 50)}`;
/** Low-severity clues are due 18 s after raising here, so the test can watch one escalate; put back after. */
const LOW_DEADLINE_HOURS = 0.005;

describe('risk clues as a closed loop on the ledger', function () {
  this.timeout(240_000);
  let admin: string;
  let hangzhou: string;
  let ningbo: string;
  let owner: OnboardedEnterprise;
  let lotId: string;
  const at = scenarioClock();

  const post = (token: string, route: string, body: unknown) => api<{ result: RiskClue }>(route, { token, idempotencyKey: uniqueId('k'), body });
  const complain = async (category: string): Promise<RiskClue> => {
    const answer = await api<{ result: RiskClue }>('/complaints', { body: { subjectId: lotId, category, text: `the ${category} is not right`, idempotencyKey: uniqueId('complaint') } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body.result;
  };
  const stats = async (token: string, region: string): Promise<ClueStats> => (await api<ClueStats>(`/regulator/clues/stats?region=${region}`, { token })).body;
  const registerRegulator = async (unit: string): Promise<string> => {
    const answer = await api<{ token: string }>('/admin/regulators', { token: admin, body: { enrollmentId: uniqueId('reg'), unit } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body.token;
  };

  before(async () => {
    requireNetwork();
    admin = await testAdminToken();
    for (const region of [...REGIONS, { code: DISTRICT, name: 'Test district', parent: '330100' }]) expect((await post(admin, '/admin/reference/regions', region)).status).to.equal(201);
    for (const unit of UNITS) expect((await post(admin, '/admin/reference/regulator-units', unit)).status).to.equal(201);
    expect((await post(admin, '/admin/reference/clue-deadlines', { severity: 'low', closeWithinHours: LOW_DEADLINE_HOURS })).status).to.equal(201);
    hangzhou = await registerRegulator('amr-330100');
    ningbo = await registerRegulator('amr-330200');
    owner = await onboardEnterprise('custodial', ['importer'], DISTRICT);
    const registration = lotRegistration();
    lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await post(owner.token, '/coldchain/lots', registration)).status).to.equal(201);
  });

  after(async () => {
    if (admin) await post(admin, '/admin/reference/clue-deadlines', { severity: 'low', closeWithinHours: 720 });
  });

  it('assigns a complaint to the unit covering the custodian\'s region, with the deadline of its severity', async () => {
    const clue = await complain('quality');
    expect(clue).to.include({ status: 'assigned', severity: 'medium', regionCode: DISTRICT, unitId: 'amr-330100', coveredRegion: '330100', escalations: 0, enterpriseId: owner.id });
    expect(clue.regionChain, 'the region chain as the table stood, recorded on the clue').to.deep.equal([DISTRICT, '330100', '330000']);
    expect(Date.parse(clue.deadline as string) - Date.parse(clue.filedAt)).to.equal(240 * 3_600_000);
    expect(clue.steps?.map((step) => step.action)).to.deep.equal(['raised', 'assigned']);
  });

  it('closes a clue only on findings, by a unit whose regions reach it, and counts the closure from the ledger', async () => {
    const dismissed = await complain('quality');
    const decided = await complain('counterfeit');
    const open = await complain('illness');
    const ref = { subjectId: dismissed.subjectId, clueId: dismissed.clueId };

    const tooEarly = await post(hangzhou, '/regulator/clues/closures', ref);
    expect(tooEarly.status).to.equal(409);
    expect(JSON.stringify(tooEarly.body)).to.include('no verification findings');
    const rival = await post(ningbo, '/regulator/clues/verifications', { ...ref, findings: 'looked at it from Ningbo' });
    expect(rival.status).to.equal(403);
    expect(JSON.stringify(rival.body)).to.include('outside the regions 330200');
    const noFindings = await post(hangzhou, '/regulator/clues/verifications', { ...ref, findings: '' });
    expect(noFindings.status).to.equal(400);

    const verified = await post(hangzhou, '/regulator/clues/verifications', { ...ref, findings: 'Label reprinted; stock quarantined on site', evidenceHashes: ['a'.repeat(64)] });
    expect(verified.status, JSON.stringify(verified.body)).to.equal(201);
    expect(verified.body.result.verification).to.include({ findings: 'Label reprinted; stock quarantined on site' });
    expect(verified.body.result.verification?.inspector).to.match(/^regulator:/);
    expect((await post(hangzhou, '/regulator/clues/closures', ref)).status).to.equal(409);
    expect((await post(hangzhou, '/regulator/clues/dismissals', { ...ref, reason: 'Relabelled by the maker\'s agent with consent' })).status).to.equal(201);
    const done = await post(hangzhou, '/regulator/clues/closures', ref);
    expect(done.body.result).to.include({ status: 'closed' });
    expect(done.body.result.steps?.map((step) => step.action)).to.deep.equal(['raised', 'assigned', 'verified', 'dismissed', 'closed']);

    const caseRef = { subjectId: decided.subjectId, clueId: decided.clueId };
    expect((await post(hangzhou, '/regulator/clues/verifications', { ...caseRef, findings: 'Counterfeit cartons found in the cold room' })).status).to.equal(201);
    expect((await post(hangzhou, '/regulator/clues/cases', { ...caseRef, caseNumber: `杭市监案${uniqueId('c')}` })).status).to.equal(201);
    const undecided = await post(hangzhou, '/regulator/clues/closures', caseRef);
    expect(undecided.status).to.equal(409);
    expect(JSON.stringify(undecided.body)).to.include('no penalty decision');
    expect((await post(hangzhou, '/regulator/clues/penalties', { ...caseRef, decision: 'Fine of 50,000 yuan; stock destroyed', publish: true })).status).to.equal(201);
    expect((await post(hangzhou, '/regulator/clues/closures', caseRef)).status).to.equal(201);

    // By hand: four clues in the district (the first test's, and three here), two closed.
    const figures = await eventually('the closures counted', async () => {
      const now = await stats(hangzhou, DISTRICT);
      return now.closed === 2 ? now : undefined;
    }, 30_000);
    expect(figures).to.include({ raised: 4, complaints: 4, closed: 2, closureRate: 0.5 });
    expect(figures.kinds).to.deep.equal({ quality: 2, counterfeit: 1, illness: 1 });
    const byKind = await api<RiskClue[]>(`/regulator/clues?region=${DISTRICT}&kind=quality`, { token: hangzhou });
    expect(byKind.body, 'the first test\'s complaint and the dismissed one').to.have.length(2);
    expect(byKind.body.every((clue) => clue.category === 'quality')).to.equal(true);
    expect(byKind.body.map((clue) => clue.clueId)).to.include(dismissed.clueId);
    expect((await api(`/regulator/clues?region=${DISTRICT}&kind=no-such`, { token: hangzhou })).status, 'a kind is a word').to.equal(400);
    // Due the day the open one is due, not closed, in the district: the open one (and the first test's, due the same day or not).
    const day = (open.deadline as string).slice(0, 10);
    const due = await api<RiskClue[]>(`/regulator/clues/due?region=${DISTRICT}&day=${day}`, { token: hangzhou });
    expect(due.body.map((clue) => clue.clueId)).to.include(open.clueId).and.not.to.include(dismissed.clueId);
    expect(due.body.every((clue) => clue.deadline?.startsWith(day) && clue.status !== 'closed')).to.equal(true);
    expect((await api(`/regulator/clues/due?region=330200&day=${day}`, { token: hangzhou })).status).to.equal(403);
    expect((await api(`/regulator/clues/due?region=${DISTRICT}&day=tomorrow`, { token: hangzhou })).status).to.equal(400);
    const list = await eventually('the closed clues listed', async () => {
      const answer = await api<RiskClue[]>(`/regulator/clues?region=${DISTRICT}&state=closed`, { token: hangzhou });
      return answer.body.length === 2 ? answer : undefined;
    });
    expect(list.body.map((clue) => clue.clueId).sort()).to.deep.equal([dismissed.clueId, decided.clueId].sort());
    const city = await api<RiskClue[]>('/regulator/clues?region=330100', { token: hangzhou });
    expect(city.body.map((clue) => clue.clueId)).to.include.members([dismissed.clueId, decided.clueId, open.clueId]);
    expect((await api('/regulator/clues?region=330100', { token: ningbo })).status).to.equal(403);
  });

  it('escalates a clue past its deadline to the province\'s unit, by the ledger\'s clock, through the sweep', async () => {
    const clue = await complain('other');
    expect(clue).to.include({ severity: 'low', unitId: 'amr-330100' });
    const ref = { subjectId: clue.subjectId, clueId: clue.clueId };
    const early = await post(admin, '/regulator/clues/assignments', { ...ref, unitId: 'amr-330200' });
    expect(early.status).to.equal(403);
    const gateway = await startInProcessGateway();
    try {
      const sweep = gateway.services.clueChecks.find((check) => check.name === 'clue escalation');
      await eventually('the clue is projected', async () => (await gateway.services.projection.models.riskClues.findById(`${clue.subjectId}|${clue.clueId}`).lean()) ?? undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(clue.deadline as string) - Date.now() + 2_000)));
      expect(await sweep?.run(Date.now())).to.be.at.least(1);
    } finally {
      await gateway.close();
    }
    const escalated = await eventually('the escalation projected', async () => {
      const answer = await api<RiskClue[]>('/regulator/clues?region=330100&state=assigned', { token: hangzhou });
      return answer.body.find((c) => c.clueId === clue.clueId && c.escalations === 1);
    });
    expect(escalated).to.include({ unitId: 'amr-330000', coveredRegion: '330000', regionCode: DISTRICT });
    expect(escalated.steps?.map((step) => step.action)).to.deep.equal(['raised', 'assigned', 'escalated']);
    const overdue = await eventually('counted overdue', async () => ((await stats(admin, '330000')).overdue > 0 ? true : undefined));
    expect(overdue).to.equal(true);
  });

  it('turns an alert the cold chain raises into a clue in the custodian\'s region, once', async () => {
    const holder = await onboardEnterprise('custodial', ['coldStore']);
    const registration = lotRegistration();
    const shipped = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await post(owner.token, '/coldchain/lots', registration)).status).to.equal(201);
    expect((await post(owner.token, '/coldchain/custody', custodyEvent('ship', shipped, at(0), Places.ningboPort, { to: holder.id, quantity: 1000 }))).status).to.equal(201);
    const receipt = custodyEvent('receive', shipped, at(3), Places.hangzhouColdStore, { decision: 'accept', quantity: 950 });
    expect((await post(holder.token, '/coldchain/custody', receipt)).status).to.equal(201);
    const clueId = `alert:quantityMismatch:${receipt.eventId as string}`;
    // The test network's gateway runs the intake every 20 s.
    const clue = await eventually('the alert\'s clue', async () => (await api<RiskClue[]>(`/clues?subjectId=${encodeURIComponent(shipped)}`, { token: admin })).body.find((c) => c.clueId === clueId), 90_000);
    expect(clue).to.include({ source: 'alert', regionCode: '330100', unitId: 'amr-330100', severity: 'medium' });
    expect(clue.alert).to.deep.equal({ domain: 'coldchain', itemId: shipped, alertId: `quantityMismatch:${receipt.eventId as string}`, kind: 'quantityMismatch' });
    const again = await api('/regulator/clues/assignments', { token: admin, idempotencyKey: uniqueId('k'), body: { subjectId: shipped, clueId, unitId: 'amr-330100' } });
    expect(again.status).to.equal(201);
  });
});
