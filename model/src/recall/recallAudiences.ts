import type { Audience } from '../audience';
import type { Recall, RecallHolder } from './recall';

/** What the public sees of a recall: why, how grave, what goods, and how far it is. */
export interface PublicRecall {
  recallId: string;
  reason: string;
  domain: Recall['domain'];
  level: Recall['level'];
  scopeItems: string[];
  state: Recall['state'];
  openedAt: string;
  closedAt?: string;
}

/** A holder entry as a reader who may not see its quantities sees it: who, and how far they are. */
export interface HolderProgress {
  enterpriseId: string;
  acknowledgedAt?: string;
  late?: boolean;
  overdueSince?: string;
  reportedAt?: string;
}

export type RecallView =
  | { audience: 'public'; recall: PublicRecall }
  | { audience: 'party' | 'regulator'; recall: Recall; holders: (RecallHolder | HolderProgress)[] };

export const publicRecallOf = (recall: Recall): PublicRecall => ({
  recallId: recall.recallId,
  reason: recall.reason,
  domain: recall.domain,
  level: recall.level,
  scopeItems: recall.scopeItems,
  state: recall.state,
  openedAt: recall.openedAt,
  ...(recall.closedAt ? { closedAt: recall.closedAt } : {}),
});

const progressOf = (holder: RecallHolder): HolderProgress => ({
  enterpriseId: holder.enterpriseId,
  ...(holder.acknowledgedAt ? { acknowledgedAt: holder.acknowledgedAt } : {}),
  ...(holder.late ? { late: true } : {}),
  ...(holder.overdueSince ? { overdueSince: holder.overdueSince } : {}),
  ...(holder.reportedAt ? { reportedAt: holder.reportedAt } : {}),
});

/** The enterprises a recall concerns: its responsible enterprise and every affected holder. */
export const recallParties = (recall: Recall, holders: readonly RecallHolder[]): string[] => [recall.responsibleId, ...holders.map((holder) => holder.enterpriseId)];

/**
 * A recall as one reader sees it. Regulators see every holder whole. The responsible enterprise sees
 * every holder's progress, and the items and quantities of its direct consignees (holders of lots it
 * owned, or of its batches); of holders further down only that they acknowledged and reported. A
 * holder sees its own entry whole and no one else's. Anyone else sees the public view.
 */
export function recallAsSeenBy(recall: Recall, holders: readonly RecallHolder[], audience: Audience, enterpriseId: string | undefined): RecallView {
  if (audience === 'regulator') return { audience, recall, holders: [...holders] };
  if (audience === 'party' && enterpriseId !== undefined) {
    if (enterpriseId === recall.responsibleId) {
      return { audience, recall, holders: holders.map((holder) => (holder.directConsignee || holder.enterpriseId === enterpriseId ? holder : progressOf(holder))) };
    }
    const own = holders.filter((holder) => holder.enterpriseId === enterpriseId);
    if (own.length > 0) return { audience, recall, holders: own };
  }
  return { audience: 'public', recall: publicRecallOf(recall) };
}
