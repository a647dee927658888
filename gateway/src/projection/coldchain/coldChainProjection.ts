import { ColdChainEvents, type ColdChainLedgerUpdate, type UnitRun, type UnitSale } from '../../../../model/src';
import { bulkReplace, insertOrReplace } from '../../store/bulkReplace';
import { mapParallel } from '../../store/mapParallel';
import { cacheKeys } from '../cacheKeys';
import type { DomainProjection, ProjectedEvent, ProjectionMemory } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { alertDocumentId, appendEnterpriseLists, EnterpriseListEntries } from './enterpriseLists';
import { applyLotChanges, changesByLot, type ColdChainJourney, type LotChanges } from './journey';
import type { ColdChainModels } from './models';
import { projectUnits } from './units';
import { projectionTuning } from '../../config';

/** Journeys kept in memory after the projector wrote them, so the next block's read-modify-write skips the read. */
const JOURNEY_CACHE_ENTRIES = projectionTuning().journeyCacheEntries;
/** Journey reads in flight at once when a block touches lots not in memory. */
const PARALLEL_READS = 32;

/** Told of a transaction that recorded custody: its update and where it is on the ledger. */
export type CustodyListener = (update: ColdChainLedgerUpdate, source: LedgerSource) => Promise<void>;

/**
 * Projects a block's cold-chain updates: one read-modify-write of each touched lot's journey per
 * block (however many transactions touched it), written in bulk; loggers, attachments, anchors and
 * alerts by their ledger identity; what the block adds to each enterprise's lists (enterpriseLists.ts).
 * Every write replaces a whole document derived by idempotent merges, or appends past a list's
 * high-water mark, so replaying a block ends in the same documents.
 */
