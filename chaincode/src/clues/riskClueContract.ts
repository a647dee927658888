import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { ConsumerComplaintSchema, parseJsonArgument, parseOrThrow, type RiskClue } from '../../../model/src';
import { requireIntake } from '../common/caller';
import { KeyTypes, ledgerKey } from '../common/keys';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, writeRecord } from '../common/state';

/** Risk clues for regulators, starting with consumer complaints from the scan page. */
@Info({ title: 'RiskClues', description: 'Consumer complaints and other risk clues regulators handle' })
export class RiskClueContract extends Contract {
  constructor() {
    super('clues');
  }

  /** Files a consumer complaint (text and category only) as an open clue on the scanned item. */
  @Transaction()
  @Returns('string')
  async fileConsumerComplaint(ctx: Context, complaintJson: string): Promise<string> {
    const intake = requireIntake(ctx);
    const complaint = parseOrThrow(ConsumerComplaintSchema, parseJsonArgument(complaintJson, 'complaint'));
    const txId = ctx.stub.getTxID();
    const clue: RiskClue = { ...complaint, clueId: txId, source: 'consumer', status: 'open', filedAt: txTimeIso(ctx), filedBy: `${intake.enrollmentId}@${intake.mspId}`, txId };
    await writeRecord(ctx, ledgerKey(ctx, KeyTypes.riskClue, complaint.subjectId, txId), clue);
    emitLedgerEvent(ctx, 'RiskClueFiled', clue);
    return JSON.stringify(clue);
  }
}
