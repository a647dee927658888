import type { ColdChainLedgerUpdate, ColdChainLot, CustodyRecord, LineageLink, LoggerAttachment, RiskAlert } from '../../../../model/src';
import type { LedgerSource } from '../ledgerModel';

/**
 * Everything the journey route, the consumer page and trace walks need about one lot, in one
 * document keyed by the lot id (`ledger_coldchain_journeys`): FerretDB answers only `{_id}` filters
 * without decoding the whole collection, so a lot's reads are one keyed lookup at any volume.
 */
export interface ColdChainJourney {
  _id: string;
  /** Latest lot state; null only while an alert arrived before the lot (never in block order). */
  lot: ColdChainLot | null;
  /** The custody log in log order. */
  custody: CustodyRecord[];
  alerts: RiskAlert[];
  /** Links where this lot is the child / the parent. */
  parents: LineageLink[];
  children: LineageLink[];
  loggers: LoggerAttachment[];
  /** Reading anchors (`<loggerId>|<windowStart>|<windowEnd>`) whose transactions touched this lot. */
  anchors: string[];
  /** Enterprises that recorded custody of the lot, first appearance first. */
  holders: string[];
  /** The last transaction that changed the document. */
  source: LedgerSource;
  /**
   * The transaction that wrote `lot`: a lot handed over late (a recall's hold, projected after the cold
   * chain's events of the same group) replaces an older lot even when a later event touched the journey
   * without the lot; the journey's `source` alone cannot tell.
   */
  lotSource?: LedgerSource;
}

/** What one transaction's update says about one lot: the journey's lists, and the lot if it changed. */
export type LotChanges = Pick<ColdChainJourney, 'custody' | 'alerts' | 'parents' | 'children' | 'loggers' | 'anchors'> & { lot?: ColdChainLot };

const emptyChanges = (): LotChanges => ({ custody: [], alerts: [], parents: [], children: [], loggers: [], anchors: [] });

/** Splits one transaction's update into the changes of each lot it touches. */
export function changesByLot(update: ColdChainLedgerUpdate): Map<string, LotChanges> {
  const byLot = new Map<string, LotChanges>();
  const of = (lotId: string): LotChanges => {
    let changes = byLot.get(lotId);
    if (!changes) {
      changes = emptyChanges();
      byLot.set(lotId, changes);
    }
    return changes;
  };
  for (const lot of update.lots) of(lot.id).lot = lot;
  for (const event of update.custodyEvents) of(event.lotId).custody.push(event);
  for (const alert of update.alerts) of(alert.lotId).alerts.push(alert);
  for (const link of update.lineage) {
    of(link.childId).parents.push(link);
    of(link.parentId).children.push(link);
  }
  for (const attachment of update.attachments) of(attachment.lotId).loggers.push(attachment);
  const anchorIds = update.anchors.map((a) => `${a.loggerId}|${a.windowStart}|${a.windowEnd}`);
  if (anchorIds.length > 0) {
    for (const changes of byLot.values()) changes.anchors.push(...anchorIds);
  }
  return byLot;
}

const linkKey = (link: LineageLink): string => `${link.parentId}>${link.childId}|${link.eventId}`;

/**
 * Links merged by key, a corrected link (`ColdChainLineageCorrected` carries it whole) replacing the
 * link as first written; a replay of the derivation's block afterwards does not undo the correction.
 */
function mergeLinks(existing: readonly LineageLink[], items: readonly LineageLink[]): LineageLink[] {
  if (items.length === 0) return existing as LineageLink[];
  const merged = new Map(existing.map((link) => [linkKey(link), link]));
  for (const link of items) {
    const current = merged.get(linkKey(link));
    if (current?.correctionTxId !== undefined && link.correctionTxId === undefined) continue;
    merged.set(linkKey(link), link);
  }
  return [...merged.values()];
}

/** Merges `items` into `existing` by key, later ones replacing earlier ones, in key-stable order. */
function mergeBy<T>(existing: readonly T[], items: readonly T[], key: (item: T) => string): T[] {
  if (items.length === 0) return existing as T[];
  const merged = new Map(existing.map((item) => [key(item), item]));
  for (const item of items) merged.set(key(item), item);
  return [...merged.values()];
}

/**
 * Lists of a journey that no ledger cap bounds (a lot stored for a year under hourly anchors): the
 * journey keeps the newest entries so the document stays far below 1 MB; the ledger keeps all of them
 * (`coldchain:getAlerts`, a logger's anchors in `ledger_coldchain_reading_anchors`).
 */
export const JOURNEY_LIMITS = { alerts: 500, anchors: 1000, loggers: 200 } as const;
const newest = <T>(items: T[], limit: number): T[] => (items.length > limit ? items.slice(items.length - limit) : items);

/**
 * The alert records of a transaction that may replace the journey's: not the raised form of an alert
 * the journey already holds acknowledged (an older block replayed), since an acknowledgement is only
 * ever followed by itself.
 */
function alertUpdates(existing: readonly RiskAlert[], items: readonly RiskAlert[]): RiskAlert[] {
  const acknowledged = new Set(existing.filter((a) => a.status === 'acknowledged').map((a) => a.alertId));
  return items.filter((a) => a.status === 'acknowledged' || !acknowledged.has(a.alertId));
}

/** Whether `a` was written later on the ledger than `b`. */
const laterThan = (a: LedgerSource, b: LedgerSource): boolean => a.blockNumber !== b.blockNumber ? a.blockNumber > b.blockNumber : a.txIndex >= b.txIndex;

/**
 * The journey after one transaction's changes. Every part is merged by its ledger identity (custody
 * by event id, alerts by alert id (an acknowledged record replacing the raised one), links by parent/child/event, a corrected link winning, attachments by logger), so applying
 * the same transaction again yields the same document: replays change nothing.
 */
export function applyLotChanges(journey: ColdChainJourney | undefined, lotId: string, changes: LotChanges, source: LedgerSource): ColdChainJourney {
  const base: ColdChainJourney = journey ?? { _id: lotId, lot: null, custody: [], alerts: [], parents: [], children: [], loggers: [], anchors: [], holders: [], source };
  const newer = journey === undefined || laterThan(source, journey.source);
  const lotMark = base.lotSource ?? journey?.source;
  const lotNewer = changes.lot !== undefined && (base.lot === null || lotMark === undefined || laterThan(source, lotMark));
  const custody = mergeBy(base.custody, changes.custody, (e) => e.eventId).sort((a, b) => a.sequence - b.sequence);
  return {
    _id: lotId,
    lot: lotNewer && changes.lot ? changes.lot : base.lot,
    custody,
    alerts: newest(mergeBy(base.alerts, alertUpdates(base.alerts, changes.alerts), (a) => a.alertId), JOURNEY_LIMITS.alerts),
    parents: mergeLinks(base.parents, changes.parents),
    children: mergeLinks(base.children, changes.children),
    loggers: newest(mergeBy(base.loggers, changes.loggers, (l) => l.loggerId), JOURNEY_LIMITS.loggers),
    anchors: newest([...new Set([...base.anchors, ...changes.anchors])], JOURNEY_LIMITS.anchors),
    holders: [...new Set(custody.map((e) => e.enterpriseId))],
    source: newer ? source : base.source,
    ...(lotNewer ? { lotSource: source } : base.lotSource ? { lotSource: base.lotSource } : {}),
  };
}
