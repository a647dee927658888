import type { Context } from 'fabric-contract-api';
import {
  clueStateOf,
  conflict,
  forbidden,
  MAX_CLUE_ESCALATIONS,
  MAX_CLUE_STEPS,
  notFound,
  RiskClueEvents,
  type ClueState,
  type ClueStep,
  type RiskClue,
} from '../../../model/src';
import { txTime, txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, readRecord, writeRecord } from '../common/state';
import { clueDeadline, regionChainOf, requireUnit, unitCovering } from '../reference/referenceStore';
import { regulatorScopeOf, requireRegionInScope, type RegulatorScope } from '../reference/regulatorScope';
import { clueKey, deadlineIn } from './clueRaising';

export async function requireClue(ctx: Context, subjectId: string, clueId: string): Promise<RiskClue> {
  const clue = await readRecord<RiskClue>(ctx, clueKey(ctx, subjectId, clueId));
  if (!clue) throw notFound(`no clue ${clueId} on ${subjectId}`);
  return clue;
}

function requireState(clue: RiskClue, allowed: readonly ClueState[], action: string): void {
  const state = clueStateOf(clue);
  if (!allowed.includes(state)) {
    throw conflict(`clue ${clue.clueId} on ${clue.subjectId} is ${state}; it can be ${action} only when ${allowed.join(' or ')}`);
  }
}

/** Records the step, writes the clue and emits it: one event per transaction. */
async function save(ctx: Context, clue: RiskClue, step: Omit<ClueStep, 'at' | 'txId'>): Promise<RiskClue> {
  if ((clue.steps ?? []).length >= MAX_CLUE_STEPS) throw conflict(`clue ${clue.clueId} on ${clue.subjectId} has taken ${MAX_CLUE_STEPS} steps, the most one clue records; close it or file a new one`);
  clue.steps = [...(clue.steps ?? []), { ...step, at: txTimeIso(ctx), txId: ctx.stub.getTxID() }];
  await writeRecord(ctx, clueKey(ctx, clue.subjectId, clue.clueId), clue);
  emitLedgerEvent(ctx, RiskClueEvents.riskClueUpdated, clue);
  return clue;
}

/** A regulator of the unit handling the clue, or one whose regions reach the clue's region. */
async function actingRegulator(ctx: Context, clue: RiskClue, action: string): Promise<RegulatorScope> {
  const scope = await regulatorScopeOf(ctx);
  if (scope.unitId !== undefined && scope.unitId === clue.unitId) return scope;
  await requireRegionInScope(ctx, scope, clue.regionCode, `clue ${clue.clueId} (to be ${action})`);
  return scope;
}

/**
 * Assigns (or reassigns) a clue to a unit. The unit must cover the clue's region; a clue without a
 * region may go to any unit, by the platform admin or a regulator whose scope is the unit's.
 */
export async function assignClue(ctx: Context, clue: RiskClue, unitId: string): Promise<RiskClue> {
  requireState(clue, ['raised', 'assigned'], 'assigned');
  const scope = await regulatorScopeOf(ctx);
  const unit = await requireUnit(ctx, unitId);
  if (clue.regionCode !== undefined) {
    const chain = await regionChainOf(ctx, clue.regionCode);
    const covered = chain.find((code) => unit.regions.includes(code));
    if (covered === undefined) throw forbidden(`unit ${unitId} does not cover region ${clue.regionCode} of clue ${clue.clueId}`);
    clue.coveredRegion = covered;
  }
  if (scope.regions !== 'all' && scope.unitId !== unitId && !(clue.unitId !== undefined && scope.unitId === clue.unitId)) {
    throw forbidden(`only the platform admin, the unit handling the clue or unit ${unitId} itself may assign it there`);
  }
  clue.unitId = unitId;
  clue.status = 'assigned';
  return save(ctx, clue, { action: 'assigned', by: scope.actorId, unitId });
}

/** Records the on-site check: findings, evidence hashes and the inspector (the caller's identity). */
export async function verifyClue(ctx: Context, clue: RiskClue, verification: { findings: string; evidenceHashes: string[] }): Promise<RiskClue> {
  requireState(clue, ['assigned'], 'verified');
  const scope = await actingRegulator(ctx, clue, 'verified');
  clue.verification = { ...verification, inspector: scope.actorId, at: txTimeIso(ctx), txId: ctx.stub.getTxID() };
  clue.status = 'verified';
  return save(ctx, clue, { action: 'verified', by: scope.actorId });
}

