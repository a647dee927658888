import { drugBatchIdOf, type AdverseReactionInput, type AdverseReactionReport } from '../../../model/src';
import { knownCode } from './codeLookup';
import { adverseReactionKey } from './drugKeys';
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
