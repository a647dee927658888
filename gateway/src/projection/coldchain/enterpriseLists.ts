import type { Model } from 'mongoose';
import type { ColdChainLot, RiskAlert, TemperatureLogger, UnitRun } from '../../../../model/src';
import { mapParallel } from '../../store/mapParallel';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList, type ListPage } from '../pagedList';
import type { ColdChainJourney } from './journey';
import type { ColdChainCollections } from './models';
import { projectionTuning } from '../../config';

/**
 * "My lots, alerts, loggers, unit runs": one paged list per enterprise and kind, head `_id` = the
 * enterprise's credit code, so an enterprise's page is one or two `_id` reads at any volume instead
 * of a scan of every journey for a nested owner field (FerretDB indexes only `_id`).
 *
 * Lists only grow: an item joins once, when the enterprise first comes to it, and stays. What it is
 * now (the lot's state, the enterprise's relation to it, the alert's status) is read from the item's
 * own document when a page is answered, so a filtered page may hold fewer items than the page size.
 */

/** Items per page of an enterprise's lists (TRACELEDGER_ENTERPRISE_PAGE_ITEMS; the test network keeps a few). */
export const ENTERPRISE_LIST_PAGE_ITEMS = projectionTuning().enterpriseListPageItems;

/** Lists written at once when a block touches many enterprises. */
const PARALLEL_LISTS = 8;

/** How an enterprise stands to a lot now: answerable for it, holding it, or the receiver of its shipment. */
export type LotRelation = 'owner' | 'custodian' | 'consignee';

export function relationsOf(lot: ColdChainLot, enterpriseId: string): LotRelation[] {
  const relations: LotRelation[] = [];
  if (lot.ownerId === enterpriseId) relations.push('owner');
  if (lot.custodianId === enterpriseId) relations.push('custodian');
  if (lot.shipment?.to === enterpriseId) relations.push('consignee');
  return relations;
}

/** The state a lot is listed under: a hold before anything else (a held lot cannot move), else its status. */
export const LotStates = ['inStock', 'inTransit', 'depleted', 'held'] as const;
export type LotState = (typeof LotStates)[number];

export const lotStateOf = (lot: Pick<ColdChainLot, 'status' | 'hold'>): LotState => (lot.hold ? 'held' : lot.status);

/** Every enterprise the lot has come to: owner, custodian, consignee of its shipment, any holder in its log. */
function enterprisesOf(journey: ColdChainJourney | undefined): Set<string> {
  const ids = new Set(journey?.holders ?? []);
  const lot = journey?.lot;
  if (lot) {
    ids.add(lot.ownerId);
    ids.add(lot.custodianId);
    if (lot.shipment) ids.add(lot.shipment.to);
  }
  return ids;
}

/** The enterprises one transaction brought to the lot: the lot is new in their lists. */
export function newlyRelated(before: ColdChainJourney | undefined, after: ColdChainJourney): string[] {
  const had = enterprisesOf(before);
  return [...enterprisesOf(after)].filter((id) => !had.has(id));
}

/** The enterprises an alert concerns: the lot's owner and its custodian as the raising transaction left them. */
export const concernedBy = (lot: Pick<ColdChainLot, 'ownerId' | 'custodianId'>): string[] => [...new Set([lot.ownerId, lot.custodianId])];

/** The projected document id of an alert (`ledger_coldchain_alerts`): alert ids are unique per lot only. */
export const alertDocumentId = (alert: Pick<RiskAlert, 'lotId' | 'alertId'>): string => `${alert.lotId}|${alert.alertId}`;

type Entries<T> = Map<string, { item: T; source: LedgerSource }[]>;

function add<T>(entries: Entries<T>, enterpriseId: string, item: T, source: LedgerSource): void {
  const list = entries.get(enterpriseId) ?? [];
  list.push({ item, source });
  entries.set(enterpriseId, list);
}

/** What one block adds to enterprises' lists, noted while its transactions are applied. */
export class EnterpriseListEntries {
  readonly lots: Entries<string> = new Map();
  readonly alerts: Entries<string> = new Map();
  readonly loggers: Entries<string> = new Map();
  readonly unitRuns: Entries<UnitRun> = new Map();

  /** One transaction's change of one lot: the enterprises it brought in list the lot, the concerned ones list the alerts it raised. */
  noteLotChange(before: ColdChainJourney | undefined, after: ColdChainJourney, alerts: readonly RiskAlert[], source: LedgerSource): void {
    for (const enterpriseId of newlyRelated(before, after)) add(this.lots, enterpriseId, after._id, source);
    if (!after.lot) return;
    for (const alert of alerts) {
      // Only the raising transaction lists an alert: an acknowledgement reports the same alert again.
      if (alert.status !== 'open' || alert.txId !== source.txId) continue;
      for (const enterpriseId of concernedBy(after.lot)) add(this.alerts, enterpriseId, alertDocumentId(alert), source);
    }
  }

  /** Loggers reported by the transaction that registered them. */
  noteLoggers(loggers: readonly TemperatureLogger[], source: LedgerSource): void {
    for (const logger of loggers) {
      if (logger.txId === source.txId) add(this.loggers, logger.ownerId, logger.loggerId, source);
    }
  }

  noteUnitRuns(runs: readonly UnitRun[], source: LedgerSource): void {
    for (const run of runs) {
      if (run.txId === source.txId) add(this.unitRuns, run.commissionedBy, run, source);
    }
  }
}

/**
 * Ledger order, and within one transaction by the item's id: the order in which a group of blocks
 * meets a transaction's lots depends on the group, and a rebuild must list them as the live projection did.
 */
const inLedgerOrder = <T>(entries: readonly { item: T; source: LedgerSource }[]): { item: T; source: LedgerSource }[] =>
  [...entries].sort(
    (a, b) =>
      a.source.blockNumber - b.source.blockNumber ||
      a.source.txIndex - b.source.txIndex ||
      (typeof a.item === 'string' && typeof b.item === 'string' ? (a.item < b.item ? -1 : a.item > b.item ? 1 : 0) : 0),
  );

async function appendAll<T>(model: Model<ListPage<T>>, entries: Entries<T>): Promise<void> {
  await mapParallel([...entries.keys()], PARALLEL_LISTS, (enterpriseId) => appendToPagedList(model, enterpriseId, inLedgerOrder(entries.get(enterpriseId) ?? []), ENTERPRISE_LIST_PAGE_ITEMS));
}

/**
 * Appends a block's entries. Must run before the block's journeys are written: a replay after a crash
 * between the two finds the old journeys, notes the same entries, and the lists' high-water marks
 * skip them; written after, a replay would find nothing new and the lists would miss the lots.
 */
export async function appendEnterpriseLists(models: ColdChainCollections, entries: EnterpriseListEntries): Promise<void> {
  await appendAll(models.enterpriseLots, entries.lots);
  await appendAll(models.enterpriseAlerts, entries.alerts);
  await appendAll(models.enterpriseLoggers, entries.loggers);
  await appendAll(models.enterpriseUnitRuns, entries.unitRuns);
}
