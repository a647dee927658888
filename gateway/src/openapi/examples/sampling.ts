import { createHash } from 'node:crypto';
import { idempotencyKey, type ExampleCall } from '../exampleCall';
import { LOT, REGULATOR_ENROLLMENT } from './story';

/** The plan of the story: Ningbo's and Shaoxing's evaluative sampling of meat products. */
const PLAN = 'CJ-{run}';
const LAMB_SAMPLE = 'DBJ-{run}-1';
const COUNTER_SAMPLE = 'DBJ-{run}-2';
/** The category the reference chapter wrote. */
const MEAT = 'food.meat.frozen';
const report = (text: string): string => createHash('sha256').update(text).digest('hex');
/** The regulator's secret seed: in practice 128 or more random bits, kept until the reveal. */
const SEED = '6b1f0c2e9a7d4e3f8a5b6c7d8e9f0a1b';
const DRAW = 'SSJ-{run}';

/**
 * The sampling chapter (the reference chapter wrote the cast's regions and the category): the
 * regulator, as an inspection body, plans evaluative sampling, samples the
 * importer's lot (it passes) and the retailer's counter (it fails); the retailer objects, the re-test
 * passes; nothing is final inside the window. A "double random" draw is committed and revealed, and
 * anyone recomputes it; the retailer's credit grade shows its facts.
 */
