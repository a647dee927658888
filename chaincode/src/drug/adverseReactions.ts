import { conflict, drugBatchIdOf, MAX_CONSUMER_REPORTS_PER_BATCH_PER_DAY, type AdverseReactionInput, type AdverseReactionReport } from '../../../model/src';
import { writeRecord } from '../common/state';
import { knownCode } from './codeLookup';
import { adverseReactionKey, consumerReportDayKey } from './drugKeys';
import type { DrugSession } from './drugSession';
import { requireBatch } from './products';

/**
 * Files a suspected adverse reaction as a risk clue on the batch (and the code, when one was
 * scanned). The code must be known, so a report cannot name a made-up code; contacts stay off chain.
 */
export async function reportAdverseReaction(session: DrugSession, reporterKind: string, input: AdverseReactionInput): Promise<AdverseReactionReport> {
  let productId: string;
  let batchNumber: string;
  let code: string | undefined;
  if (input.subject.kind === 'code') {
    const known = await knownCode(session, input.subject, 'subject');
    ({ productId, batchNumber } = known.commissioning);
    code = known.code;
  } else {
    ({ productId, batchNumber } = input.subject);
  }
  await requireBatch(session, productId, batchNumber, 'subject');
  const batchId = drugBatchIdOf(productId, batchNumber);
  if (reporterKind === 'consumer') {
    const key = consumerReportDayKey(session.ctx, batchId, session.now.slice(0, 10));
    const count = (await session.read<{ count: number }>(key))?.count ?? 0;
    if (count >= MAX_CONSUMER_REPORTS_PER_BATCH_PER_DAY) {
      throw conflict(`batch ${batchId} has received ${MAX_CONSUMER_REPORTS_PER_BATCH_PER_DAY} consumer reports today, the most one batch takes in a day; regulators are already looking at them`);
    }
    await writeRecord(session.ctx, key, { count: count + 1 });
  }
  const report: AdverseReactionReport = {
    reportId: session.txId,
    batchId,
    productId,
    ...(code ? { code } : {}),
    description: input.description,
    seriousness: input.seriousness,
    outcome: input.outcome,
    ...(input.onsetDate ? { onsetDate: input.onsetDate } : {}),
    reporterKind,
    reportedBy: session.actorId,
    status: 'open',
    filedAt: session.now,
    txId: session.txId,
  };
  session.stage(adverseReactionKey(session.ctx, batchId, session.txId), report, 'adverseReactions');
  return report;
}
