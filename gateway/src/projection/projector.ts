import type { Gateway } from '@hyperledger/fabric-gateway';
import type { Connection, Model } from 'mongoose';
import type { Logger } from 'pino';
import { performance } from 'node:perf_hooks';
import { ledgerHeight, VALID } from '../fabric';
import { BlockQueue, type ReadBlock } from './blockQueue';
import type { ColdChainJourney, ColdChainProjection } from './coldchain';
import { DeadLetters } from './deadLetters';
import type { DomainProjection, ProjectedEvent } from './domainProjection';
import { ProjectionFollower } from './projectionFollower';
import { FencedOff, leaseTermModel, ProjectorLease, type ProjectionFence } from './projectorLease';
import { checkpointModel, ledgerModels, PROJECTION_VERSION, type LedgerModels, type ProjectionCheckpoint } from './models';
import { ledgerProjections, projectionTaking, touchedKeys } from './projections';
import { ProjectionReadCache } from './readCache';
import { dropLedgerCollections } from './reproject';
import { projectionTuning } from '../config';

const TUNING = projectionTuning();

export interface ProjectionStatus {
  /** Blocks on the channel. */
  ledgerHeight: number | undefined;
  /** Blocks fully projected (the checkpoint). */
  projectedHeight: number;
  lag: number | undefined;
  running: boolean;
  /** `projecting`: this gateway holds the projector lease; `following`: another gateway projects and this one follows its checkpoint. */
  role: 'projecting' | 'following' | 'idle';
  /** Committed transactions the projection could not apply (see {@link DeadLetters}). */
  deadLetters: number;
  /** Whether readers should be told the projection may be out of date (dead letters aside). */
  behind: boolean;
  lastError?: string;
  /** What this process projected since it started: transactions, the time spent on them, and each domain's own counts. */
  projected: ProjectedWork;
}

export interface ProjectedWork {
  transactions: number;
  blocks: number;
  /** Wall time spent writing groups of blocks (reading the stream excluded): the projector's capacity is work / busy time. */
  busySeconds: number;
  /**
   * Where that time went, in seconds: parsing the groups' events, the domains' documents (the cold
   * chain breaks its share down in its counts), the checkpoints; and idle work, which is not busy time.
   */
  phaseSeconds: { parse: number; documents: number; checkpoint: number; idle: number };
  /** Per domain, what it counts (the cold chain: custody events). */
  domains: Record<string, Record<string, number>>;
}

export interface ProjectorOptions {
  /** Lag in blocks from which the projection counts as behind (health degraded, pages warn). */
  lagAlertBlocks?: number;
  /**
   * Test configuration only: the projection of any transaction whose event payload contains this
   * text fails, as a store refusal of that one document would.
   */
  faultMarker?: string;
}

/**
 * Blocks read ahead of the projection, and the most blocks and transactions written as one group:
 * under load a group carries everything that arrived while the last one was written.
 */
const MAX_QUEUED_BLOCKS = 256;
const GROUP_LIMITS = { blocks: 64, transactions: 400 };
/** How often a caught-up projector looks again for idle work that waits on a delay. */
const IDLE_POLL_MS = 1000;
/**
 * Idle work waits until no block has come for this long: between the blocks of a steady load it
 * would take the store's CPU from the ledger (measured: compaction ran half the wall time of a
 * 1,000,000-event generation), and it loses nothing by waiting for the load to pause.
 */
const QUIET_BEFORE_IDLE_WORK_MS = 3000;

/** Attempts at one transaction that failed while the store answered, before it is dead-lettered. */
const APPLY_ATTEMPTS = 3;
/** How often the ledger height is read while projecting, so the lag is known without a request. */
const HEIGHT_POLL_MS = 2000;

