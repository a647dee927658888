import type { Gateway } from '@hyperledger/fabric-gateway';
import type { Connection, Model } from 'mongoose';
import type { Logger } from 'pino';
import { ledgerHeight, readBlock, VALID } from '../fabric';
import { ColdChainBlockProjection } from './coldChainHandlers';
import type { ColdChainJourney } from './coldChainJourney';
import { blockProjections, projectionHandlers, type BlockProjection, type ProjectedEvent, type ProjectionHandler } from './handlers';
import { checkpointModel, ledgerModels, PROJECTION_VERSION, type LedgerModels, type LedgerSource, type ProjectionCheckpoint } from './models';
import { ProjectionReadCache, touchedKeys } from './readCache';
import { dropLedgerCollections } from './reproject';

export interface ProjectionStatus {
  /** Blocks on the channel. */
  ledgerHeight: number | undefined;
  /** Blocks fully projected (the checkpoint). */
  projectedHeight: number;
  lag: number | undefined;
  running: boolean;
  lastError?: string;
}

/**
 * Projects the chaincode events of committed blocks into MongoDB. Reads whole blocks from the peer
 * (so every block advances the checkpoint, events or not), applies each valid transaction's event
 * with an idempotent upsert, then saves the checkpoint: after a crash between the two, the block is
 * projected again and nothing changes. Resumes from the checkpoint after any restart.
 */
export class Projector {
  readonly models: LedgerModels;
  /** Reads of projected documents that routes may cache; cleared here as blocks are projected. Sized to hold every item's consumer view. */
  readonly cache = new ProjectionReadCache(Number(process.env.TRACELEDGER_READ_CACHE_ENTRIES ?? 250_000));
  readonly #checkpoints: Model<ProjectionCheckpoint>;
  readonly #handlers: Record<string, ProjectionHandler>;
  readonly #blockProjections: BlockProjection[];
  readonly #checkpointId: string;
  #stopped = false;
  #running = false;
  #nextBlock = 0;
  #ledgerHeight: number | undefined;
  #lastError: string | undefined;
  #closeStream: (() => void) | undefined;
  readonly #listeners: ((eventName: string, record: unknown, source: LedgerSource) => Promise<void>)[] = [];

  constructor(
    private readonly gateway: Gateway,
    private readonly channel: string,
    private readonly chaincode: string,
    private readonly store: Connection,
    private readonly log: Logger,
    handlers: Record<string, ProjectionHandler> = projectionHandlers,
    perBlock: BlockProjection[] = blockProjections(),
  ) {
    this.#blockProjections = perBlock;
    this.models = ledgerModels(store);
    this.#checkpoints = checkpointModel(store);
    this.#handlers = handlers;
    this.#checkpointId = `${channel}/${chaincode}`;
  }

  /** A lot's journey as the projector last wrote it, while it remembers it; lets readers skip a store read. */
  writtenJourney(lotId: string): ColdChainJourney | undefined {
    for (const projection of this.#blockProjections) {
      if (projection instanceof ColdChainBlockProjection) return projection.writtenJourney(lotId);
    }
    return undefined;
  }

  /**
   * Runs `listener` after each projected chaincode event and before the block's checkpoint, so that
   * work which must follow the ledger (scheduling checks) is redone after a crash, never skipped.
   */
  onProjected(listener: (eventName: string, record: unknown, source: LedgerSource) => Promise<void>): void {
    this.#listeners.push(listener);
  }

  async #loadCheckpoint(): Promise<number> {
    // Another process (reproject) may have rebuilt the store while this one was away.
    for (const projection of this.#blockProjections) projection.reset();
    const checkpoint = await this.#checkpoints.findById(this.#checkpointId).lean();
    if (checkpoint && checkpoint.version !== PROJECTION_VERSION) {
      const dropped = await dropLedgerCollections(this.store);
      this.cache.invalidateAll();
      this.log.info({ from: checkpoint.version ?? 1, to: PROJECTION_VERSION, dropped }, 'projection format changed: rebuilding from block 0');
      return 0;
    }
    return checkpoint?.nextBlock ?? 0;
  }

