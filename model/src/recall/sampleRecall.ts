import type { Sample } from '../sampling';
import type { RecallOpening, SampleRecall } from './recall';

/**
 * The recall a final failed sample asks for: its lot (food) or drug batch, the failed items as the
 * reason unless the regulator gives one. A sample that is not final and failed, or of goods the
 * ledger does not trace, has no recall: the answer says why.
 *
 * @example recallOpeningOfSample(sample, { level: 2 }) // { domain: 'food', level: 2, scope: { kind: 'lots', lotIds: [...] }, reason: 'failed sample DBJ1: lead 3.5 mg/kg (limit ≤ 2.0 mg/kg)' }
 */
export function recallOpeningOfSample(sample: Sample, input: SampleRecall): RecallOpening | { refused: string } {
  if (sample.status !== 'final' || sample.verdict !== 'fail') return { refused: `sample ${sample.sampleId} is ${sample.status} with verdict ${sample.verdict}: only a final failure opens a recall in one step` };
  const item = sample.product.item;
  if (item.kind === 'other') return { refused: `sample ${sample.sampleId} is of goods the ledger does not trace (${item.description}): open the recall with its scope` };
  const failed = (sample.retest ?? sample.report).items.filter((i) => i.result === 'fail').map((i) => `${i.name}${i.measured ? ` ${i.measured}` : ''}${i.limit ? ` (limit ${i.limit})` : ''}`);
  const reason = input.reason ?? `failed sample ${sample.sampleId}: ${failed.join('; ')}`.slice(0, 500);
  return item.kind === 'coldChainLot'
    ? { reason, domain: 'food', level: input.level, scope: { kind: 'lots', lotIds: [item.lotId] } }
    : { reason, domain: 'drug', level: input.level, scope: { kind: 'batches', batches: [{ productId: item.productId, batchNumber: item.batchNumber }] } };
}
