import { clueKindOf, clueStateOf, type RiskClue } from '../../../../model/src';
import { bulkReplace } from '../../store/bulkReplace';
import type { ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import type { ClueCounts, ClueModels } from './models';
import { byIds } from '../../store/byIds';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The month a clue was raised in, Asia/Shanghai: periods are the regulators' calendar months. */
export const clueMonth = (filedAt: string): string => new Date(Date.parse(filedAt) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);

const after = (a: LedgerSource, b: LedgerSource | undefined): boolean => b === undefined || a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.txIndex > b.txIndex);
/** A clue that missed a deadline (escalated at least once) and is not closed: what `overdue` counts. */
export const isOverdueClue = (clue: RiskClue | undefined): boolean => clue !== undefined && (clue.escalations ?? 0) > 0 && clueStateOf(clue) !== 'closed';

/** The counter documents a clue counts in: its region and those above it (`regions`), and `all`, each for its month and for all time. */
export const countIds = (clue: RiskClue, regions: readonly string[]): string[] =>
  [...regions, 'all'].flatMap((region) => [`${region}|${clueMonth(clue.filedAt)}`, `${region}|all`]);

/** The counters of the clues concerning an enterprise, all time: its credit grade reads them. */
export const enterpriseClueCountId = (enterpriseId: string): string => `enterprise:${enterpriseId}`;

/** How one event changes a clue's counters, from the clue before (undefined when just raised) to after. */
export function countChange(before: RiskClue | undefined, after: RiskClue): (counts: ClueCounts) => void {
  return (counts) => {
    if (!before) {
      counts.raised += 1;
      if (after.source === 'consumer') counts.complaints = (counts.complaints ?? 0) + 1;
      const kind = clueKindOf(after);
      counts.kinds = { ...counts.kinds, [kind]: (counts.kinds?.[kind] ?? 0) + 1 };
    }
    else counts.states[clueStateOf(before)] = (counts.states[clueStateOf(before)] ?? 0) - 1;
    counts.states[clueStateOf(after)] = (counts.states[clueStateOf(after)] ?? 0) + 1;
    if (clueStateOf(after) === 'closed' && (!before || clueStateOf(before) !== 'closed')) counts.closed += 1;
    counts.escalations += (after.escalations ?? 0) - (before?.escalations ?? 0);
    counts.overdue += Number(isOverdueClue(after)) - Number(isOverdueClue(before));
  };
}

/**
 * Applies counter changes, each document once per ledger position (its high-water mark), so a block
 * projected again after a crash counts nothing twice.
 */
export async function applyCounts(models: Pick<ClueModels, 'riskClueCounts'>, changes: readonly { id: string; source: ProjectedEvent['source']; change: (counts: ClueCounts) => void }[]): Promise<void> {
  const byId = new Map<string, typeof changes[number][]>();
  for (const change of changes) {
    const list = byId.get(change.id);
    if (list) list.push(change);
    else byId.set(change.id, [change]);
  }
  const stored = new Map(((await byIds(models.riskClueCounts, [...byId.keys()])) as unknown as ClueCounts[]).map((doc) => [doc._id, doc]));
  const written: ClueCounts[] = [];
  for (const [id, list] of byId) {
    const counts: ClueCounts = stored.get(id) ?? { _id: id, raised: 0, closed: 0, overdue: 0, escalations: 0, states: {} };
    const mark = counts.highWater;
    let changed = false;
    for (const { source, change } of list) {
      if (!after(source, mark)) continue;
      change(counts);
      counts.highWater = source;
      counts.source = source;
      changed = true;
    }
    if (changed) written.push(counts);
  }
  await bulkReplace(models.riskClueCounts, written);
}
