import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  CaseFilingSchema,
  ClueAssignmentSchema,
  ClueDismissalSchema,
  ClueReferenceSchema,
  ClueVerificationSchema,
  conflict,
  ConsumerComplaintSchema,
  parseJsonArgument,
  parseOrThrow,
  PenaltyDecisionSchema,
  ScanAnomalySchema,
  type RiskClue,
} from '../../../model/src';
import { callerOf, describeCaller, isIntake, requireIntake, type Caller } from '../common/caller';
import { recordExists } from '../common/state';
import { requireRegulator } from '../registry/registeredCaller';
import { raiseAlertClue } from './alertClues';
import { clueKey, raiseClue } from './clueRaising';
import { assignClue, closeClue, decidePenalty, dismissClue, escalateClue, fileCase, requireClue, verifyClue } from './clueLifecycle';
import { placeOfSubject, regionOfScans } from './clueRegion';
import { admitComplaint } from './complaintBounds';

/** The gateway's intake (its sweepers) or a registered regulator: who may ask the ledger to raise or escalate. */
async function requireIntakeOrRegulator(ctx: Context): Promise<Caller> {
  const caller = callerOf(ctx);
  return isIntake(caller) ? caller : requireRegulator(ctx);
}

/**
 * Risk clues (风险线索) and their closed loop: consumer complaints, scan anomalies and every domain's
 * alerts become clues, assigned by region to a regulator unit, verified on site, filed as a case or
 * dismissed, and closed; overdue clues escalate to the unit above.
 */
@Info({ title: 'RiskClues', description: 'Risk clues from consumers, scans and alerts, handled by regulator units in a closed loop' })
export class RiskClueContract extends Contract {
  constructor() {
    super('clues');
  }

  /** Files a consumer complaint (text and category only) as a clue on a scanned item the ledger knows. */
  @Transaction()
  @Returns('string')
  async fileConsumerComplaint(ctx: Context, complaintJson: string): Promise<string> {
    const intake = requireIntake(ctx);
    const complaint = parseOrThrow(ConsumerComplaintSchema, parseJsonArgument(complaintJson, 'complaint'));
    await admitComplaint(ctx, complaint.subjectId);
    const txId = ctx.stub.getTxID();
    const clue = await raiseClue(ctx, { ...complaint, clueId: txId, source: 'consumer', filedBy: describeCaller(intake), txId }, await placeOfSubject(ctx, complaint.subjectId));
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
    if (await recordExists(ctx, clueKey(ctx, subjectId, clueId))) {
      throw conflict('reason' in anomaly ? `scans of ${subjectId} after its sale are already filed` : `a scan anomaly of ${subjectId} in the hour from ${anomaly.windowStart} is already filed`);
    }
    // Scan clues belong where the scans were; a sold unit's, where it was sold from. A copied code
    // wrongs the enterprise whose code it is, so the clue counts against no one.
    const region = 'regions' in anomaly ? regionOfScans(anomaly.regions) : (await placeOfSubject(ctx, subjectId)).regionCode;
    const clue = await raiseClue(ctx, { clueId, subjectId, source: 'scanMonitor', anomaly, filedBy: describeCaller(intake), txId: ctx.stub.getTxID() }, { regionCode: region });
    return JSON.stringify(clue);
  }

  /** Raises the clue of an alert a domain's chaincode raised (`domain` coldchain, drug, elevator or sampling), once. */
  @Transaction()
  @Returns('string')
  async raiseFromAlert(ctx: Context, domain: string, itemId: string, alertId: string): Promise<string> {
    const caller = await requireIntakeOrRegulator(ctx);
    return JSON.stringify(await raiseAlertClue(ctx, caller, domain, itemId, alertId));
  }

  @Transaction()
  @Returns('string')
  async assignClue(ctx: Context, referenceJson: string, assignmentJson: string): Promise<string> {
    const { unitId } = parseOrThrow(ClueAssignmentSchema, parseJsonArgument(assignmentJson, 'assignment'));
    return JSON.stringify(await assignClue(ctx, await this.#clue(ctx, referenceJson), unitId));
  }

  @Transaction()
  @Returns('string')
  async verifyClue(ctx: Context, referenceJson: string, verificationJson: string): Promise<string> {
    const verification = parseOrThrow(ClueVerificationSchema, parseJsonArgument(verificationJson, 'verification'));
    return JSON.stringify(await verifyClue(ctx, await this.#clue(ctx, referenceJson), verification));
  }

  @Transaction()
  @Returns('string')
  async fileCase(ctx: Context, referenceJson: string, filingJson: string): Promise<string> {
    const { caseNumber } = parseOrThrow(CaseFilingSchema, parseJsonArgument(filingJson, 'case'));
    return JSON.stringify(await fileCase(ctx, await this.#clue(ctx, referenceJson), caseNumber));
  }

  @Transaction()
  @Returns('string')
  async decidePenalty(ctx: Context, referenceJson: string, decisionJson: string): Promise<string> {
    const decision = parseOrThrow(PenaltyDecisionSchema, parseJsonArgument(decisionJson, 'penalty'));
    return JSON.stringify(await decidePenalty(ctx, await this.#clue(ctx, referenceJson), decision));
  }

  @Transaction()
  @Returns('string')
  async dismissClue(ctx: Context, referenceJson: string, dismissalJson: string): Promise<string> {
    const { reason } = parseOrThrow(ClueDismissalSchema, parseJsonArgument(dismissalJson, 'dismissal'));
    return JSON.stringify(await dismissClue(ctx, await this.#clue(ctx, referenceJson), reason));
  }

  @Transaction()
  @Returns('string')
  async closeClue(ctx: Context, referenceJson: string): Promise<string> {
    return JSON.stringify(await closeClue(ctx, await this.#clue(ctx, referenceJson)));
  }

  /** Escalates a clue whose deadline has passed by the transaction's time; the gateway's sweeper asks. */
  @Transaction()
  @Returns('string')
  async escalateClue(ctx: Context, referenceJson: string): Promise<string> {
    const caller = await requireIntakeOrRegulator(ctx);
    return JSON.stringify(await escalateClue(ctx, await this.#clue(ctx, referenceJson), describeCaller(caller)));
  }

  async #clue(ctx: Context, referenceJson: string): Promise<RiskClue> {
    const { subjectId, clueId } = parseOrThrow(ClueReferenceSchema, parseJsonArgument(referenceJson, 'clue'));
    return requireClue(ctx, subjectId, clueId);
  }
}
