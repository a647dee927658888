import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { lotIdOf, shanghaiDateOf, type Recall, type RiskClue, type Sample } from '../../model/src';
import { lotRegistration, Places, scenarioClock } from './coldchainFixtures';
import { api, eventually, onboardEnterprise, testAdminToken, type OnboardedEnterprise } from './gatewayClient';
import { uniqueId } from './testNetwork';

const DAY_MS = 24 * 3_600_000;
/** An instant as a Chinese site writes it. */
const local = (ms: number): string => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What a dashboard suite seeded: a district of its own in a city of its own, its unit's regulator, and the records in it. */
export interface DashboardScene {
  city: string;
  district: string;
  /** A regulator of the district's own unit, and one of Hangzhou's (outside the district). */
  regulator: string;
  outsider: string;
  owner: OnboardedEnterprise;
  /** The month the complaints were raised in, and the month the samples were taken in (Asia/Shanghai). */
  clueMonth: string;
  sampleMonth: string;
  complaints: RiskClue[];
  closed: RiskClue[];
  published: RiskClue;
  samples: Sample[];
  recall: Recall;
  lots: string[];
}

/**
 * Seeds a district of its own (so its counters hold this scene only) through the gateway: three
 * complaints about a lot, one dismissed and closed, one decided with a published penalty and closed;
 * two final evaluative samples of an enterprise there, one failed; a recall of a lot split in two.
 */
