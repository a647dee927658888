import {
  conflict,
  finalityRefusal,
  invalid,
  notFound,
  objectionDeadline,
  objectionRefusal,
  planCoversRegion,
  sampleVerdictOf,
  type Sample,
  type SampleObjection,
  type SampleReport,
  type SampleResultInput,
  type SampleRetestInput,
  type SampledItem,
  type SamplingPlan,
  type SamplingPlanInput,
} from '../../../model/src';
import { recordExists } from '../common/state';
import { requireEventTimeNotAhead } from '../common/ledgerTime';
import { batchKey } from '../drug/drugKeys';
import { readReference, regionChainOf, requireRegion } from '../reference/referenceStore';
import { readEnterprise } from '../registry/enterpriseStore';
import { lotKey } from '../supplychain/supplyChainKeys';
import { sampleKey, samplingPlanKey } from './samplingKeys';
import type { SamplingSession } from './samplingSession';

/** An inspection body records a sampling plan of regions and categories the reference data holds; a plan id is recorded once. */
export async function recordPlan(session: SamplingSession, input: SamplingPlanInput): Promise<SamplingPlan> {
  const key = samplingPlanKey(session.ctx, input.planId);
  if (await session.read(key)) throw conflict(`planId: sampling plan ${input.planId} is already on the ledger`);
  for (const code of input.regionCodes) await requireRegion(session.ctx, code, 'regionCodes');
  for (const code of input.categoryCodes) {
    if (!(await readReference(session.ctx, 'productCategory', code))) throw notFound(`categoryCodes: product category ${code} is not in the reference data`);
  }
  const plan: SamplingPlan = { ...input, recordedBy: session.actorId, recordedAt: session.now, txId: session.txId };
  session.stage(key, plan, 'plans');
  return plan;
}

/** A lot or drug batch named by a sample must be on the ledger; other goods are described in words. */
async function requireItemOnLedger(session: SamplingSession, item: SampledItem): Promise<void> {
  if (item.kind === 'coldChainLot' && !(await recordExists(session.ctx, lotKey(session.ctx, item.lotId)))) {
    throw notFound(`product.item.lotId: no lot ${item.lotId} is on the ledger`);
  }
  if (item.kind === 'drugBatch' && !(await recordExists(session.ctx, batchKey(session.ctx, item.productId, item.batchNumber)))) {
    throw notFound(`product.item.batchNumber: no batch ${item.batchNumber} of drug product ${item.productId} is on the ledger`);
  }
}

function reportOf(session: SamplingSession, input: Pick<SampleReport, 'items' | 'lab' | 'reportSha256' | 'reportedAt'>): SampleReport {
  requireEventTimeNotAhead(session.ctx, input.reportedAt, 'reportedAt');
  return { items: input.items, lab: input.lab, reportSha256: input.reportSha256, reportedAt: input.reportedAt, verdict: sampleVerdictOf(input.items), recordedBy: session.actorId, recordedAt: session.now, txId: session.txId };
}

/**
 * An inspection body records a sample's result under its plan: the category must be the plan's, the
 * enterprise registered and in a region the plan covers, by the region table (its region is the
 * registry's, not the writer's word), the lot or batch on the ledger. The objection window starts at the report.
 */
export async function recordSample(session: SamplingSession, input: SampleResultInput): Promise<Sample> {
  const key = sampleKey(session.ctx, input.sampleId);
  if (await session.read(key)) throw conflict(`sampleId: sample ${input.sampleId} is already on the ledger`);
  const plan = await session.plan(input.planId);
  if (!plan.categoryCodes.includes(input.product.categoryCode)) {
    throw invalid(`product.categoryCode: category ${input.product.categoryCode} is not in plan ${plan.planId} (${plan.categoryCodes.join(', ')})`);
  }
  const enterprise = await readEnterprise(session.ctx, input.enterpriseId);
  if (!enterprise) throw notFound(`enterpriseId: no enterprise ${input.enterpriseId} is registered`);
  const regionChain = await regionChainOf(session.ctx, enterprise.region);
  if (!planCoversRegion(plan, regionChain)) {
    throw invalid(`enterpriseId: enterprise ${enterprise.id} lies in region ${regionChain.join(' < ')}, which plan ${plan.planId} does not cover (${plan.regionCodes.join(', ')})`);
  }
  requireEventTimeNotAhead(session.ctx, input.sampledAt, 'sampledAt');
  await requireItemOnLedger(session, input.product.item);
  const report = reportOf(session, input);
  const sample: Sample = {
    sampleId: input.sampleId,
    planId: plan.planId,
    sampleType: plan.sampleType,
    product: input.product,
    categoryCode: input.product.categoryCode,
    enterpriseId: enterprise.id,
    regionCode: enterprise.region,
    regionChain,
    sampledAt: input.sampledAt,
    status: 'reported',
    verdict: report.verdict,
    report,
    objectionUntil: objectionDeadline(input.reportedAt, plan.objectionWindowDays),
    recordedBy: session.actorId,
    recordedAt: session.now,
    txId: session.txId,
    updatedAt: session.now,
    updatedTxId: session.txId,
  };
  session.putSample(sample);
  return sample;
}

/** The sampled enterprise objects within the window; the sample awaits its re-test. */
export async function objectToSample(session: SamplingSession, sample: Sample, input: SampleObjection): Promise<Sample> {
  const refusal = objectionRefusal(sample, session.now);
  if (refusal) throw conflict(`sampleId: ${refusal}`);
  sample.objection = { reason: input.reason, by: session.actorId, filedAt: session.now, txId: session.txId };
  sample.status = 'objected';
  session.putSample(sample);
  return sample;
}

/** A regulator records the re-test of an objected sample: its verdict replaces the first. */
export async function recordRetest(session: SamplingSession, input: SampleRetestInput): Promise<Sample> {
  const sample = await session.sample(input.sampleId);
  if (sample.status !== 'objected') throw conflict(`sampleId: sample ${sample.sampleId} is ${sample.status}; only an objected sample is re-tested`);
  if (Date.parse(input.reportedAt) < Date.parse(sample.report.reportedAt)) throw invalid(`reportedAt: the re-test report ${input.reportedAt} lies before the first report ${sample.report.reportedAt}`);
  const retest = reportOf(session, input);
  sample.retest = retest;
  sample.verdict = retest.verdict;
  sample.status = 'reported';
  session.putSample(sample);
  return sample;
}

/** Makes the sample final once its window has passed by this transaction's time (and any objection has its re-test). */
export async function finalizeSample(session: SamplingSession, sampleId: string): Promise<Sample> {
  const sample = await session.sample(sampleId);
  const refusal = finalityRefusal(sample, session.now);
  if (refusal) throw conflict(`sampleId: ${refusal}`);
  sample.status = 'final';
  sample.finalizedAt = session.now;
  sample.finalizedBy = session.actorId;
  sample.finalTxId = session.txId;
  session.putSample(sample);
  return sample;
}
