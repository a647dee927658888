/** How long a cached read may be served without asking the store again. */
export interface CacheReadOptions<T = never> {
  /** Bounds how long a time-dependent view can lag the clock; `Infinity` for views only projection changes. */
  ttlMs?: number;
  /** Keep the loaded value only if this says so (e.g. not "nothing found", which a flood of random ids would fill the cache with). */
  keepIf?: (value: T) => boolean;
}

/**
 * A read-through cache of projection reads, invalidated by the projector as it writes: a key is
 * dropped as soon as a block touching it is projected, and a read that raced that write is not kept
 * (each key has a generation), so a committed recall is never hidden by the cache. Bounded: the
 * least recently used entries go first.
 */
export class ProjectionReadCache {
  readonly #entries = new Map<string, { value: unknown; expiresAt: number }>();
  readonly #generations = new Map<string, number>();
  /** Loads under way: concurrent misses of one key share one read instead of each scanning the store. */
  readonly #inflight = new Map<string, { generation: number; promise: Promise<unknown> }>();
  /** Invalidations so far; a key's generation is the count at its last invalidation. */
  #invalidations = 0;
  readonly #listeners: ((keys: readonly string[]) => void)[] = [];

  constructor(
    readonly maxEntries = 10_000,
    private readonly ttlMs = 60_000,
  ) {}

  /** The cached value if there is a fresh one, without loading. */
  peek<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    return entry && Date.now() < entry.expiresAt ? (entry.value as T) : undefined;
  }

  /** Every fresh entry whose key starts with `prefix`, oldest use first (for snapshots of what is kept). */
  *entries<T>(prefix: string): Generator<[string, T]> {
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (key.startsWith(prefix) && now < entry.expiresAt) yield [key, entry.value as T];
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  async get<T>(key: string, load: () => Promise<T>, options: CacheReadOptions<T> = {}): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && Date.now() < entry.expiresAt) {
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
    this.#keep(key, value, generation, options);
    return value;
  }

  /**
   * The point a bulk read starts from: {@link prime} keeps a value read after it only if its key
   * was not invalidated since, so a warm-up that raced the projector never stores an old state.
   */
  mark(): number {
    return this.#invalidations;
  }

  /** Stores a value read in bulk since `mark`, unless the key changed meanwhile or the cache is full. */
  prime<T>(key: string, value: T, mark: number, options: CacheReadOptions<T> = {}): boolean {
    if ((this.#generations.get(key) ?? 0) > mark || this.#entries.size >= this.maxEntries) return false;
    this.#keep(key, value, this.#generations.get(key) ?? 0, options);
    return true;
  }

  #keep<T>(key: string, value: T, generation: number, options: CacheReadOptions<T>): void {
    if ((this.#generations.get(key) ?? 0) !== generation || options.keepIf?.(value) === false) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: Date.now() + (options.ttlMs ?? this.ttlMs) });
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
  }

  /** Calls `listener` with the keys of every invalidation, after they are dropped. */
  onInvalidate(listener: (keys: readonly string[]) => void): void {
    this.#listeners.push(listener);
  }

  invalidateAll(): void {
    this.invalidate([...this.#entries.keys()]);
  }

  invalidate(keys: Iterable<string>): void {
    const dropped: string[] = [];
    for (const key of keys) {
      this.#entries.delete(key);
      this.#generations.set(key, ++this.#invalidations);
      dropped.push(key);
    }
    if (dropped.length === 0) return;
    for (const listener of this.#listeners) listener(dropped);
  }
}
