import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { conflict, ConsumerComplaintSchema, parseJsonArgument, parseOrThrow, ScanAnomalySchema, type RiskClue, RiskClueEvents } from '../../../model/src';
import { requireIntake } from '../common/caller';
import { admitComplaint } from './complaintBounds';
import { KeyTypes, ledgerKey } from '../common/keys';
import { txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, recordExists, writeRecord } from '../common/state';

/** Risk clues for regulators, starting with consumer complaints from the scan page. */
@Info({ title: 'RiskClues', description: 'Consumer complaints and other risk clues regulators handle' })
export class RiskClueContract extends Contract {
  constructor() {
    super('clues');
  }

  /** Files a consumer complaint (text and category only) as an open clue on a scanned item the ledger knows. */
  @Transaction()
  @Returns('string')
  async fileConsumerComplaint(ctx: Context, complaintJson: string): Promise<string> {
    const intake = requireIntake(ctx);
    const complaint = parseOrThrow(ConsumerComplaintSchema, parseJsonArgument(complaintJson, 'complaint'));
    await admitComplaint(ctx, complaint.subjectId);
    const txId = ctx.stub.getTxID();
    const clue: RiskClue = { ...complaint, clueId: txId, source: 'consumer', status: 'open', filedAt: txTimeIso(ctx), filedBy: `${intake.enrollmentId}@${intake.mspId}`, txId };
    await writeRecord(ctx, ledgerKey(ctx, KeyTypes.riskClue, complaint.subjectId, txId), clue);
    emitLedgerEvent(ctx, RiskClueEvents.riskClueFiled, clue);
    return JSON.stringify(clue);
  }

  /**
   * Files a suspected copied code found by the gateway's scan monitor: one clue per item and hour for
   * scans in far-apart provinces, one per unit for scans after its sale. A second report of the same
   * is refused as a conflict.
   */
  @Transaction()
  @Returns('string')
  async fileScanAnomaly(ctx: Context, anomalyJson: string): Promise<string> {
    const intake = requireIntake(ctx);
    const { subjectId, ...anomaly } = parseOrThrow(ScanAnomalySchema, parseJsonArgument(anomalyJson, 'anomaly'));
    // The clue id of a sold unit names the unit, so clue ids stay distinct across subjects.
    const clueId = 'reason' in anomaly ? `afterSale:${subjectId}` : `scan:${anomaly.windowStart}`;
    const key = ledgerKey(ctx, KeyTypes.riskClue, subjectId, clueId);
    if (await recordExists(ctx, key)) {
      throw conflict('reason' in anomaly ? `scans of ${subjectId} after its sale are already filed` : `a scan anomaly of ${subjectId} in the hour from ${anomaly.windowStart} is already filed`);
    }
    const clue: RiskClue = { clueId, subjectId, source: 'scanMonitor', anomaly, status: 'open', filedAt: txTimeIso(ctx), filedBy: `${intake.enrollmentId}@${intake.mspId}`, txId: ctx.stub.getTxID() };
    await writeRecord(ctx, key, clue);
    emitLedgerEvent(ctx, RiskClueEvents.riskClueFiled, clue);
    return JSON.stringify(clue);
  }
}
