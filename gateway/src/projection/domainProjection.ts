import type { Model } from 'mongoose';
import type { LedgerSource } from './ledgerModel';

/** A collection a projection owns, whatever its documents' shape. */
export type ProjectionCollection = Pick<Model<never>, 'collection' | 'modelName'>;

/** One chaincode event of a block, with where it came from. */
export interface ProjectedEvent {
  /** The chaincode event name (one of the model's event-name constants). */
  name: string;
  record: unknown;
  source: LedgerSource;
}

/**
 * What a projection remembers between blocks besides the store (the cold chain: the journeys it
 * last wrote, so the next block skips their reads). The store stays the truth: memory only saves
 * reads, so forgetting it is always safe, and it must never be ahead of the store.
 *
 * How a restart is to skip rebuilding it (the read-store work persists snapshots): keep a
 * snapshot with the block it is true up to (the checkpoint's next block when it was taken);
 * after the restart, `restore` it and `replay` every block from there to the checkpoint — only
 * the transactions the store holds, dead letters left out — then project on from the checkpoint.
 * Replaying writes nothing: re-projecting those blocks would write the snapshot's older state over
 * the store's newer documents until the projector caught up.
 */
export interface ProjectionMemory<Snapshot = unknown> {
  /** Forgets everything (the store is being rebuilt, or another process may have written it). */
  reset(): void;
  /** What it remembers, as plain data a store can hold. */
  snapshot(): Snapshot;
  /** Remembers what a snapshot holds instead of what it remembered. */
  restore(snapshot: Snapshot): void;
  /** Brings what it remembers over one block the store already holds (or forgets what the block touched), writing nothing. */
  replay(events: readonly ProjectedEvent[]): void;
}

/**
 * Work a projection defers to when no block waits (the cold chain compacts journey versions): done
 * in bounded steps between groups, by the projector, so it never races the projection's own writes.
 */
export interface IdleWork {
  /** Whether anything is left, now or once a delay has passed. */
  pending(): boolean;
  /** Does one bounded step; resolves with whether there was work to do now. */
  step(): Promise<boolean>;
}

/**
 * A domain's projection of its chaincode events into the read store. The projector hands each
 * block's events to the projection that takes them; the projection writes its own collections.
 *
 * Every write must be idempotent (an upsert keyed by ledger identity, or an append past a high-water
 * mark): after a crash between the documents and the checkpoint, the block is projected again.
 *
 * @example
 * const trace = traceProjection(traceModels(connection));
 * await trace.project([{ name: TraceEvents.traceEventRecorded, record, source }]);
 * trace.touchedKeys(TraceEvents.traceEventRecorded, record) // ['subject:01/09521234543213/21/SN1']
 */
export interface DomainProjection {
  /** The domain it projects; names its snapshot when memories are persisted. */
  readonly name: string;
  /** The chaincode events it applies, by name; each event name is taken by exactly one projection. */
  readonly events: readonly string[];
  /** The ledger-derived collections it owns and writes; no other projection writes them. */
  readonly collections: Readonly<Record<string, ProjectionCollection>>;
  /** Writes one block's events of this domain, in ledger order. */
  project(events: readonly ProjectedEvent[]): Promise<void>;
  /** Read-cache keys (see cacheKeys.ts) of what one event touches: dropped once it is projected, warned about if it is dead-lettered. */
  touchedKeys(eventName: string, record: unknown): string[];
  /**
   * Tells this domain's listeners about one projected event. Called in transaction order after the
   * block's documents are written and before its checkpoint, so work that must follow the ledger is
   * redone after a crash, never skipped.
   */
  announce?(event: ProjectedEvent): Promise<void>;
  /** What it has projected since the process started, in its own units (the cold chain: custody events); for status and benchmarks. */
  counts?(): Record<string, number>;
  /** What it remembers between blocks, if anything. */
  readonly memory?: ProjectionMemory;
  /** What it does when the projector has caught up, if anything. */
  readonly idleWork?: IdleWork;
}