export class ColdChainProjection implements DomainProjection {
  readonly name = 'coldchain';
  readonly events: readonly string[] = Object.values(ColdChainEvents);
  /** The projector is the only writer of journeys: what it wrote last is what the store holds. */
  readonly #journeys = new Map<string, ColdChainJourney>();
  readonly #custodyListeners: CustodyListener[] = [];
  #custodyEvents = 0;
  #lots = 0;
  readonly memory: ProjectionMemory<ColdChainJourney[]> = {
    reset: () => this.#journeys.clear(),
    // Oldest first, so a restored memory forgets in the same order.
    snapshot: () => [...this.#journeys.values()],
    restore: (journeys) => {
      this.#journeys.clear();
      for (const journey of journeys.slice(-JOURNEY_CACHE_ENTRIES)) this.#journeys.set(journey._id, journey);
    },
    // Only remembered journeys move on: the others are read from the store when next touched.
    replay: (events) => {
      for (const { record, source } of events) {
        for (const [lotId, changes] of changesByLot(record as ColdChainLedgerUpdate)) {
          const journey = this.#journeys.get(lotId);
          if (journey) this.#journeys.set(lotId, applyLotChanges(journey, lotId, changes, source));
        }
      }
    },
  };

  constructor(readonly collections: ColdChainModels) {}

  /** The journey as this projection last wrote it, if it still remembers it (no store read). */
  writtenJourney(lotId: string): ColdChainJourney | undefined {
    return this.#journeys.get(lotId);
  }

  /**
   * Runs `listener` for each projected transaction that recorded custody, after its documents and
   * before the block's checkpoint (the coverage sweeper schedules its checks of those lots).
   */
  onCustodyChanged(listener: CustodyListener): void {
    this.#custodyListeners.push(listener);
  }

  async announce({ record, source }: ProjectedEvent): Promise<void> {
    if (this.#custodyListeners.length === 0) return;
    const update = record as ColdChainLedgerUpdate;
    if (update.custodyEvents.length === 0) return;
    for (const listener of this.#custodyListeners) await listener(update, source);
  }

  counts(): Record<string, number> {
    return { custodyEvents: this.#custodyEvents, lotsCreated: this.#lots };
  }

  /** Each lot the update touches (its facts and its journey) and each unit it sold. */
  touchedKeys(_eventName: string, record: unknown): string[] {
    const r = record as Record<string, unknown>;
    const lotIds = new Set<string>();
    for (const list of ['lots', 'custodyEvents', 'alerts', 'attachments'] as const) {
      for (const item of (r[list] as { id?: string; lotId?: string }[] | undefined) ?? []) {
        const id = item.lotId ?? item.id;
        if (id) lotIds.add(id);
      }
    }
    for (const link of (r.lineage as { parentId: string; childId: string }[] | undefined) ?? []) {
      lotIds.add(link.parentId);
      lotIds.add(link.childId);
    }
    for (const list of ['unitRuns', 'unitSales'] as const) {
      for (const item of (r[list] as { lotId: string }[] | undefined) ?? []) lotIds.add(item.lotId);
    }
    const units = ((r.unitSales as { gtin: string; serial: string }[] | undefined) ?? []).map((sale) => cacheKeys.unit(sale.gtin, sale.serial));
    return [...[...lotIds].flatMap((id) => [cacheKeys.lot(id), cacheKeys.journey(id)]), ...units];
  }

  async project(events: readonly ProjectedEvent[]): Promise<void> {
    const models = this.collections;
    const byLot = new Map<string, { changes: LotChanges; source: LedgerSource }[]>();
    const loggers = new Map<string, { _id: string; record: unknown; source: LedgerSource }>();
    const attachments = new Map<string, { _id: string; record: unknown; source: LedgerSource }>();
    const anchors = new Map<string, { _id: string; record: unknown; source: LedgerSource }>();
    const alerts = new Map<string, { _id: string; record: unknown; source: LedgerSource }>();
    const lists = new EnterpriseListEntries();
    const unitRuns: { run: UnitRun; source: LedgerSource }[] = [];
    const unitSales: { sale: UnitSale; source: LedgerSource }[] = [];
    let custodyEvents = 0;
    let lots = 0;
    for (const { record, source } of events) {
      const update = record as ColdChainLedgerUpdate;
      for (const [lotId, changes] of changesByLot(update)) {
        const list = byLot.get(lotId) ?? [];
        list.push({ changes, source });
        byLot.set(lotId, list);
      }
      for (const logger of update.loggers) loggers.set(logger.loggerId, { _id: logger.loggerId, record: logger, source });
      for (const a of update.attachments) attachments.set(`${a.loggerId}|${a.lotId}`, { _id: `${a.loggerId}|${a.lotId}`, record: a, source });
      for (const run of update.unitRuns ?? []) unitRuns.push({ run, source });
      for (const sale of update.unitSales ?? []) unitSales.push({ sale, source });
      for (const a of update.anchors) anchors.set(`${a.loggerId}|${a.windowStart}|${a.windowEnd}`, { _id: `${a.loggerId}|${a.windowStart}|${a.windowEnd}`, record: a, source });
      for (const alert of update.alerts) alerts.set(alertDocumentId(alert), { _id: alertDocumentId(alert), record: alert, source });
      lists.noteLoggers(update.loggers, source);
      lists.noteUnitRuns(update.unitRuns ?? [], source);
      // Events this transaction recorded; a receipt also reports the shipment it confirms.
      custodyEvents += update.custodyEvents.filter((event) => event.txId === source.txId).length;
      lots += update.lots.filter((lot) => lot.createdTxId === source.txId).length;
    }
    const lotIds = [...byLot.keys()];
    const before = await mapParallel(lotIds, PARALLEL_READS, async (lotId) => this.#journeys.get(lotId) ?? ((await models.journeys.findById(lotId).lean()) as ColdChainJourney | null) ?? undefined);
    const journeys: ColdChainJourney[] = [];
    lotIds.forEach((lotId, i) => {
      let journey = before[i];
      for (const { changes, source } of byLot.get(lotId) ?? []) {
        const next = applyLotChanges(journey, lotId, changes, source);
        lists.noteLotChange(journey, next, changes.alerts, source);
        journey = next;
      }
      if (journey) journeys.push(journey);
    });
    // Lists before journeys: see appendEnterpriseLists.
    await appendEnterpriseLists(models, lists);
    // One bulk call at a time (see bulkReplace).
    const stored = new Set(before.filter((journey) => journey !== undefined).map((journey) => journey._id));
    await insertOrReplace(
      models.journeys,
      journeys.filter((journey) => !stored.has(journey._id)),
      journeys.filter((journey) => stored.has(journey._id)),
    );
    await bulkReplace(models.loggers, [...loggers.values()]);
    await bulkReplace(models.loggerAttachments, [...attachments.values()]);
    await bulkReplace(models.readingAnchors, [...anchors.values()]);
    await bulkReplace(models.alerts, [...alerts.values()]);
    await projectUnits(models, unitRuns, unitSales);
    for (const journey of journeys) {
      this.#journeys.delete(journey._id);
      this.#journeys.set(journey._id, journey);
    }
    this.#custodyEvents += custodyEvents;
    this.#lots += lots;
    while (this.#journeys.size > JOURNEY_CACHE_ENTRIES) this.#journeys.delete(this.#journeys.keys().next().value as string);
  }
}
