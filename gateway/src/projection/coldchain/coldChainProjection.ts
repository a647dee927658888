import { ColdChainEvents, type ColdChainLedgerUpdate, type UnitRun, type UnitSale } from '../../../../model/src';
import { bulkReplace } from '../../store/bulkReplace';
import { cacheKeys } from '../cacheKeys';
import type { DomainProjection, IdleWork, ProjectedEvent, ProjectionMemory } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { alertDocumentId, appendEnterpriseLists, EnterpriseListEntries } from './enterpriseLists';
import { appendEventRows, EventRowEntries } from './eventRows';
import { applyLotChanges, changesByLot, type ColdChainJourney, type LotChanges } from './journey';
import type { JourneyStore, StoredJourney } from './journeyStore';
import type { ColdChainCollections, ColdChainModels } from './models';
import { projectUnits } from './units';
import { projectionTuning } from '../../config';

/** Journeys kept in memory after the projector wrote them, so the next block's read-modify-write skips the read. */
const JOURNEY_CACHE_ENTRIES = projectionTuning().journeyCacheEntries;
/** Journey reads in flight at once when a block touches lots not in memory. */
const PARALLEL_READS = 32;

/** Told of a transaction that recorded custody: its update and where it is on the ledger. */
export type CustodyListener = (update: ColdChainLedgerUpdate, source: LedgerSource) => Promise<void>;

/**
 * Projects a group's cold-chain updates: one new version of each touched lot's journey per group
 * (however many transactions touched it), appended in bulk (journeyStore.ts); loggers, attachments,
 * anchors and alerts by their ledger identity; what the group adds to each enterprise's lists
 * (enterpriseLists.ts). Journeys are derived by idempotent merges and other writes replace whole
 * documents or append past a list's high-water mark, so replaying a group ends in the same content.
 */
export class ColdChainProjection implements DomainProjection {
  readonly name = 'coldchain';
  readonly events: readonly string[] = Object.values(ColdChainEvents);
  /** The projector is the only writer of journeys: what it wrote last is what the store holds. */
  readonly #journeys = new Map<string, StoredJourney>();
  readonly #custodyListeners: CustodyListener[] = [];
  #custodyEvents = 0;
  #lots = 0;
  readonly #phasesMs = { read: 0, lists: 0, journeys: 0, others: 0 };
  readonly memory: ProjectionMemory<StoredJourney[]> = {
    reset: () => this.#journeys.clear(),
    // Oldest first, so a restored memory forgets in the same order.
    snapshot: () => [...this.#journeys.values()],
    restore: (journeys) => {
      this.#journeys.clear();
      for (const journey of journeys.slice(-JOURNEY_CACHE_ENTRIES)) this.#journeys.set(journey._id, journey);
    },
    // A journey the store holds a later version of is forgotten, not moved on: its version number is
    // the projector's that wrote it, which replaying cannot know. It is read again when next touched.
    replay: (events) => {
      for (const { record } of events) {
        for (const lotId of changesByLot(record as ColdChainLedgerUpdate).keys()) this.#journeys.delete(lotId);
      }
    },
  };

  /** Between groups, when no block waits: journeys' versions compacted into their bases (journeyStore.ts). */
  readonly idleWork: IdleWork = {
    pending: () => this.#store.compactionPending,
    step: () => this.#store.compactStep((lotId) => this.#journeys.get(lotId)),
  };

  readonly collections: ColdChainCollections;
  readonly #store: JourneyStore;

  constructor(models: ColdChainModels) {
    const { journeys, ...collections } = models;
    this.collections = collections;
    this.#store = journeys;
  }

  /** The journey as this projection last wrote it, if it still remembers it (no store read). */
  writtenJourney(lotId: string): StoredJourney | undefined {
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

  /** Custody events and lots created; and seconds spent reading journeys, appending them, on enterprise lists and on the other collections. */
  counts(): Record<string, number> {
    const seconds = Object.fromEntries(Object.entries(this.#phasesMs).map(([phase, ms]) => [`${phase}Seconds`, ms / 1000]));
    return { custodyEvents: this.#custodyEvents, lotsCreated: this.#lots, ...seconds };
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
    const rows = new EventRowEntries();
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
    const started = performance.now();
    const lotIds = [...byLot.keys()];
    const remembered = lotIds.map((lotId) => this.#journeys.get(lotId));
    const unknown = lotIds.filter((_, i) => remembered[i] === undefined);
    const stored = new Map((await this.#store.readMany(unknown, PARALLEL_READS)).map((journey, i) => [unknown[i], journey]));
    const changed: { journey: ColdChainJourney; previous: StoredJourney | undefined }[] = [];
    lotIds.forEach((lotId, i) => {
      const previous = remembered[i] ?? stored.get(lotId);
      let journey: ColdChainJourney | undefined = previous;
      for (const { changes, source } of byLot.get(lotId) ?? []) {
        const next = applyLotChanges(journey, lotId, changes, source);
        lists.noteLotChange(journey, next, changes.alerts, source);
        rows.note(journey, next, changes, source);
        journey = next;
      }
      if (journey) changed.push({ journey, previous });
    });
    const read = performance.now();
    // Lists before journeys: see appendEnterpriseLists. One bulk call at a time (see bulkReplace).
    await appendEnterpriseLists(models, lists);
    await appendEventRows(models, rows);
    const listed = performance.now();
    const written = await this.#store.write(changed);
    const appended = performance.now();
    await bulkReplace(models.loggers, [...loggers.values()]);
    await bulkReplace(models.loggerAttachments, [...attachments.values()]);
    await bulkReplace(models.readingAnchors, [...anchors.values()]);
    await bulkReplace(models.alerts, [...alerts.values()]);
    await projectUnits(models, unitRuns, unitSales);
    this.#phasesMs.read += read - started;
    this.#phasesMs.lists += listed - read;
    this.#phasesMs.journeys += appended - listed;
    this.#phasesMs.others += performance.now() - appended;
    for (const journey of written) {
      this.#journeys.delete(journey._id);
      this.#journeys.set(journey._id, journey);
    }
    this.#custodyEvents += custodyEvents;
    this.#lots += lots;
    while (this.#journeys.size > JOURNEY_CACHE_ENTRIES) this.#journeys.delete(this.#journeys.keys().next().value as string);
  }
}
