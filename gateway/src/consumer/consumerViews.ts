import type { Logger } from 'pino';
import type { ColdChainLot } from '../../../model/src';
import { cacheKeys, isEnterpriseKey, lotOfKey } from '../projection/cacheKeys';
import type { ColdChainJourney } from '../projection/coldchain';
import type { LedgerModels } from '../projection/models';
import type { ProjectionReadCache } from '../projection/readCache';
import { readLotInputs } from './lotInputs';
import { consumerLotView, findJourney, lotFactsOf, type ConsumerLotView, type LotFacts } from './lotView';
import { loadUnitFacts, type UnitFacts } from './unitView';

/** Facts of a lot change only with the ledger, and the projector drops them when a block touches the lot. */
const UNTIL_INVALIDATED = { ttlMs: Infinity };
/** Lots re-read at once after the projector touched them. */
const REFRESH_CONCURRENCY = 4;

export interface ConsumerViewStatus {
  /** Entries in the projection read cache: lots' consumer facts, units, enterprise names and other reads. */
  cacheEntries: number;
  /** Whether the start-up load from the projection is still running. */
  warming: boolean;
}

/**
 * Every lot's consumer facts in memory, so a scan costs no store read: loaded from the projection at
 * start, re-read in the background as soon as the projector has written a block that touches a lot
 * (new lots included), and bounded by the read cache's size (beyond it, scans read the store). The
 * cache's generations keep a recall from ever being hidden: a lot touched while its facts were being
 * read is read again, and until then the scan reads the store.
 */
export class ConsumerViews {
  /** Views already built from the facts now cached, for the day and the enterprise names they were built with. */
  readonly #views = new WeakMap<LotFacts, { day: string; names: number; view: ConsumerLotView }>();
  /** Counts changes of enterprise names: a view built before the last one is rebuilt. */
  #namesVersion = 0;
  #day = { date: '', until: 0 };
  readonly #refreshing = new Set<string>();
  #refreshWorkers = 0;
  #warming = false;

  /** `written`: the journey as the projector just wrote it, so following the projection costs no store read. */
  constructor(
    private readonly models: LedgerModels,
    private readonly cache: ProjectionReadCache,
    private readonly log: Logger,
    private readonly written: (lotId: string) => ColdChainJourney | undefined = () => undefined,
  ) {
    cache.onInvalidate((keys) => {
      for (const key of keys) {
        const lotId = lotOfKey(key);
        if (lotId !== undefined) this.#refreshing.add(lotId);
        else if (isEnterpriseKey(key)) this.#namesVersion++;
      }
      this.#drainRefreshes();
    });
  }

