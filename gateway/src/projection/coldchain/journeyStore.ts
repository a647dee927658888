import zlib from 'node:zlib';
import type { Model } from 'mongoose';
import { bulkReplace, insertOrReplace, MAX_BULK_OPERATIONS } from '../../store/bulkReplace';
import { mapParallel } from '../../store/mapParallel';
import type { ColdChainJourney } from './journey';

/** A journey as stored: the base document of a lot, or one of its versions (`_id` `<lotId>@<version>`). */
export type StoredJourney = ColdChainJourney & { version?: number };

/** Version hints kept per store (a number per lot); past this the oldest are forgotten and reads start from the base. */
const MAX_HINTS = 500_000;
/** Lots compacted in one idle step: one bulk replace and its deletions, so a new block waits at most for one step. */
const COMPACTION_STEP = MAX_BULK_OPERATIONS;
/** Parallel reads when an idle step reads the newest journeys of lots it no longer remembers. */
const PARALLEL_READS = 16;

/** A journey without its version number, which counts the projector's groups (so differs between a live projection and a rebuild). */
export function unversioned(journey: StoredJourney): ColdChainJourney {
  const copy = { ...journey };
  delete copy.version;
  return copy;
}

const versionId = (lotId: string, version: number): string => `${lotId}@${version}`;

/**
 * A journey as a document of the store: the lot id and version in the clear, the journey itself as
 * deflated JSON. FerretDB's cost per document grows with its fields and bytes (it converts every
 * field to JSON for SQLite), and a journey carries its lot's whole custody log: one binary field of
 * a quarter of the size is what lets the projection append a version per change at ledger speed.
 */
export interface PackedJourney {
  _id: string;
  lotId: string;
  version: number;
  journey: Buffer;
}

function pack(journey: StoredJourney, id: string, version: number): PackedJourney {
  return { _id: id, lotId: journey._id, version, journey: zlib.deflateRawSync(JSON.stringify(unversioned(journey)), { level: 1 }) };
}

/** A stored document back as a journey (documents written before journeys were packed are plain). */
function unpack(doc: Record<string, unknown>): StoredJourney {
  if (doc.journey === undefined) return doc as unknown as StoredJourney;
  const bytes = doc.journey as Buffer | { buffer: Uint8Array };
  const journey = JSON.parse(zlib.inflateRawSync(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer)).toString('utf8')) as ColdChainJourney;
  return { ...journey, version: doc.version as number };
}

/** When compaction may act on a lot, and how long a replaced version stays for readers already past the base. */
export interface CompactionTiming {
  /** A lot is compacted once its newest version is this old (busy lots gather versions first). */
  settleMs: number;
  /** Versions a new base replaced are deleted this long after it, never sooner. */
  graceMs: number;
  /** A lot with this many versions is compacted without waiting to settle. */
  maxVersions: number;
  /**
   * Versions an earlier process left are looked for this long after start, not sooner: the search
   * reads every version's `_id` (a full pass on FerretDB), which must not compete with a warm start.
   */
  adoptAfterMs: number;
}

export const DEFAULT_COMPACTION: CompactionTiming = { settleMs: 30_000, graceMs: 30_000, maxVersions: 8, adoptAfterMs: 300_000 };

interface Uncompacted {
  /** The base's version when the first uncompacted version was written. */
  base: number;
  newest: number;
  writtenAt: number;
}

/**
 * The journeys of the cold chain in the read store, shaped for what FerretDB's SQLite backend does
 * fast: a projected change to a lot is an **append** — a new document `<lotId>@<n>` inserted in bulk
 * — rather than a replacement of the lot's document, which the store does 2.5–5× slower
 * (docs/performance.md, bench:store rows (a) and (d)). Readers find the newest version by `_id`
 * alone: the lot's base document (`_id` = lot id) says which version it holds, the versions above it
 * are consecutive, so the newest is found by probing upwards (one round of point reads when the
 * version is known, a doubling search when not).
 *
 * When the projector is idle it **compacts**: the newest version becomes the base (one replacement)
 * and, a grace period later, the versions below it are deleted by `_id`. So under load every change
 * is an insert, and at rest each lot is one document again. Only the projector writes.
 */
