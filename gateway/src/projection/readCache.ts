/**
 * A small read-through cache of projection reads, invalidated by the projector as it writes: a key
 * is dropped as soon as a block touching it is projected, and a read that raced that write is not
 * kept (each key has a generation), so a committed recall is never hidden by the cache. Bounded:
 * the least recently used entries go first.
 */
export class ProjectionReadCache {
  readonly #entries = new Map<string, { value: unknown; at: number }>();
  readonly #generations = new Map<string, number>();
  /** Loads under way: concurrent misses of one key share one read instead of each scanning the store. */
  readonly #inflight = new Map<string, { generation: number; promise: Promise<unknown> }>();

  /** `ttlMs` bounds how long a time-dependent view (an expiry banner) can lag the clock. */
  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 60_000,
  ) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && Date.now() - entry.at < this.ttlMs) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value as T;
    }
    const generation = this.#generations.get(key) ?? 0;
    const running = this.#inflight.get(key);
    if (running && running.generation === generation) {
      return running.promise as Promise<T>;
    }
    const promise = load();
    this.#inflight.set(key, { generation, promise });
    let value: T;
    try {
      value = await promise;
    } finally {
      if (this.#inflight.get(key)?.promise === promise) this.#inflight.delete(key);
    }
    if ((this.#generations.get(key) ?? 0) === generation) {
      this.#entries.set(key, { value, at: Date.now() });
      if (this.#entries.size > this.maxEntries) {
        this.#entries.delete(this.#entries.keys().next().value as string);
      }
    }
    return value;
  }

  invalidateAll(): void {
    this.invalidate([...this.#entries.keys()]);
  }

  invalidate(keys: Iterable<string>): void {
    for (const key of keys) {
      this.#entries.delete(key);
      this.#generations.set(key, (this.#generations.get(key) ?? 0) + 1);
    }
  }
}

/** Cache keys of what one chaincode event touches, so the projector can invalidate them. */
export function touchedKeys(eventName: string, record: unknown): string[] {
  const r = record as Record<string, unknown>;
  if (eventName === 'TraceEventRecorded') return [`subject:${String(r.subjectId)}`];
  if (eventName.startsWith('Enterprise')) return [`enterprise:${String(r.id)}`];
  if (eventName.startsWith('ColdChain')) {
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
    const units = ((r.unitSales as { gtin: string; serial: string }[] | undefined) ?? []).map((sale) => `unit:${sale.gtin}|${sale.serial}`);
    return [...[...lotIds].flatMap((id) => [`lot:${id}`, `journey:${id}`]), ...units];
  }
  return [];
}