/** One valid transaction of a block, parsed, with the projection that takes it. */
interface BlockTransaction extends ProjectedEvent {
  payload: string;
  projection: DomainProjection;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Projects the chaincode events of committed blocks into MongoDB. Reads whole blocks from the peer
 * (so every block advances the checkpoint, events or not), applies each valid transaction's event
 * with an idempotent upsert, then saves the checkpoint: after a crash between the two, the blocks are
 * projected again and nothing changes. Resumes from the checkpoint after any restart. Blocks that
 * arrive while a group is being written are written together as the next group (one round of store
 * writes and one checkpoint for all of them), so the projection keeps up with bursts of blocks.
 *
 * No single transaction can stop it: a block is applied whole when it can be, else transaction by
 * transaction, and one that still fails while the store answers is dead-lettered so the rest of the
 * chain projects. While the store does not answer, the block is retried and nothing is dead-lettered.
 */
export class Projector {
  readonly models: LedgerModels;
  /** Reads of projected documents that routes may cache; cleared here as blocks are projected. Sized to hold every item's consumer view. */
  readonly cache = new ProjectionReadCache(TUNING.readCacheEntries);
  readonly deadLetters: DeadLetters;
  /** The cold chain's projection: the coverage sweeper listens to it. */
  readonly coldChain: ColdChainProjection;
  readonly #checkpoints: Model<ProjectionCheckpoint>;
  readonly #projections: readonly DomainProjection[];
  readonly #eventListeners: ((event: ProjectedEvent) => Promise<void>)[] = [];
  readonly #checkpointId: string;
  readonly #lagAlertBlocks: number;
  readonly #faultMarker: string | undefined;
  #stopped = false;
  #running = false;
  #nextBlock = 0;
  #ledgerHeight: number | undefined;
  #lastError: string | undefined;
  #closeStream: (() => void) | undefined;
  #fence: ProjectionFence | undefined;
  /** While another gateway projects: how far its projection is, as this gateway's follower last read the checkpoint. */
  #followed: { readonly following: boolean; readonly storedNext: number } | undefined;
  readonly #work = { transactions: 0, blocks: 0, busyMs: 0, phasesMs: { parse: 0, documents: 0, checkpoint: 0, idle: 0 } };

  /**
   * Hears every projected event of every domain after its group's documents are written and before
   * the checkpoint, so a crash replays what a listener had not yet kept: listeners must be idempotent.
   */
  onEvent(listener: (event: ProjectedEvent) => Promise<void>): void {
    this.#eventListeners.push(listener);
  }

  constructor(
    private readonly gateway: Gateway,
    private readonly channel: string,
    private readonly chaincode: string,
    private readonly store: Connection,
    private readonly log: Logger,
    options: ProjectorOptions = {},
  ) {
    this.models = ledgerModels(store);
    // Readers and the projection share the journey store, and with it its version hints.
    const projections = ledgerProjections(store, this.models);
    this.#projections = projections.list;
    this.coldChain = projections.coldChain;
    this.#lagAlertBlocks = options.lagAlertBlocks ?? 20;
    this.#faultMarker = options.faultMarker || undefined;
    this.deadLetters = new DeadLetters(store);
    this.#checkpoints = checkpointModel(store);
    this.#checkpointId = `${channel}/${chaincode}`;
  }