export async function fileCase(ctx: Context, clue: RiskClue, caseNumber: string): Promise<RiskClue> {
  requireState(clue, ['verified'], 'filed as a case');
  const scope = await actingRegulator(ctx, clue, 'filed as a case');
  clue.case = { caseNumber, filedAt: txTimeIso(ctx), by: scope.actorId };
  clue.status = 'caseFiled';
  return save(ctx, clue, { action: 'caseFiled', by: scope.actorId });
}

export async function decidePenalty(ctx: Context, clue: RiskClue, penalty: { decision: string; publish: boolean }): Promise<RiskClue> {
  requireState(clue, ['caseFiled'], 'given a penalty decision');
  const scope = await actingRegulator(ctx, clue, 'given a penalty decision');
  if (clue.case?.penalty) throw conflict(`case ${clue.case.caseNumber} already has a penalty decision`);
  clue.case = { ...(clue.case as NonNullable<RiskClue['case']>), penalty: { ...penalty, decidedAt: txTimeIso(ctx), by: scope.actorId } };
  return save(ctx, clue, { action: 'penaltyDecided', by: scope.actorId });
}

export async function dismissClue(ctx: Context, clue: RiskClue, reason: string): Promise<RiskClue> {
  requireState(clue, ['verified'], 'dismissed');
  const scope = await actingRegulator(ctx, clue, 'dismissed');
  clue.dismissal = { reason, at: txTimeIso(ctx), by: scope.actorId };
  clue.status = 'dismissed';
  return save(ctx, clue, { action: 'dismissed', by: scope.actorId });
}

/**
 * Closes a clue: only after verification, and then only once it was dismissed with a reason or its
 * case has a penalty decision, so "closed" always stands on findings.
 */
export async function closeClue(ctx: Context, clue: RiskClue): Promise<RiskClue> {
  const state = clueStateOf(clue);
  if (state === 'raised' || state === 'assigned') {
    throw conflict(`clue ${clue.clueId} on ${clue.subjectId} has no verification findings; verify it on site before closing`);
  }
  requireState(clue, ['dismissed', 'caseFiled'], 'closed');
  if (state === 'caseFiled' && !clue.case?.penalty) throw conflict(`case ${clue.case?.caseNumber ?? ''} has no penalty decision yet; decide it (or dismiss the clue) before closing`);
  const scope = await actingRegulator(ctx, clue, 'closed');
  clue.status = 'closed';
  clue.closedAt = txTimeIso(ctx);
  clue.closedBy = scope.actorId;
  return save(ctx, clue, { action: 'closed', by: scope.actorId });
}

/**
 * Escalates a clue past its deadline by the transaction's time: it goes to the unit covering the
 * region above the one through which it was covered (or stays, at the top), with a new deadline.
 * Anyone may ask — the gateway's sweeper does — because the ledger decides from its own clock.
 */
export async function escalateClue(ctx: Context, clue: RiskClue, askedBy: string): Promise<RiskClue> {
  if (clueStateOf(clue) === 'closed') throw conflict(`clue ${clue.clueId} on ${clue.subjectId} is closed`);
  if (clue.deadline === undefined || Date.parse(clue.deadline) >= txTime(ctx).getTime()) {
    throw conflict(`clue ${clue.clueId} on ${clue.subjectId} is not overdue: its deadline is ${clue.deadline ?? '(none)'}`);
  }
  const escalations = clue.escalations ?? 0;
  if (escalations >= MAX_CLUE_ESCALATIONS) throw conflict(`clue ${clue.clueId} on ${clue.subjectId} was escalated ${escalations} times, the most it takes`);
  if (clue.regionCode !== undefined) {
    const chain = await regionChainOf(ctx, clue.regionCode);
    const above = clue.coveredRegion === undefined ? 0 : chain.indexOf(clue.coveredRegion) + 1;
    const next = await unitCovering(ctx, clue.regionCode, above);
    if (next) {
      clue.unitId = next.unitId;
      clue.coveredRegion = next.coveredRegion;
      if (clueStateOf(clue) === 'raised') clue.status = 'assigned';
    }
  }
  clue.escalations = escalations + 1;
  clue.deadline = deadlineIn(ctx, (await clueDeadline(ctx, clue.severity ?? 'medium')).closeWithinHours);
  return save(ctx, clue, { action: 'escalated', by: askedBy, ...(clue.unitId ? { unitId: clue.unitId } : {}) });
}