  /**
   * The consumer view of a lot now, or undefined when nothing is projected under its id. The same
   * view object is returned while the lot's facts, the day and the enterprise names stay the same,
   * so what is rendered from it can be kept with it.
   */
  async lot(lotId: string): Promise<ConsumerLotView | undefined> {
    const facts = this.cache.peek<LotFacts>(cacheKeys.lot(lotId)) ?? (await this.#facts(lotId));
    if (!facts) return undefined;
    const day = this.#today();
    const names = this.#namesVersion;
    const built = this.#views.get(facts);
    if (built && built.day === day && built.names === names) return built.view;
    const view = consumerLotView(facts, await this.#names(facts.enterpriseIds), new Date(`${day}T00:00:00Z`));
    this.#views.set(facts, { day, names, view });
    return view;
  }

  /** Today's date (UTC, as expiry dates are compared), worked out once a day. */
  #today(): string {
    const now = Date.now();
    if (now >= this.#day.until) {
      const date = new Date(now).toISOString().slice(0, 10);
      this.#day = { date, until: Date.parse(`${date}T00:00:00Z`) + 86_400_000 };
    }
    return this.#day.date;
  }

  /**
   * A serialised unit's lot and sale, or undefined when the serial is not commissioned. Kept under
   * `unit:<gtin>|<serial>`, which the projector drops when the unit's sale is projected; an unknown
   * serial is not kept, so a run commissioned a moment later resolves at once.
   */
  unit(gtin: string, serial: string): Promise<UnitFacts | undefined> {
    const key = cacheKeys.unit(gtin, serial);
    return Promise.resolve(this.cache.peek<UnitFacts>(key) ?? this.cache.get(key, () => loadUnitFacts(this.models, gtin, serial, (id) => this.#name(id)), { ...UNTIL_INVALIDATED, keepIf: (unit) => unit !== undefined }));
  }

  /** Every lot's facts kept now, by lot id: what a snapshot holds. */
  keptFacts(): [string, LotFacts][] {
    return [...this.cache.entries<LotFacts>(cacheKeys.lot(''))].map(([key, facts]) => [lotOfKey(key) as string, facts]);
  }

  /** Keeps lots' facts read from a snapshot (until the projection touches them); answers how many were kept. */
  restore(facts: readonly (readonly [string, LotFacts])[]): number {
    const mark = this.cache.mark();
    let kept = 0;
    for (const [lotId, lotFacts] of facts) {
      if (this.cache.prime(cacheKeys.lot(lotId), lotFacts, mark, UNTIL_INVALIDATED)) kept++;
    }
    return kept;
  }

  status(): ConsumerViewStatus {
    return { cacheEntries: this.cache.size, warming: this.#warming };
  }

  /** Loads the facts of every projected lot (up to the cache's size); resolves with how many. */
  async warm(): Promise<number> {
    this.#warming = true;
    const started = Date.now();
    const mark = this.cache.mark();
    let loaded = 0;
    try {
      for await (const journey of this.models.journeys.all()) {
        // A derived lot's facts need its parents' journeys too: read on its first scan, not here, so
        // the start-up load stays one pass over the collection.
        if (!journey.lot || journey.parents.length > 0) continue;
        if (!this.cache.prime(cacheKeys.lot(journey._id), lotFactsOf(journey as ColdChainJourney & { lot: ColdChainLot }), mark, UNTIL_INVALIDATED)) {
          if (this.cache.size >= this.cache.maxEntries) break;
          continue;
        }
        loaded++;
      }
      this.log.info({ lots: loaded, seconds: (Date.now() - started) / 1000 }, 'consumer views loaded from the projection');
    } finally {
      this.#warming = false;
    }
    return loaded;
  }

  /**
   * Reads a lot's facts through the cache; unknown lots are not kept (a scan of random ids must not
   * evict real ones). A derived lot's parents are read with it: what they went through before the
   * derivation no longer changes, so the child's facts need not follow them.
   */
  #facts(lotId: string, written?: ColdChainJourney): Promise<LotFacts | undefined> {
    return this.cache.get(cacheKeys.lot(lotId), async () => {
      const doc = written?.lot ? (written as ColdChainJourney & { lot: ColdChainLot }) : await findJourney(this.models, lotId);
      if (!doc) return undefined;
      const inputs = doc.parents.length > 0 ? await readLotInputs(doc, async (parentId) => this.written(parentId) ?? (await findJourney(this.models, parentId))) : undefined;
      return lotFactsOf(doc, inputs);
    }, { ...UNTIL_INVALIDATED, keepIf: (facts) => facts !== undefined });
  }

  async #names(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of ids) {
      const name = this.cache.peek<string>(cacheKeys.enterprise(id)) ?? (await this.#name(id));
      if (name !== undefined) names.set(id, name);
    }
    return names;
  }

  #name(id: string): Promise<string | undefined> {
    return this.cache.get(cacheKeys.enterprise(id), async () => {
      const found = await this.models.enterprises.findById(id).lean();
      return found ? String(found.record.name) : undefined;
    }, { ...UNTIL_INVALIDATED, keepIf: (name) => name !== undefined });
  }

  /** Re-reads touched lots a few at a time, while there is room in the cache. */
  #drainRefreshes(): void {
    while (this.#refreshWorkers < REFRESH_CONCURRENCY && this.#refreshing.size > 0) {
      this.#refreshWorkers++;
      void (async () => {
        try {
          for (const lotId of this.#refreshing) {
            this.#refreshing.delete(lotId);
            if (this.cache.size >= this.cache.maxEntries) continue;
            await this.#facts(lotId, this.written(lotId));
          }
        } catch (error) {
          this.log.warn({ err: error }, 'consumer view refresh failed; the next scan reads the store');
        } finally {
          this.#refreshWorkers--;
        }
      })();
    }
  }
}