export class JourneyStore {
  /** Lot id → the newest version this process saw or wrote: saves probing, never trusted alone. */
  readonly #hints = new Map<string, number>();
  readonly #uncompacted = new Map<string, Uncompacted>();
  /** Versions a new base replaced, to delete once their grace period is over. */
  #retired: { lotId: string; from: number; to: number; at: number }[] = [];
  #leftoversAdopted = false;
  readonly #startedAt = Date.now();

  constructor(
    readonly bases: Model<ColdChainJourney>,
    readonly versions: Model<ColdChainJourney>,
    private readonly timing: CompactionTiming = DEFAULT_COMPACTION,
  ) {}

  #hint(lotId: string, version: number): void {
    this.#hints.delete(lotId);
    this.#hints.set(lotId, version);
    if (this.#hints.size > MAX_HINTS) this.#hints.delete(this.#hints.keys().next().value as string);
  }

  async #version(lotId: string, version: number): Promise<StoredJourney | null> {
    const doc = await this.versions.collection.findOne({ _id: versionId(lotId, version) } as never);
    return doc && { ...unpack(doc), _id: lotId, version };
  }

  async #base(lotId: string): Promise<StoredJourney | null> {
    const doc = await this.bases.collection.findOne({ _id: lotId } as never);
    return doc && unpack(doc);
  }

  /** The newest version at or above `known` (which exists, as `doc`): doubling steps up, then halving back. */
  async #newestFrom(lotId: string, known: number, doc: StoredJourney, missing?: number): Promise<StoredJourney> {
    let low = known;
    let lowDoc = doc;
    let high = missing;
    for (let step = 1; high === undefined; step *= 2) {
      const found = await this.#version(lotId, low + step);
      if (found) [low, lowDoc] = [low + step, found];
      else high = low + step;
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const found = await this.#version(lotId, middle);
      if (found) [low, lowDoc] = [middle, found];
      else high = middle;
    }
    return lowDoc;
  }

  /** A lot's newest journey with its version, or undefined when the lot has none. */
  async read(lotId: string): Promise<StoredJourney | undefined> {
    const hint = this.#hints.get(lotId) ?? 0;
    const [base, atHint, aboveHint] = await Promise.all([
      this.#base(lotId),
      hint > 0 ? this.#version(lotId, hint) : Promise.resolve(null),
      this.#version(lotId, hint + 1),
    ]);
    if (!base) return undefined;
    const baseVersion = base.version ?? 0;
    // Start from the highest version known to exist; the hinted one counts only above the base,
    // since versions at or below it may be deleted by compaction.
    const [from, doc] = atHint && hint > baseVersion ? [hint, atHint] : [baseVersion, { ...base, version: baseVersion }];
    const journey = await this.#newestFrom(lotId, from, doc, from === hint && !aboveHint ? hint + 1 : undefined);
    this.#hint(lotId, journey.version ?? 0);
    return journey;
  }

  /** Newest journeys of many lots, read in parallel; undefined where a lot has none. */
  readMany(lotIds: readonly string[], parallel = PARALLEL_READS): Promise<(StoredJourney | undefined)[]> {
    return mapParallel(lotIds, parallel, (lotId) => this.read(lotId));
  }

  /**
   * Writes a group's journeys: lots without a stored journey as their base (version 0), the others as
   * version `previous + 1` of the journey they were derived from. Writing the same group again (after
   * a crash before the checkpoint) rewrites the same versions.
   */
  async write(changes: readonly { journey: ColdChainJourney; previous: StoredJourney | undefined }[]): Promise<StoredJourney[]> {
    const now = Date.now();
    const bases: PackedJourney[] = [];
    const versions: PackedJourney[] = [];
    const written: StoredJourney[] = [];
    for (const { journey, previous } of changes) {
      if (!previous) {
        bases.push(pack(journey, journey._id, 0));
        written.push({ ...journey, version: 0 });
        continue;
      }
      const version = (previous.version ?? 0) + 1;
      versions.push(pack(journey, versionId(journey._id, version), version));
      written.push({ ...journey, version });
      const pending = this.#uncompacted.get(journey._id);
      this.#uncompacted.set(journey._id, { base: pending?.base ?? previous.version ?? 0, newest: version, writtenAt: now });
    }
    await insertOrReplace(this.bases, bases, []);
    await insertOrReplace(this.versions, versions, []);
    for (const journey of written) this.#hint(journey._id, journey.version ?? 0);
    return written;
  }

  /** Whether compaction has anything left to do now or later. */
  get compactionPending(): boolean {
    return this.#uncompacted.size > 0 || this.#retired.length > 0 || !this.#leftoversAdopted;
  }

  /**
   * One bounded step of compaction, for the projector's idle time; `remembered` gives the newest
   * journey when the projector still holds it (saving its read). Resolves with whether it did work.
   */
  async compactStep(remembered: (lotId: string) => StoredJourney | undefined): Promise<boolean> {
    const now = Date.now();
    const due = this.#retired.filter((r) => now - r.at >= this.timing.graceMs).slice(0, COMPACTION_STEP);
    if (due.length > 0) {
      this.#retired = this.#retired.filter((r) => !due.includes(r));
      const ids = due.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => versionId(r.lotId, r.from + i)));
      for (let i = 0; i < ids.length; i += MAX_BULK_OPERATIONS) {
        await this.versions.collection.bulkWrite(
          ids.slice(i, i + MAX_BULK_OPERATIONS).map((id) => ({ deleteOne: { filter: { _id: id } } })) as unknown as Parameters<typeof this.versions.collection.bulkWrite>[0],
          { ordered: false },
        );
      }
      return true;
    }
    const ready = [...this.#uncompacted.entries()]
      .filter(([, u]) => now - u.writtenAt >= this.timing.settleMs || u.newest - u.base >= this.timing.maxVersions)
      .slice(0, COMPACTION_STEP);
    if (ready.length > 0) {
      const newest = await mapParallel(ready, PARALLEL_READS, async ([lotId, u]) => {
        const known = remembered(lotId);
        return known && known.version === u.newest ? known : this.read(lotId);
      });
      const bases = newest.filter((journey): journey is StoredJourney => journey !== undefined && (journey.version ?? 0) > 0);
      await bulkReplace(this.bases, bases.map((journey) => pack(journey, journey._id, journey.version ?? 0)));
      // The projector writes no journey while an idle step runs, so each lot compacted is done.
      ready.forEach(([lotId, u], i) => {
        this.#uncompacted.delete(lotId);
        const version = newest[i]?.version ?? u.newest;
        if (version > u.base) this.#retired.push({ lotId, from: u.base + 1, to: version, at: now });
      });
      return true;
    }
    if (!this.#leftoversAdopted && now - this.#startedAt >= this.timing.adoptAfterMs) {
      await this.#adoptLeftovers();
      return true;
    }
    return false;
  }

  /**
   * Versions left by an earlier process (it stopped before compacting): found with one pass over the
   * versions' `_id`s, then compacted like this process's own.
   */
  async #adoptLeftovers(): Promise<void> {
    this.#leftoversAdopted = true;
    const found = new Map<string, { low: number; high: number }>();
    for await (const doc of this.versions.find({}, { _id: 1 }).lean().cursor({ batchSize: 2000 })) {
      const id = String(doc._id);
      const at = id.lastIndexOf('@');
      const lotId = id.slice(0, at);
      const version = Number(id.slice(at + 1));
      const range = found.get(lotId);
      found.set(lotId, { low: Math.min(range?.low ?? version, version), high: Math.max(range?.high ?? version, version) });
    }
    for (const [lotId, { low, high }] of found) {
      if (!this.#uncompacted.has(lotId)) this.#uncompacted.set(lotId, { base: low - 1, newest: high, writtenAt: 0 });
    }
  }

  /**
   * Every lot's newest journey, in no particular order: one pass over the versions' `_id`s, one over
   * the bases, and a point read for each lot whose newest journey is a version.
   */
  async *all(batchSize = 1000): AsyncIterable<StoredJourney> {
    const newest = new Map<string, number>();
    for await (const doc of this.versions.find({}, { _id: 1 }).lean().cursor({ batchSize: 2000 })) {
      const id = String(doc._id);
      const at = id.lastIndexOf('@');
      const version = Number(id.slice(at + 1));
      const lotId = id.slice(0, at);
      if (version > (newest.get(lotId) ?? -1)) newest.set(lotId, version);
    }
    for await (const doc of this.bases.collection.find({}, { batchSize })) {
      const base = unpack(doc);
      const version = newest.get(base._id) ?? -1;
      if (version > (base.version ?? 0)) {
        const journey = await this.#version(base._id, version);
        if (journey) {
          yield journey;
          continue;
        }
      }
      yield base;
    }
  }
}
