import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { drawOf, lotIdOf, seedCommitment, shanghaiDateOf, type Draw, type RecallLedgerUpdate, type RiskClue, type Sample, type SamplingLedgerUpdate } from '../../model/src';
import { withContract } from '../../network/src/ledgerClient';
import { lotRegistration } from './coldchainFixtures';
import { api, eventually, onboardEnterprise, testAdminToken, type ApiAnswer } from './gatewayClient';
import { enrollRegulatorIdentity, refusalOf, registerTestEnterprise, requireNetwork, testLayout, uniqueId, uniqueUscc } from './testNetwork';

const DAY_MS = 24 * 3_600_000;
const hash = (text: string): string => createHash('sha256').update(text).digest('hex');
/** An instant as a Chinese site writes it. */
const local = (ms: number): string => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

interface Enterprise {
  id: string;
  token: string;
}

type Answer = ApiAnswer<{ result: SamplingLedgerUpdate; detail?: string; errors?: { field: string; message: string }[] }>;

/** Sampling inspections on the test network, through the gateway (the chaincode checked directly where the gateway would refuse first). */
describe('sampling inspections', function () {
  this.timeout(600_000);
  /** A category of this run alone, so the pass-rate counters hold only this suite's samples. */
  const CATEGORY = `test.t${Date.now().toString(36)}`;
  const OTHER_CATEGORY = `test.u${Date.now().toString(36)}`;
  let regulator: string;
  let secondRegulator: string;
  let secondRegulatorId: string;
  /** In Hangzhou Shangcheng (330102) and Ningbo Jiangbei (330205). */
  let hangzhou: Enterprise;
  let ningbo: Enterprise;
  let rival: Enterprise;
  const evaluativePlan = uniqueId('CJ-E');
  const surveillancePlan = uniqueId('CJ-S');

  const post = (token: string, route: string, body: unknown): Promise<Answer> => api(route, { token, idempotencyKey: uniqueId('k'), body });
  const onboard = async (region: string): Promise<Enterprise> => {
    const id = uniqueUscc();
    const answer = await api<{ token: string }>('/admin/enterprises', { token: await testAdminToken(), idempotencyKey: uniqueId('onboard'), body: { id, name: `Sampled ${id}`, kinds: ['retailer'], region, enrollmentId: uniqueId('smp'), custody: 'custodial' } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return { id, token: answer.body.token };
  };
  const enrollRegulator = async (): Promise<{ token: string; enrollmentId: string }> => {
    const enrollmentId = uniqueId('smpreg');
    const answer = await api<{ token: string }>('/admin/regulators', { token: await testAdminToken(), body: { enrollmentId } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return { token: answer.body.token, enrollmentId };
  };

  /** A sample of `enterprise` whose report was issued `reportedAgoMs` ago (so its window closes 15 days after that). */
  const sampleOf = (enterprise: Enterprise, options: { plan?: string; category?: string; reportedAgoMs: number; results?: ('pass' | 'fail')[] }) => {
    const reported = Date.now() - options.reportedAgoMs;
    return {
      sampleId: uniqueId('DBJ'),
      planId: options.plan ?? evaluativePlan,
      enterpriseId: enterprise.id,
      sampledAt: local(reported - DAY_MS),
      reportedAt: local(reported),
      product: { categoryCode: options.category ?? CATEGORY, name: 'Chilled pork', item: { kind: 'other', description: 'chilled pork loin, 1 kg' } },
      items: (options.results ?? ['pass']).map((result, i) => ({ name: `item ${i}`, result, measured: result === 'pass' ? '1.0 mg/kg' : '3.5 mg/kg', limit: '≤ 2.0 mg/kg' })),
      lab: 'Zhejiang Food Inspection Centre',
      reportSha256: hash(uniqueId('report')),
    };
  };
  const recorded = async (input: object): Promise<Sample> => {
    const answer = await post(regulator, '/regulator/sampling/samples', input);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body.result.samples[0];
  };
  const finalized = async (sampleId: string, token = regulator): Promise<Sample> => {
    const answer = await post(token, `/sampling/samples/${sampleId}/finalizations`, {});
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body.result.samples[0];
  };

  before(async () => {
    requireNetwork();
    const admin = await testAdminToken();
    const reference = async (path: string, entry: Record<string, string>): Promise<void> => {
      const answer = await api(`/admin/reference/${path}`, { token: admin, idempotencyKey: uniqueId('ref'), body: entry });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    };
    // The region table the plans and pass rates read: two cities of Zhejiang and a district of each.
    await reference('regions', { code: '330000', name: '浙江省' });
    await reference('regions', { code: '330100', name: '杭州市', parent: '330000' });
    await reference('regions', { code: '330102', name: '上城区', parent: '330100' });
    await reference('regions', { code: '330200', name: '宁波市', parent: '330000' });
    await reference('regions', { code: '330205', name: '江北区', parent: '330200' });
    await reference('product-categories', { code: CATEGORY, name: 'Chilled pork (test)', domain: 'food' });
    await reference('product-categories', { code: OTHER_CATEGORY, name: 'Frozen pork (test)', domain: 'food' });
    ({ token: regulator } = await enrollRegulator());
    ({ token: secondRegulator, enrollmentId: secondRegulatorId } = await enrollRegulator());
    [hangzhou, ningbo, rival] = await Promise.all([onboard('330102'), onboard('330205'), onboard('330102')]);
    const plan = (planId: string, sampleType: string) => ({ planId, name: `Test plan ${planId}`, period: '2026', sampleType, categoryCodes: [CATEGORY, OTHER_CATEGORY], regionCodes: ['330100', '330200'] });
    expect((await post(regulator, '/regulator/sampling/plans', plan(evaluativePlan, 'evaluative'))).status).to.equal(201);
    expect((await post(regulator, '/regulator/sampling/plans', plan(surveillancePlan, 'surveillance'))).status).to.equal(201);
  });

  it('takes a sample from report through objection and re-test to a final verdict after the window', async () => {
    // The window closes 45 s from now: room for the objection, then the test waits it out.
    const sample = await recorded(sampleOf(hangzhou, { reportedAgoMs: 15 * DAY_MS - 45_000, results: ['pass', 'fail'] }));
    expect(sample).to.include({ status: 'reported', verdict: 'fail', enterpriseId: hangzhou.id, regionCode: '330102', sampleType: 'evaluative', categoryCode: CATEGORY });

    const objected = await post(hangzhou.token, `/sampling/samples/${sample.sampleId}/objections`, { reason: 'the sample was thawed in transit' });
    expect(objected.status, JSON.stringify(objected.body)).to.equal(201);
    expect(objected.body.result.samples[0]).to.include({ status: 'objected' });
    expect(objected.body.result.samples[0].objection).to.include({ by: hangzhou.id });
    const again = await post(hangzhou.token, `/sampling/samples/${sample.sampleId}/objections`, { reason: 'and once more' });
    expect(again.status).to.equal(409);

    const awaiting = await post(regulator, `/sampling/samples/${sample.sampleId}/finalizations`, {});
    expect(awaiting.status).to.equal(409);
    expect(awaiting.body.detail).to.include('awaits its re-test');

    const retest = await post(secondRegulator, `/regulator/sampling/samples/${sample.sampleId}/retests`, {
      items: [{ name: 'item 0', result: 'pass' }, { name: 'item 1', result: 'pass', measured: '1.8 mg/kg', limit: '≤ 2.0 mg/kg' }],
      lab: 'Zhejiang Institute for Food and Drug Control',
      reportSha256: hash(uniqueId('retest')),
      reportedAt: local(Date.now()),
    });
    expect(retest.status, JSON.stringify(retest.body)).to.equal(201);
    const retested = retest.body.result.samples[0];
    expect(retested).to.include({ status: 'reported', verdict: 'pass' });
    expect(retested.report.verdict).to.equal('fail');
    expect(retested.retest).to.include({ verdict: 'pass', recordedBy: `regulator:${secondRegulatorId}` });

    const wait = Date.parse(sample.objectionUntil) + 2_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const final = await finalized(sample.sampleId, hangzhou.token);
    expect(final).to.include({ status: 'final', verdict: 'pass', finalizedBy: hangzhou.id });
    expect((await post(regulator, `/sampling/samples/${sample.sampleId}/finalizations`, {})).status, 'final once').to.equal(409);
    const read = await eventually('the final sample is projected', async () => {
      const answer = await api<Sample>(`/sampling/samples/${sample.sampleId}`);
      return answer.status === 200 && answer.body.status === 'final' ? answer.body : undefined;
    });
    expect(read.verdict).to.equal('pass');
  });

  it('refuses to make a result final inside its objection window, naming when it closes', async () => {
    const sample = await recorded(sampleOf(hangzhou, { reportedAgoMs: 3_600_000 }));
    const early = await post(regulator, `/sampling/samples/${sample.sampleId}/finalizations`, {});
    expect(early.status).to.equal(409);
    expect(early.body.detail).to.include(`open until ${sample.objectionUntil}`);
  });

  it('refuses an objection once the window has closed', async () => {
    const sample = await recorded(sampleOf(hangzhou, { reportedAgoMs: 16 * DAY_MS }));
    const late = await post(hangzhou.token, `/sampling/samples/${sample.sampleId}/objections`, { reason: 'too late to say so' });
    expect(late.status).to.equal(409);
    expect(late.body.detail).to.include('closed');
  });

  it('refuses a plan of a region or category the reference data does not hold', async () => {
    const plan = { planId: uniqueId('CJ-X'), name: 'Plan of nowhere', period: '2026-Q3', sampleType: 'surveillance', categoryCodes: [CATEGORY], regionCodes: ['339999'] };
    const unknownRegion = await post(regulator, '/regulator/sampling/plans', plan);
    expect(unknownRegion.status).to.equal(404);
    expect(unknownRegion.body.detail).to.include('regionCodes: region 339999 is not in the region table');
    const unknownCategory = await post(regulator, '/regulator/sampling/plans', { ...plan, regionCodes: ['330100'], categoryCodes: ['food.no-such-thing'] });
    expect(unknownCategory.status).to.equal(404);
    expect(unknownCategory.body.detail).to.include('categoryCodes');
  });

  it('lets no enterprise, and no unregistered regulator certificate, record a sample', async () => {
    const input = sampleOf(hangzhou, { reportedAgoMs: 3_600_000 });
    expect((await post(hangzhou.token, '/regulator/sampling/samples', input)).status, 'the gateway refuses an enterprise token').to.equal(403);
    const layout = testLayout();
    const enterprise = await registerTestEnterprise(layout, 'supply', ['retailer']);
    const byEnterprise = await refusalOf(withContract(layout, enterprise.identity, (contract) => contract.submitTransaction('sampling:recordSample', JSON.stringify(input))));
    expect(byEnterprise.kind).to.equal('FORBIDDEN');
    const claimsRole = await enrollRegulatorIdentity(layout);
    const byClaim = await refusalOf(withContract(layout, claimsRole, (contract) => contract.submitTransaction('sampling:recordSample', JSON.stringify(input))));
    expect(byClaim.kind).to.equal('FORBIDDEN');
    expect(byClaim.detail).to.include('not registered');
  });

  it('lets an enterprise object to its own samples only', async () => {
    const sample = await recorded(sampleOf(hangzhou, { reportedAgoMs: 3_600_000, results: ['fail'] }));
    const byRival = await post(rival.token, `/sampling/samples/${sample.sampleId}/objections`, { reason: 'not ours, but we object' });
    expect(byRival.status).to.equal(403);
    expect(byRival.body.detail).to.include(`only the sampled enterprise ${hangzhou.id}`);
  });

  it('refuses bad samples with the field and the reason', async () => {
    const good = sampleOf(hangzhou, { reportedAgoMs: 3_600_000 });
    const unknown = await post(regulator, '/regulator/sampling/samples', { ...good, enterpriseId: uniqueUscc() });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.match(/enterpriseId: no enterprise .* is registered/);
    const badHash = await post(regulator, '/regulator/sampling/samples', { ...good, reportSha256: 'report.pdf' });
    expect(badHash.status).to.equal(400);
    expect(JSON.stringify(badHash.body)).to.include('reportSha256').and.include('64 lower-case hex');
    const noPlan = await post(regulator, '/regulator/sampling/samples', { ...good, planId: uniqueId('CJ-NONE') });
    expect(noPlan.status).to.equal(404);
    expect(noPlan.body.detail).to.include('planId');
    const notInPlan = await post(regulator, '/regulator/sampling/samples', { ...good, product: { ...good.product, categoryCode: 'food.not-planned' } });
    expect(notInPlan.status).to.equal(400);
    expect(notInPlan.body.detail).to.include('product.categoryCode');
    const outside = await onboard('440305');
    const outOfRegion = await post(regulator, '/regulator/sampling/samples', { ...good, enterpriseId: outside.id });
    expect(outOfRegion.status).to.equal(400);
    expect(outOfRegion.body.detail).to.include('440305');
    const future = await post(regulator, '/regulator/sampling/samples', { ...good, reportedAt: local(Date.now() + DAY_MS) });
    expect(future.status).to.equal(400);
    expect(future.body.detail).to.include('reportedAt');
    const twice = await post(regulator, '/regulator/sampling/samples', good);
    expect(twice.status).to.equal(201);
    expect((await post(regulator, '/regulator/sampling/samples', good)).status, 'a sample id is recorded once').to.equal(409);
  });

  it('computes the evaluative pass rate of final samples per period, region and category as counted by hand', async () => {
    const past = 16 * DAY_MS;
    // A category no other test finalizes in, so the counters hold these samples alone.
    // Seeded: Hangzhou evaluative 3 pass + 1 fail, a surveillance fail; Ningbo evaluative 2 pass, and a fail still in its window.
    const seeded = [
      sampleOf(hangzhou, { category: OTHER_CATEGORY, reportedAgoMs: past }),
      sampleOf(hangzhou, { category: OTHER_CATEGORY, reportedAgoMs: past }),
      sampleOf(hangzhou, { category: OTHER_CATEGORY, reportedAgoMs: past, results: ['pass', 'pass'] }),
      sampleOf(hangzhou, { category: OTHER_CATEGORY, reportedAgoMs: past, results: ['pass', 'fail'] }),
      sampleOf(hangzhou, { category: OTHER_CATEGORY, reportedAgoMs: past, results: ['fail'], plan: surveillancePlan }),
      sampleOf(ningbo, { category: OTHER_CATEGORY, reportedAgoMs: past }),
      sampleOf(ningbo, { category: OTHER_CATEGORY, reportedAgoMs: past }),
    ];
    const pending = sampleOf(ningbo, { category: OTHER_CATEGORY, reportedAgoMs: 3_600_000, results: ['fail'] });
    const samples = [];
    for (const input of [...seeded, pending]) samples.push(await recorded(input));
    for (const sample of samples.slice(0, seeded.length)) expect((await finalized(sample.sampleId)).status).to.equal('final');

    const month = shanghaiDateOf(seeded[0].sampledAt).slice(0, 7);
    const year = month.slice(0, 4);
    // The projection writes a group's counter documents one after another: wait for each to hold its count.
    const rate = (query: string, expected: { passed: number; failed: number; rate?: number }) =>
      eventually(`the pass rate of ${query} is ${expected.passed}/${expected.passed + expected.failed}`, async () => {
        const answer = (await api<{ passed: number; failed: number; total: number; rate: number }>(`/regulator/sampling/pass-rates?${query}`, { token: regulator })).body;
        return answer.passed === expected.passed && answer.failed === expected.failed ? answer : undefined;
      });
    // By hand: evaluative and final only, 5 passed of 6.
    expect(await rate(`period=${month}&category=${OTHER_CATEGORY}`, { passed: 5, failed: 1 })).to.include({ total: 6, rate: 0.8333 });
    await rate(`period=${year}&category=${OTHER_CATEGORY}`, { passed: 5, failed: 1 });
    expect(await rate(`period=${month}&region=330102&category=${OTHER_CATEGORY}`, { passed: 3, failed: 1 })).to.include({ rate: 0.75 });
    await rate(`period=${month}&region=330100&category=${OTHER_CATEGORY}`, { passed: 3, failed: 1 });
    expect(await rate(`period=${month}&region=330200&category=${OTHER_CATEGORY}`, { passed: 2, failed: 0 })).to.include({ rate: 1 });
    await rate(`period=${month}&region=330000&category=${OTHER_CATEGORY}`, { passed: 5, failed: 1 });
    // And nothing more once every counter has caught up: the surveillance failure and the pending sample stay out.
    expect(await rate(`period=${month}&region=330205&category=${OTHER_CATEGORY}`, { passed: 2, failed: 0 })).to.include({ total: 2 });

    const bad = await api<{ detail: string }>('/regulator/sampling/pass-rates?period=26-7', { token: regulator });
    expect(bad.status).to.equal(400);
    expect(JSON.stringify(bad.body)).to.include('period');

    const byPlan = await eventually('the plan list holds the seeded samples', async () => {
      const answer = await api<Sample[]>(`/regulator/sampling/plans/${surveillancePlan}/samples`, { token: regulator });
      return answer.body.length === 1 ? answer : undefined;
    });
    expect(byPlan.body[0]).to.include({ sampleId: samples[4].sampleId, status: 'final', verdict: 'fail' });
    const byEnterprise = await api<Sample[]>(`/regulator/sampling/enterprises/${ningbo.id}/samples`, { token: regulator });
    expect(byEnterprise.body.map((s) => s.sampleId)).to.include.members(samples.slice(5).map((s) => s.sampleId));
    expect((await api(`/regulator/sampling/enterprises/${ningbo.id}/samples`, { token: ningbo.token })).status, 'lists are the regulators\'').to.equal(403);

    // Each final failure, evaluative or not, became a high-severity clue about the sample (the intake runs every 20 s),
    // in Hangzhou's district and concerning Hangzhou; the sample still in its window raised none.
    for (const failed of [samples[3], samples[4]]) {
      const clue = await eventually(`the clue of failed sample ${failed.sampleId}`, async () => (await api<RiskClue[]>(`/clues?subjectId=${encodeURIComponent(`samples/${failed.sampleId}`)}`, { token: regulator })).body[0], 120_000);
      expect(clue).to.deep.include({ clueId: 'alert:failedSample', source: 'alert', severity: 'high', regionCode: '330102', regionChain: ['330102', '330100', '330000'], enterpriseId: hangzhou.id });
      expect(clue.alert).to.include({ domain: 'sampling', itemId: failed.sampleId, alertId: 'failedSample', kind: 'failedSample' });
    }
    expect((await api<RiskClue[]>(`/clues?subjectId=${encodeURIComponent(`samples/${samples[7].sampleId}`)}`, { token: regulator })).body).to.deep.equal([]);

    // Hangzhou's record: 2 final failures (one evaluative, one surveillance) at weight 30, and their 2 clues, not closed, at 10.
    const grade = await eventually('the credit grade counts the final failures and their clues', async () => {
      const answer = await api<{ grade: string; score: number; facts: { fact: string; count: number; weight: number; contribution: number; source: string }[] }>(`/regulator/enterprises/${hangzhou.id}/credit-grade`, { token: regulator });
      const count = (fact: string): number | undefined => answer.body.facts.find((f) => f.fact === fact)?.count;
      return answer.status === 200 && count('failedFinalSamples') === 2 && count('unclosedClues') === 2 ? answer.body : undefined;
    });
    expect(grade).to.include({ grade: 'C', score: 80 });
    expect(grade.facts.find((f) => f.fact === 'failedFinalSamples')).to.include({ count: 2, weight: 30, contribution: 60 });
    expect(grade.facts.find((f) => f.fact === 'unclosedClues')).to.include({ count: 2, weight: 10, contribution: 20 });
    expect(grade.facts.map((f) => f.fact)).to.have.members(['failedFinalSamples', 'complaints', 'unclosedClues', 'lateRecallAnswers', 'duplicateDispenses', 'overdueMaintenance']);
    expect(grade.facts.every((f) => f.source.length > 0)).to.equal(true);
    expect((await api(`/regulator/enterprises/${ningbo.id}/credit-grade`, { token: regulator })).body).to.include({ grade: 'A', score: 0 });
    expect((await api(`/regulator/enterprises/${uniqueUscc()}/credit-grade`, { token: regulator })).status).to.equal(404);
  });

  it('opens the recall of a final failed sample\'s lot in one step, and refuses a sample not final and failed or of untraced goods', async () => {
    const importer = await onboardEnterprise('custodial', ['importer'], '330102');
    const registration = lotRegistration();
    const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
    expect((await post(importer.token, '/coldchain/lots', registration)).status).to.equal(201);
    const input = { ...sampleOf({ id: importer.id, token: importer.token }, { reportedAgoMs: 16 * DAY_MS, results: ['pass', 'fail'] }), product: { categoryCode: CATEGORY, name: 'Frozen lamb shoulder', item: { kind: 'coldChainLot', lotId } } };
    const sample = await recorded(input);
    const early = await post(regulator, `/regulator/sampling/samples/${sample.sampleId}/recall`, { level: 2 });
    expect(early.status, 'not final yet').to.equal(409);
    expect(early.body.detail).to.include('only a final failure');
    await finalized(sample.sampleId);
    await eventually('the final sample projected', async () => ((await api<Sample>(`/sampling/samples/${sample.sampleId}`)).body.status === 'final' ? true : undefined));
    expect((await post(importer.token, `/regulator/sampling/samples/${sample.sampleId}/recall`, { level: 2 })).status, 'regulators only').to.equal(403);
    expect((await post(regulator, `/regulator/sampling/samples/${sample.sampleId}/recall`, { level: 4 })).status).to.equal(400);
    const opened = await api<{ result: RecallLedgerUpdate }>(`/regulator/sampling/samples/${sample.sampleId}/recall`, { token: regulator, idempotencyKey: uniqueId('k'), body: { level: 2 } });
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201);
    const recall = opened.body.result.recalls[0];
    expect(recall).to.deep.include({ domain: 'food', level: 2, scope: { kind: 'lots', lotIds: [lotId] } });
    expect(recall.reason).to.equal(`failed sample ${sample.sampleId}: item 1 3.5 mg/kg (limit ≤ 2.0 mg/kg)`);
    expect(opened.body.result.recallHolders.map((holder) => holder.enterpriseId)).to.deep.equal([importer.id]);

    const untraced = await recorded(sampleOf(hangzhou, { reportedAgoMs: 16 * DAY_MS, results: ['fail'] }));
    await finalized(untraced.sampleId);
    await eventually('the untraced sample projected final', async () => ((await api<Sample>(`/sampling/samples/${untraced.sampleId}`)).body.status === 'final' ? true : undefined));
    const refused = await post(regulator, `/regulator/sampling/samples/${untraced.sampleId}/recall`, { level: 2 });
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.include('does not trace');
  });

  it('draws reproducibly from the revealed seed, and refuses a wrong seed, a reveal before the commit and another regulator\'s reveal', async () => {
    const seed = createHash('sha256').update(uniqueId('seed')).digest('hex');
    const drawId = uniqueId('SSJ');
    const eligible = [hangzhou.id, ningbo.id, rival.id];
    const beforeCommit = await post(regulator, `/regulator/sampling/draws/${drawId}/reveal`, { seed });
    expect(beforeCommit.status).to.equal(404);
    expect(beforeCommit.body.detail).to.include('commit');

    const unknown = await post(regulator, '/regulator/sampling/draws', { drawId: uniqueId('SSJ'), commitment: seedCommitment(seed), enterpriseIds: [uniqueUscc()], enterpriseCount: 1 });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.include('enterpriseIds');

    const committed = await post(regulator, '/regulator/sampling/draws', { drawId, evaluativePlan, commitment: seedCommitment(seed), enterpriseIds: eligible, inspectorIds: [secondRegulatorId], enterpriseCount: 2, inspectorCount: 1 }).catch(() => undefined);
    expect(committed?.status, 'an unknown field is refused').to.equal(400);
    const commit = await post(regulator, '/regulator/sampling/draws', { drawId, planId: evaluativePlan, commitment: seedCommitment(seed), enterpriseIds: eligible, inspectorIds: [secondRegulatorId], enterpriseCount: 2, inspectorCount: 1 });
    expect(commit.status, JSON.stringify(commit.body)).to.equal(201);
    expect(commit.body.result.draws[0].enterpriseIds).to.deep.equal([...eligible].sort());

    const wrong = await post(regulator, `/regulator/sampling/draws/${drawId}/reveal`, { seed: 'ab'.repeat(32) });
    expect(wrong.status).to.equal(400);
    expect(wrong.body.detail).to.include('seed');
    const notMine = await post(secondRegulator, `/regulator/sampling/draws/${drawId}/reveal`, { seed });
    expect(notMine.status).to.equal(403);

    const reveal = await post(regulator, `/regulator/sampling/draws/${drawId}/reveal`, { seed });
    expect(reveal.status, JSON.stringify(reveal.body)).to.equal(201);
    const revealed = reveal.body.result.draws[0];
    // Recomputed here from what the ledger published, without the chaincode.
    expect({ drawnEnterprises: revealed.drawnEnterprises, drawnInspectors: revealed.drawnInspectors }).to.deep.equal(drawOf(seed, { enterpriseIds: eligible, inspectorIds: [secondRegulatorId], enterpriseCount: 2, inspectorCount: 1 }));
    expect(revealed.drawnInspectors).to.deep.equal([secondRegulatorId]);
    expect((await post(regulator, `/regulator/sampling/draws/${drawId}/reveal`, { seed })).status, 'revealed once').to.equal(409);

    const shown = await eventually('the revealed draw is projected', async () => {
      const answer = await api<{ draw: Draw; method: string; recomputed: unknown; reproduced: boolean }>(`/sampling/draws/${drawId}`);
      return answer.status === 200 && answer.body.draw.status === 'revealed' ? answer.body : undefined;
    });
    expect(shown.reproduced).to.equal(true);
    expect(shown.method).to.include('sha256');
    expect(seedCommitment(shown.draw.seed ?? '')).to.equal(shown.draw.commitment);
    expect(drawOf(shown.draw.seed ?? '', shown.draw).drawnEnterprises).to.deep.equal(shown.draw.drawnEnterprises);
  });
});