export async function seedDashboardScene(): Promise<DashboardScene> {
  const admin = await testAdminToken();
  const post = async <T = Record<string, unknown>>(token: string, route: string, body: unknown): Promise<T> => {
    const answer = await api<T>(route, { token, idempotencyKey: uniqueId('k'), body });
    expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).to.equal(201);
    return answer.body;
  };
  // A city and district of this run's own (the test ledger outlives runs), so their counters hold this scene only.
  const city = `33${30 + Math.floor(Math.random() * 70)}00`;
  const district = `${city.slice(0, 4)}${String(1 + Math.floor(Math.random() * 99)).padStart(2, '0')}`;
  for (const region of [{ code: '330000', name: '浙江省' }, { code: '330100', name: '杭州市', parent: '330000' }, { code: city, name: `Dashboard city ${city}`, parent: '330000' }, { code: district, name: `Dashboard district ${district}`, parent: city }]) {
    await post(admin, '/admin/reference/regions', region);
  }
  const unitId = `amr-${district}`;
  await post(admin, '/admin/reference/regulator-units', { unitId, name: `Dashboard unit ${district}`, regions: [district] });
  await post(admin, '/admin/reference/regulator-units', { unitId: 'amr-330100', name: '杭州市市场监督管理局', regions: ['330100'] });
  const regulator = (await post<{ token: string }>(admin, '/admin/regulators', { enrollmentId: uniqueId('dash'), unit: unitId })).token;
  const outsider = (await post<{ token: string }>(admin, '/admin/regulators', { enrollmentId: uniqueId('dash'), unit: 'amr-330100' })).token;

  const owner = await onboardEnterprise('custodial', ['importer', 'retailer'], district);
  const registration = lotRegistration();
  const lotId = lotIdOf(registration.gtin as string, registration.lotNumber as string);
  await post(owner.token, '/coldchain/lots', registration);

  const complain = async (category: string): Promise<RiskClue> => {
    // A consumer's complaint carries its key in the body (a scan page's form sends no headers).
    const answer = await api<{ result: RiskClue }>('/complaints', { body: { subjectId: lotId, category, text: `private words about the ${category} from a consumer`, idempotencyKey: uniqueId('complaint') } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body.result;
  };
  const complaints = [await complain('quality'), await complain('counterfeit'), await complain('quality')];
  const ref = (clue: RiskClue) => ({ subjectId: clue.subjectId, clueId: clue.clueId });
  const [dismissed, decided] = complaints;
  await post(regulator, '/regulator/clues/verifications', { ...ref(dismissed), findings: 'Label reprinted with consent' });
  await post(regulator, '/regulator/clues/dismissals', { ...ref(dismissed), reason: 'Relabelled with the maker\'s consent' });
  const closedDismissed = (await post<{ result: RiskClue }>(regulator, '/regulator/clues/closures', ref(dismissed))).result;
  await post(regulator, '/regulator/clues/verifications', { ...ref(decided), findings: 'Counterfeit cartons in the cold room' });
  await post(regulator, '/regulator/clues/cases', { ...ref(decided), caseNumber: `甬市监案${uniqueId('c')}` });
  await post(regulator, '/regulator/clues/penalties', { ...ref(decided), decision: 'Fine of 80,000 yuan; stock destroyed', publish: true });
  const published = (await post<{ result: RiskClue }>(regulator, '/regulator/clues/closures', ref(decided))).result;

  // Reported 16 days ago: the objection window has closed, so both can be made final now.
  const reported = Date.now() - 16 * DAY_MS;
  const planId = uniqueId('CJ-D');
  await post(admin, '/admin/reference/product-categories', { code: 'food.meat.frozen', name: 'Frozen meat', domain: 'food' });
  await post(regulator, '/regulator/sampling/plans', { planId, name: `Dashboard plan ${planId}`, period: String(new Date(reported - DAY_MS).getUTCFullYear()), sampleType: 'evaluative', categoryCodes: ['food.meat.frozen'], regionCodes: [city] });
  const samples: Sample[] = [];
  for (const result of ['pass', 'fail'] as const) {
    const sampleId = uniqueId('DBJ-D');
    await post(regulator, '/regulator/sampling/samples', {
      sampleId, planId, enterpriseId: owner.id, sampledAt: local(reported - DAY_MS), reportedAt: local(reported),
      product: { categoryCode: 'food.meat.frozen', name: 'Frozen lamb shoulder', item: { kind: 'coldChainLot', lotId } },
      items: [{ name: 'total volatile basic nitrogen', result, measured: result === 'pass' ? '9.8 mg/100g' : '17.2 mg/100g', limit: '≤ 15 mg/100g' }],
      lab: 'Ningbo Food Inspection Centre', reportSha256: hash(sampleId),
    });
    samples.push((await post<{ result: { samples: Sample[] } }>(regulator, `/sampling/samples/${sampleId}/finalizations`, {})).result.samples[0]);
  }

  const at = scenarioClock();
  const children = [lotIdOf(registration.gtin as string, `${registration.lotNumber as string}A`), lotIdOf(registration.gtin as string, `${registration.lotNumber as string}B`)];
  await post(owner.token, '/coldchain/lots/split', {
    eventId: uniqueId('split'), lotId, eventTime: at(1), location: Places.ningboPort,
    children: children.map((child, i) => ({ lotNumber: child.split('/')[3], quantity: 300 + i * 100 })),
  });
  const opened = await post<{ result: { recalls: Recall[] } }>(owner.token, '/recalls', { reason: 'Listeria in a retained sample', domain: 'food', level: 2, scope: { kind: 'lots', lotIds: [lotId] } });
  const recall = opened.result.recalls[0];
  // The final failed sample raises its clue through the intake, a scheduled check: the scene holds still once it has.
  await eventually('the recall, the closures and the failed sample\'s clue projected', async () => {
    const answer = await api(`/recalls/${recall.recallId}`, { token: regulator });
    const stats = await api<{ closed: number; kinds: Record<string, number> }>(`/regulator/clues/stats?region=${district}`, { token: regulator });
    return answer.status === 200 && stats.body.closed === 2 && stats.body.kinds.failedSample === 1 ? true : undefined;
  }, 60_000);
  return {
    city, district, regulator, outsider, owner,
    clueMonth: shanghaiDateOf(complaints[0].filedAt).slice(0, 7),
    sampleMonth: shanghaiDateOf(samples[0].sampledAt).slice(0, 7),
    complaints, closed: [closedDismissed, published], published, samples, recall, lots: [lotId, ...children],
  };
}