  /** Runs until {@link stop}: reads blocks from the checkpoint on, reconnecting after errors. */
  async run(): Promise<void> {
    this.#running = true;
    while (!this.#stopped) {
      try {
        this.#nextBlock = await this.#loadCheckpoint();
        const blocks = await this.gateway.getNetwork(this.channel).getBlockEvents({ startBlock: BigInt(this.#nextBlock) });
        this.#closeStream = () => blocks.close();
        for await (const block of blocks) {
          await this.#project(readBlock(block), Number(block.getHeader()?.getNumber() ?? 0));
          if (this.#stopped) break;
        }
      } catch (error) {
        if (this.#stopped) break;
        this.#lastError = error instanceof Error ? error.message : String(error);
        this.log.warn({ err: error }, 'projection stream failed; reconnecting');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } finally {
        this.#closeStream?.();
      }
    }
    this.#running = false;
  }

  async #project(transactions: ReturnType<typeof readBlock>, blockNumber: number): Promise<void> {
    let applied = 0;
    const perBlock = new Map<BlockProjection, ProjectedEvent[]>();
    const touched: string[] = [];
    const projected: { name: string; record: unknown; source: LedgerSource }[] = [];
    for (const tx of transactions) {
      if (tx.validationCode !== VALID || tx.chaincodeId !== this.chaincode || !tx.event) continue;
      const name = tx.event.name;
      const handler = this.#handlers[name];
      const blockProjection = this.#blockProjections.find((p) => p.events.includes(name));
      if (!handler && !blockProjection) {
        this.log.warn({ event: name, txId: tx.txId }, 'no projection for this chaincode event');
        continue;
      }
      const record = JSON.parse(Buffer.from(tx.event.payload).toString('utf8')) as unknown;
      const source = { txId: tx.txId, blockNumber, txIndex: tx.index, eventIndex: 0 };
      if (blockProjection) {
        const events = perBlock.get(blockProjection) ?? [];
        events.push({ record, source });
        perBlock.set(blockProjection, events);
        touched.push(...touchedKeys(name, record));
      } else if (handler) {
        await handler(this.models, record, source);
        this.cache.invalidate(touchedKeys(name, record));
      }
      projected.push({ name, record, source });
      applied++;
    }
    for (const [projection, events] of perBlock) {
      await projection.project(this.models, events);
    }
    this.cache.invalidate(touched);
    // Listeners follow the documents, in transaction order, before the checkpoint.
    for (const { name, record, source } of projected) {
      for (const listener of this.#listeners) {
        await listener(name, record, source);
      }
    }
    if (applied > 0 && process.env.TRACELEDGER_PROJECTOR_CRASH_AFTER_DOCUMENTS === '1') {
      // Test hook: die between writing documents and saving the checkpoint.
      process.kill(process.pid, 'SIGKILL');
    }
    await this.#checkpoints.replaceOne(
      { _id: this.#checkpointId },
      { _id: this.#checkpointId, nextBlock: blockNumber + 1, version: PROJECTION_VERSION, updatedAt: new Date() },
      { upsert: true },
    );
    this.#nextBlock = blockNumber + 1;
    this.#lastError = undefined;
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

  async status(): Promise<ProjectionStatus> {
    try {
      this.#ledgerHeight = await ledgerHeight(this.gateway, this.channel);
    } catch {
      // keep the last known height
    }
    return {
      ledgerHeight: this.#ledgerHeight,
      projectedHeight: this.#nextBlock,
      lag: this.#ledgerHeight === undefined ? undefined : Math.max(0, this.#ledgerHeight - this.#nextBlock),
      running: this.#running,
      ...(this.#lastError ? { lastError: this.#lastError } : {}),
    };
  }

  stop(): void {
    this.#stopped = true;
    this.#closeStream?.();
  }
}