export const samplingExamples: readonly ExampleCall[] = [
  {
    title: 'Record a sampling plan: evaluative sampling of meat products in Ningbo and Shaoxing, with the default 15-day objection window',
    method: 'post', path: '/regulator/sampling/plans', caller: 'regulator', headers: idempotencyKey('sampling-plan'),
    body: { planId: PLAN, name: 'Evaluative sampling of meat products, Ningbo and Shaoxing', period: '2026', sampleType: 'evaluative', categoryCodes: [MEAT], regionCodes: ['330200', '330600'] },
    status: 201, response: { result: { plans: [{ planId: PLAN, objectionWindowDays: 15, recordedBy: `regulator:${REGULATOR_ENROLLMENT}` }] } },
  },
  {
    title: 'Record the importer\'s lamb lot as sampled: every item passes',
    method: 'post', path: '/regulator/sampling/samples', caller: 'regulator', headers: idempotencyKey('sample-lamb'),
    body: {
      sampleId: LAMB_SAMPLE, planId: PLAN, enterpriseId: '{importerId}', sampledAt: '{sampledAt}',
      product: { categoryCode: MEAT, name: 'Frozen lamb', item: { kind: 'coldChainLot', lotId: LOT } },
      items: [{ name: 'clenbuterol', result: 'pass', measured: 'not detected', limit: 'not detected' }, { name: 'total volatile basic nitrogen', result: 'pass', measured: '9.8 mg/100g', limit: '≤ 15 mg/100g' }],
      lab: 'Ningbo Food Inspection Centre', reportSha256: report('report DBJ-1'), reportedAt: '{sampleReportedAt}',
    },
    status: 201, response: { result: { samples: [{ sampleId: LAMB_SAMPLE, status: 'reported', verdict: 'pass', sampleType: 'evaluative', regionCode: '330206' }] } },
  },
  {
    title: 'Record the retailer\'s diced lamb as sampled: one item fails, so the sample fails',
    method: 'post', path: '/regulator/sampling/samples', caller: 'regulator', headers: idempotencyKey('sample-counter'),
    body: {
      sampleId: COUNTER_SAMPLE, planId: PLAN, enterpriseId: '{retailerId}', sampledAt: '{sampledAt}',
      product: { categoryCode: MEAT, name: 'Diced lamb', item: { kind: 'other', description: 'diced lamb from the counter, 500 g tray' } },
      items: [{ name: 'total volatile basic nitrogen', result: 'fail', measured: '17.2 mg/100g', limit: '≤ 15 mg/100g' }],
      lab: 'Shaoxing Food Inspection Centre', reportSha256: report('report DBJ-2'), reportedAt: '{sampleReportedAt}',
    },
    status: 201, response: { result: { samples: [{ sampleId: COUNTER_SAMPLE, status: 'reported', verdict: 'fail', regionCode: '330603' }] } },
  },
  {
    title: 'An enterprise cannot object to another\'s sample',
    method: 'post', path: '/sampling/samples/{sampleId}/objections', params: { sampleId: COUNTER_SAMPLE }, caller: 'importer', headers: idempotencyKey('objection-not-mine'),
    body: { reason: 'we want the competitor\'s result reviewed' },
    status: 403,
  },
  {
    title: 'The retailer objects within the window and asks for a re-test',
    method: 'post', path: '/sampling/samples/{sampleId}/objections', params: { sampleId: COUNTER_SAMPLE }, caller: 'retailer', headers: idempotencyKey('objection'),
    body: { reason: 'the tray was kept outside the chiller during sampling' },
    status: 201, response: { result: { samples: [{ sampleId: COUNTER_SAMPLE, status: 'objected', objection: { by: '{retailerId}' } }] } },
  },
  {
    title: 'An objected sample cannot be made final before its re-test',
    method: 'post', path: '/sampling/samples/{sampleId}/finalizations', params: { sampleId: COUNTER_SAMPLE }, caller: 'regulator', headers: idempotencyKey('finalize-objected'),
    body: {},
    status: 409,
  },
  {
    title: 'Record the re-test: it passes, and its verdict replaces the first',
    method: 'post', path: '/regulator/sampling/samples/{sampleId}/retests', params: { sampleId: COUNTER_SAMPLE }, caller: 'regulator', headers: idempotencyKey('retest'),
    body: { items: [{ name: 'total volatile basic nitrogen', result: 'pass', measured: '12.1 mg/100g', limit: '≤ 15 mg/100g' }], lab: 'Zhejiang Institute for Food and Drug Control', reportSha256: report('re-test DBJ-2'), reportedAt: '{retestReportedAt}' },
    status: 201, response: { result: { samples: [{ sampleId: COUNTER_SAMPLE, status: 'reported', verdict: 'pass', report: { verdict: 'fail' }, retest: { verdict: 'pass' } }] } },
  },
  {
    title: 'Inside the objection window no sample becomes final',
    method: 'post', path: '/sampling/samples/{sampleId}/finalizations', params: { sampleId: LAMB_SAMPLE }, caller: 'importer', headers: idempotencyKey('finalize-early'),
    body: {},
    status: 409,
  },
  {
    title: 'Read a sample as anyone: results are published',
    method: 'get', path: '/sampling/samples/{sampleId}', params: { sampleId: COUNTER_SAMPLE }, caller: 'consumer', eventual: true,
    status: 200, response: { sampleId: COUNTER_SAMPLE, verdict: 'pass', status: 'reported', retest: { lab: 'Zhejiang Institute for Food and Drug Control' } },
  },
  {
    title: 'The plan\'s samples, a page at a time',
    method: 'get', path: '/regulator/sampling/plans/{planId}/samples', params: { planId: PLAN }, caller: 'regulator', eventual: true,
    status: 200, response: [{ sampleId: LAMB_SAMPLE }, { sampleId: COUNTER_SAMPLE, verdict: 'pass' }],
  },
  {
    title: 'A sample still in its objection window opens no recall in one step',
    method: 'post', path: '/regulator/sampling/samples/{sampleId}/recall', params: { sampleId: LAMB_SAMPLE }, caller: 'regulator', headers: idempotencyKey('recall-early'),
    body: { level: 2 },
    status: 409,
  },
  {
    title: 'The retailer\'s samples',
    method: 'get', path: '/regulator/sampling/enterprises/{enterpriseId}/samples', params: { enterpriseId: '{retailerId}' }, caller: 'regulator', eventual: true,
    status: 200, response: [{ sampleId: COUNTER_SAMPLE }],
  },
  {
    title: 'The pass rate of final evaluative samples this year in Shaoxing\'s meat products (none final yet in the window: the rate waits)',
    method: 'get', path: '/regulator/sampling/pass-rates', query: { period: '{samplingYear}', region: '330600', category: MEAT }, caller: 'regulator',
    status: 200, response: { period: '{samplingYear}', region: '330600', category: MEAT, target: 0.985 },
  },
  {
    title: 'Commit a "double random" draw: the hash of a secret seed, one enterprise of two and one inspector, fixed now',
    method: 'post', path: '/regulator/sampling/draws', caller: 'regulator', headers: idempotencyKey('draw-commit'),
    body: { drawId: DRAW, planId: PLAN, commitment: createHash('sha256').update(SEED).digest('hex'), enterpriseIds: ['{retailerId}', '{importerId}'], inspectorIds: [REGULATOR_ENROLLMENT], enterpriseCount: 1, inspectorCount: 1 },
    status: 201, response: { result: { draws: [{ drawId: DRAW, status: 'committed', inspectorIds: [REGULATOR_ENROLLMENT] }] } },
  },
  {
    title: 'A seed that is not the committed one is refused',
    method: 'post', path: '/regulator/sampling/draws/{drawId}/reveal', params: { drawId: DRAW }, caller: 'regulator', headers: idempotencyKey('draw-wrong-seed'),
    body: { seed: '00000000000000000000000000000000' },
    status: 400,
  },
  {
    title: 'Reveal the seed in a later transaction: the ledger checks its hash and records who is drawn',
    method: 'post', path: '/regulator/sampling/draws/{drawId}/reveal', params: { drawId: DRAW }, caller: 'regulator', headers: idempotencyKey('draw-reveal'),
    body: { seed: SEED },
    status: 201, response: { result: { draws: [{ drawId: DRAW, status: 'revealed', seed: SEED, drawnInspectors: [REGULATOR_ENROLLMENT] }] } },
  },
  {
    title: 'Anyone reads the draw with what it takes to recompute it, and the recomputation',
    method: 'get', path: '/sampling/draws/{drawId}', params: { drawId: DRAW }, caller: 'consumer', eventual: true,
    status: 200, response: { draw: { drawId: DRAW, status: 'revealed', seed: SEED }, reproduced: true },
  },
  {
    title: 'The retailer\'s credit-risk grade, explained: each fact with its count, weight and contribution (its duplicate sale of a drug code counts)',
    method: 'get', path: '/regulator/enterprises/{id}/credit-grade', params: { id: '{retailerId}' }, caller: 'regulator', eventual: true,
    status: 200, response: { enterpriseId: '{retailerId}', facts: [{ fact: 'failedFinalSamples', weight: 30 }, { fact: 'duplicateDispenses', weight: 20 }] },
  },
];