  /** A follower of this projection as another gateway writes it: drops the same cache keys this projector would. */
  follower(log: Logger): ProjectionFollower {
    return new ProjectionFollower(this.gateway, this.channel, this.chaincode, this.#projections, () => this.storedCheckpoint(), this.cache, this.deadLetters, log);
  }

  /** The checkpoint as stored now (another process may be projecting): every block below it is projected. */
  async storedCheckpoint(): Promise<number> {
    return (await this.#checkpoints.findById(this.#checkpointId).lean())?.nextBlock ?? 0;
  }

  /** The lease that decides which of several gateways on this store runs this projection. */
  lease(holder: string, ttlMs: number): ProjectorLease {
    return new ProjectorLease(leaseTermModel(this.store), this.#checkpointId, holder, ttlMs);
  }

  /** A lot's journey as the projector last wrote it, while it remembers it; lets readers skip a store read. */
  writtenJourney(lotId: string): ColdChainJourney | undefined {
    return this.coldChain.writtenJourney(lotId);
  }

  async #loadCheckpoint(): Promise<number> {
    // Another process (reproject) may have rebuilt the store while this one was away.
    for (const projection of this.#projections) projection.memory?.reset();
    const checkpoint = await this.#checkpoints.findById(this.#checkpointId).lean();
    if (checkpoint && checkpoint.version !== PROJECTION_VERSION) {
      const dropped = await dropLedgerCollections(this.store);
      this.cache.invalidateAll();
      this.log.info({ from: checkpoint.version ?? 1, to: PROJECTION_VERSION, dropped }, 'projection format changed: rebuilding from block 0');
      await this.deadLetters.load();
      return 0;
    }
    await this.deadLetters.load();
    return checkpoint?.nextBlock ?? 0;
  }

  /**
   * Runs until {@link stop}, or until `fence` (the projector lease of this term) says another process
   * took over: reads blocks from the checkpoint on, reconnecting after errors. Every checkpoint write
   * carries the fence's term, and one that meets a newer term's checkpoint stops this run.
   */
  async run(fence?: ProjectionFence, startsAt?: (nextBlock: number) => void): Promise<void> {
    this.#stopped = false;
    this.#fence = fence;
    this.#running = true;
    const heightPoll = setInterval(() => void this.#readLedgerHeight(), HEIGHT_POLL_MS);
    heightPoll.unref();
    while (!this.#stopped) {
      try {
        this.#nextBlock = await this.#loadCheckpoint();
        startsAt?.(this.#nextBlock);
        const blocks = await this.gateway.getNetwork(this.channel).getBlockEvents({ startBlock: BigInt(this.#nextBlock) });
        this.#closeStream = () => blocks.close();
        const queue = new BlockQueue(blocks, MAX_QUEUED_BLOCKS);
        let lastGroupAt = 0;
        while (!this.#stopped) {
          if (!queue.ready && this.#projections.some((p) => p.idleWork?.pending())) {
            const quietMs = performance.now() - lastGroupAt;
            if (quietMs >= QUIET_BEFORE_IDLE_WORK_MS && (await this.#idleStep())) continue;
            await queue.arrival(quietMs >= QUIET_BEFORE_IDLE_WORK_MS ? IDLE_POLL_MS : QUIET_BEFORE_IDLE_WORK_MS - quietMs);
            continue;
          }
          const group = await queue.nextGroup(GROUP_LIMITS);
          if (!group || this.#stopped) break;
          await this.#projectGroup(group);
          lastGroupAt = performance.now();
        }
      } catch (error) {
        if (this.#stopped) break;
        if (error instanceof FencedOff) {
          this.log.warn({ term: fence?.term }, error.message);
          break;
        }
        this.#lastError = error instanceof Error ? error.message : String(error);
        this.log.warn({ err: error }, 'projection stream failed; reconnecting');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } finally {
        this.#closeStream?.();
      }
    }
    clearInterval(heightPoll);
    this.#running = false;
  }

  /** One step of a projection's idle work (fenced like a group); whether any projection had work now. */
  async #idleStep(): Promise<boolean> {
    for (const projection of this.#projections) {
      if (!projection.idleWork?.pending()) continue;
      if (this.#fence && !this.#fence.holds()) throw new FencedOff('the projector lease expired before idle work: another gateway may project now');
      const started = performance.now();
      const worked = await projection.idleWork.step();
      this.#work.phasesMs.idle += performance.now() - started;
      if (worked) return true;
    }
    return false;
  }

  /** The valid transactions of a block that a projection takes, parsed; an unparsable event is dead-lettered. */
  async #pendingOf({ number: blockNumber, transactions }: ReadBlock): Promise<BlockTransaction[]> {
    const pending: BlockTransaction[] = [];
    for (const tx of transactions) {
      if (tx.validationCode !== VALID || tx.chaincodeId !== this.chaincode || !tx.event) continue;
      const name = tx.event.name;
      const projection = projectionTaking(this.#projections, name);
      if (!projection) {
        this.log.warn({ event: name, txId: tx.txId }, 'no projection for this chaincode event');
        continue;
      }
      const source = { txId: tx.txId, blockNumber, txIndex: tx.index, eventIndex: 0 };
      const payload = Buffer.from(tx.event.payload).toString('utf8');
      try {
        pending.push({ name, payload, record: JSON.parse(payload) as unknown, source, projection });
      } catch (error) {
        await this.#deadLetter({ name, payload, record: undefined, source }, error);
      }
    }
    return pending;
  }

  /**
   * Writes a group of blocks as one: all their transactions together when that works, else block by
   * block, and within a failing block transaction by transaction. Then one checkpoint past the last.
   */
  async #projectGroup(group: readonly ReadBlock[]): Promise<void> {
    if (this.#fence && !this.#fence.holds()) throw new FencedOff('the projector lease expired before this group was written: another gateway may project now');
    const started = performance.now();
    const byBlock: BlockTransaction[][] = [];
    for (const block of group) byBlock.push(await this.#pendingOf(block));
    const pending = byBlock.flat();
    const parsed = performance.now();
    try {
      await this.#apply(pending);
    } catch (error) {
      if (byBlock.length === 1) await this.#applyOneByOne(pending, error);
      else for (const transactions of byBlock) await this.#apply(transactions).catch((blockError: unknown) => this.#applyOneByOne(transactions, blockError));
    }
    if (pending.length > 0 && TUNING.crashAfterDocuments) {
      // Test hook: die between writing documents and saving the checkpoint.
      process.kill(process.pid, 'SIGKILL');
    }
    const written = performance.now();
    const nextBlock = group[group.length - 1].number + 1;
    await this.#saveCheckpoint(nextBlock);
    this.#nextBlock = nextBlock;
    this.#lastError = undefined;
    const done = performance.now();
    this.#work.transactions += pending.length;
    this.#work.blocks += group.length;
    this.#work.busyMs += done - started;
    this.#work.phasesMs.parse += parsed - started;
    this.#work.phasesMs.documents += written - parsed;
    this.#work.phasesMs.checkpoint += done - written;
  }

  /**
   * Saves the checkpoint with this run's term. A checkpoint already written under a newer term makes
   * the filter miss and the upsert collide with the existing `_id`: the store refuses, and this
   * process learns it has been replaced before it writes another group.
   */
  async #saveCheckpoint(nextBlock: number): Promise<void> {
    const term = this.#fence?.term ?? 0;
    const checkpoint: ProjectionCheckpoint = { _id: this.#checkpointId, nextBlock, version: PROJECTION_VERSION, term, updatedAt: new Date() };
    try {
      await this.#checkpoints.replaceOne({ _id: this.#checkpointId, $or: [{ term: { $exists: false } }, { term: { $lte: term } }] }, checkpoint, { upsert: true });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new FencedOff(`a newer projector term than ${term} wrote the checkpoint: this gateway stops projecting`);
      throw error;
    }
  }

  /** Applies transactions together: each projection takes its own in one call, in ledger order. */
  async #apply(batch: readonly BlockTransaction[]): Promise<void> {
    const faulty = this.#faultMarker && batch.find((tx) => tx.payload.includes(this.#faultMarker as string));
    if (faulty) throw new Error(`fault injected for transaction ${faulty.source.txId}`);
    for (const projection of this.#projections) {
      const events = batch.filter((tx) => tx.projection === projection).map(({ name, record, source }): ProjectedEvent => ({ name, record, source }));
      if (events.length === 0) continue;
      await projection.project(events);
      this.cache.invalidate(events.flatMap(({ name, record }) => projection.touchedKeys(name, record)));
    }
    // Listeners follow the documents, in transaction order, before the checkpoint.
    for (const { name, record, source, projection } of batch) {
      await projection.announce?.({ name, record, source });
      for (const listener of this.#eventListeners) await listener({ name, record, source });
    }
  }

  /**
   * After a block failed as a whole: each transaction alone, a few times; one that keeps failing
   * while the store answers is dead-lettered. A store that does not answer is an outage, not bad
   * data: the error goes up and the stream loop retries the block from the checkpoint.
   */
  async #applyOneByOne(batch: readonly BlockTransaction[], blockError: unknown): Promise<void> {
    if (!(await this.#storeAnswers())) throw blockError;
    for (const tx of batch) {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.#apply([tx]);
          break;
        } catch (error) {
          if (!(await this.#storeAnswers())) throw error;
          if (attempt >= APPLY_ATTEMPTS) {
            await this.#deadLetter(tx, error);
            break;
          }
          await sleep(100 * attempt);
        }
      }
    }
  }

  async #deadLetter(tx: Pick<BlockTransaction, 'name' | 'payload' | 'record' | 'source'>, error: unknown): Promise<void> {
    const touched = tx.record === undefined ? [] : touchedKeys(this.#projections, tx.name, tx.record);
    this.log.error({ err: error, txId: tx.source.txId, block: tx.source.blockNumber, event: tx.name }, 'transaction cannot be projected: dead-lettered');
    await this.deadLetters.add({ source: tx.source, eventName: tx.name, payload: tx.payload, error: messageOf(error), touched });
    // Readers of what it touched must not keep a cached view without the warning.
    this.cache.invalidate(touched);
  }

  async #storeAnswers(): Promise<boolean> {
    try {
      await this.store.db?.admin().ping();
      return this.store.db !== undefined;
    } catch {
      return false;
    }
  }

  async #readLedgerHeight(): Promise<void> {
    try {
      this.#ledgerHeight = await ledgerHeight(this.gateway, this.channel);
    } catch {
      // keep the last known height
    }
  }

  /**
   * While this gateway does not project, its status and warnings follow the stored checkpoint its
   * follower reads (projectionFollower.ts), and it reads the ledger height itself.
   */
  observe(follower: { readonly following: boolean; readonly storedNext: number }): void {
    this.#followed = follower;
    const heightPoll = setInterval(() => {
      if (!this.#running && follower.following) void this.#readLedgerHeight();
    }, HEIGHT_POLL_MS);
    heightPoll.unref();
  }

  /** Every block below it is projected, by this process or (when it follows) by another. */
  get #projectedHeight(): number {
    return this.#running || !this.#followed?.following ? this.#nextBlock : this.#followed.storedNext;
  }

  /** Whether pages should warn that what they show may be out of date: the lag is over the alert threshold. */
  get behind(): boolean {
    // A gateway that neither projects nor follows does not know how far the projection is, so it does not judge it.
    const knows = this.#running || this.#followed?.following === true;
    return knows && this.#ledgerHeight !== undefined && this.#ledgerHeight - this.#projectedHeight > this.#lagAlertBlocks;
  }

  /** Whether the page of what this read-cache key names (see cacheKeys.ts) may show out-of-date data. */
  mayBeOutOfDate(key: string): boolean {
    return this.behind || this.deadLetters.touches(key);
  }

  /** Waits until every block below `height` is projected. */
  async waitFor(height: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#nextBlock < height) {
      if (Date.now() > deadline) {
        throw new Error(`projection did not reach block ${height} in ${timeoutMs} ms (at ${this.#nextBlock})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Where this process's projection run stands: the block it projects next, while running. */
  get nextBlock(): number {
    return this.#nextBlock;
  }

  get running(): boolean {
    return this.#running;
  }

  async status(): Promise<ProjectionStatus> {
    await this.#readLedgerHeight();
    return {
      ledgerHeight: this.#ledgerHeight,
      projectedHeight: this.#projectedHeight,
      lag: this.#ledgerHeight === undefined ? undefined : Math.max(0, this.#ledgerHeight - this.#projectedHeight),
      running: this.#running,
      role: this.#running ? 'projecting' : this.#followed?.following ? 'following' : 'idle',
      deadLetters: this.deadLetters.count,
      behind: this.behind,
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
      projected: {
        transactions: this.#work.transactions,
        blocks: this.#work.blocks,
        busySeconds: this.#work.busyMs / 1000,
        phaseSeconds: Object.fromEntries(Object.entries(this.#work.phasesMs).map(([phase, ms]) => [phase, ms / 1000])) as ProjectedWork['phaseSeconds'],
        domains: Object.fromEntries(this.#projections.flatMap((projection) => (projection.counts ? [[projection.name, projection.counts()]] : []))),
      },
    };
  }

  stop(): void {
    this.#stopped = true;
    this.#closeStream?.();
  }
}
