import type { Context } from 'fabric-contract-api';
import { clueSeverity, RiskClueEvents, type RiskClue } from '../../../model/src';
import { KeyTypes, ledgerKey } from '../common/keys';
import { txTime, txTimeIso } from '../common/ledgerTime';
import { emitLedgerEvent, writeRecord } from '../common/state';
import { clueDeadline, regionChainOf, unitCovering } from '../reference/referenceStore';
import type { SubjectPlace } from './clueRegion';

const HOUR_MS = 3_600_000;

export const clueKey = (ctx: Context, subjectId: string, clueId: string): string => ledgerKey(ctx, KeyTypes.riskClue, subjectId, clueId);

/** The deadline `hours` from the transaction's time. */
export const deadlineIn = (ctx: Context, hours: number): string => new Date(txTime(ctx).getTime() + Math.round(hours * HOUR_MS)).toISOString();

/**
 * Raises a clue: its severity from what it is, its region and the enterprise it concerns (when the
 * ledger can tell), with the region's chain as the table stands now (where the clue is listed), assigned in
 * the same transaction to the unit that covers that region (the district's, else the city's, else the
 * province's), with the deadline its severity gives. A clue no unit covers stays raised until a
 * regulator assigns it.
 */
export async function raiseClue(ctx: Context, filed: Omit<RiskClue, 'status' | 'severity' | 'steps' | 'escalations' | 'deadline' | 'filedAt' | 'regionCode' | 'regionChain' | 'enterpriseId'>, { regionCode, enterpriseId }: SubjectPlace): Promise<RiskClue> {
  const severity = clueSeverity(filed);
  const { closeWithinHours } = await clueDeadline(ctx, severity);
  const covering = regionCode === undefined ? undefined : await unitCovering(ctx, regionCode);
  const at = txTimeIso(ctx);
  const txId = ctx.stub.getTxID();
  const clue: RiskClue = {
    ...filed,
    filedAt: at,
    status: covering ? 'assigned' : 'raised',
    severity,
    ...(regionCode ? { regionCode, regionChain: await regionChainOf(ctx, regionCode) } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(covering ? { unitId: covering.unitId, coveredRegion: covering.coveredRegion } : {}),
    deadline: deadlineIn(ctx, closeWithinHours),
    escalations: 0,
    steps: [
      { action: 'raised', at, by: filed.filedBy, txId },
      ...(covering ? [{ action: 'assigned' as const, at, by: 'ledger', txId, unitId: covering.unitId }] : []),
    ],
  };
  await writeRecord(ctx, clueKey(ctx, clue.subjectId, clue.clueId), clue);
  emitLedgerEvent(ctx, RiskClueEvents.riskClueFiled, clue);
  return clue;
}
