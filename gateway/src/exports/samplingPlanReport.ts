import type { Writable } from 'node:stream';
import { PASS_RATE_TARGET, passRateOf, type Sample, type SamplingPlan } from '../../../model/src';
import type { EnterpriseDirectory } from './enterpriseDirectory';
import { ReportPdf } from './reportPdf';

const percent = (rate: number | undefined): string => (rate === undefined ? 'no final sample yet' : `${(rate * 100).toFixed(2)} %`);

/**
 * The printable report of an inspection campaign (a sampling plan): the plan, each sample with its
 * enterprise, product, verdict in force and status, and the pass rate of the final samples against
 * the target. `scopeNote` says when the samples are those of the reader's regions only.
 */
export async function writeSamplingPlanReport(out: Writable, plan: SamplingPlan, samples: readonly Sample[], names: EnterpriseDirectory, generatedFor: string, scopeNote?: string): Promise<void> {
  await names.learn(samples.map((sample) => sample.enterpriseId));
  const report = new ReportPdf(out, `Sampling plan ${plan.planId}`, `Printed ${new Date().toISOString()} for ${generatedFor} from the ledger's projection; transaction ${plan.txId}`);
  report.fields([
    ['Name', plan.name],
    ['Period', plan.period],
    ['Sample type', plan.sampleType],
    ['Product categories', plan.categoryCodes.join(', ')],
    ['Regions', plan.regionCodes.join(', ')],
    ['Objection window', `${plan.objectionWindowDays} days`],
    ['Recorded by', `${plan.recordedBy} at ${plan.recordedAt}`],
  ]);
  const final = samples.filter((sample) => sample.status === 'final');
  const rate = passRateOf(final.filter((sample) => sample.verdict === 'pass').length, final.filter((sample) => sample.verdict === 'fail').length);
  const inForce = passRateOf(samples.filter((sample) => sample.verdict === 'pass').length, samples.filter((sample) => sample.verdict === 'fail').length);
  report.heading('Pass rate');
  report.fields([
    ['Samples', `${samples.length}${scopeNote ? ` (${scopeNote})` : ''}`],
    ['Final', `${final.length}: ${rate.passed} passed, ${rate.failed} failed`],
    ['Pass rate of final samples', `${percent(rate.rate)} (target ${(PASS_RATE_TARGET * 100).toFixed(1)} %${rate.meetsTarget === undefined ? '' : rate.meetsTarget ? ', met' : ', not met'})`],
    ['Pass rate of verdicts in force', percent(inForce.rate)],
  ]);
  report.heading('Samples');
  report.table(
    [
      { header: 'sample', width: 2.4 },
      { header: 'enterprise', width: 3 },
      { header: 'product', width: 3 },
      { header: 'sampled at', width: 2.2 },
      { header: 'verdict / status', width: 1.8 },
      { header: 'failed items', width: 3 },
    ],
    samples.map((sample) => {
      const inForceReport = sample.retest ?? sample.report;
      const name = names.nameOf(sample.enterpriseId);
      return [
        sample.sampleId,
        `${sample.enterpriseId}${name ? ` ${name}` : ''} (${sample.regionCode})`,
        `${sample.product.name} [${sample.categoryCode}]`,
        sample.sampledAt,
        `${sample.verdict} / ${sample.status}${sample.retest ? ' (re-tested)' : ''}`,
        inForceReport.items.filter((item) => item.result === 'fail').map((item) => `${item.name}${item.measured ? `: ${item.measured}` : ''}${item.limit ? ` (limit ${item.limit})` : ''}`).join('\n'),
      ];
    }),
  );
  await report.end();
}
