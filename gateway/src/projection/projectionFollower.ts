import type { Gateway } from '@hyperledger/fabric-gateway';
import type { Logger } from 'pino';
import { VALID } from '../fabric';
import { BlockQueue, type ReadBlock } from './blockQueue';
import type { DeadLetters } from './deadLetters';
import type { DomainProjection } from './domainProjection';
import { touchedKeys } from './projections';
import type { ProjectionReadCache } from './readCache';

/** How often the stored checkpoint is read while blocks wait for another gateway to project them. */
const CHECKPOINT_POLL_MS = 200;
/** How often the dead letters are read again while following (another gateway adds them). */
const DEAD_LETTER_RELOAD_MS = 5_000;
const GROUP_LIMITS = { blocks: 256, transactions: 5_000 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps this gateway's in-memory reads true while another gateway projects: reads the same blocks
 * from the peer, works out what each touches (the projections' own `touchedKeys`), waits until the
 * stored checkpoint says the projector has written them, and then drops those keys from the read
 * cache (consumer views re-read their lots at once). So a recall projected by the leader shows on
 * every gateway within a checkpoint poll, and no gateway serves a view older than the store.
 *
 * @example
 * follower.start(checkpointAtStart); // following
 * follower.stopAt(leaderFrom);        // this gateway projects from there on
 */
export class ProjectionFollower {
  #position: number | undefined;
  #storedNext = 0;
  #stopAt: number | undefined;
  #run: Promise<void> | undefined;
  #closeStream: (() => void) | undefined;
  #lastDeadLetterLoad = 0;
  /** Stopped for good (the gateway shuts down), not handing over to this process's projector. */
  #halted = false;

  constructor(
    private readonly gateway: Gateway,
    private readonly channel: string,
    private readonly chaincode: string,
    private readonly projections: readonly DomainProjection[],
    /** The stored checkpoint (`Projector.storedCheckpoint`): every block below it is projected. */
    private readonly storedCheckpoint: () => Promise<number>,
    private readonly cache: ProjectionReadCache,
    private readonly deadLetters: DeadLetters,
    private readonly log: Logger,
  ) {}

  /** The next block whose touched keys this follower has not dropped yet (undefined when not following). */
  get position(): number | undefined {
    return this.#run ? this.#position : undefined;
  }

  /** The checkpoint as last read from the store: every block below it is projected. */
  get storedNext(): number {
    return this.#storedNext;
  }

  get following(): boolean {
    return this.#run !== undefined;
  }

  /** Follows from `fromBlock` on (keys of blocks below it are taken as already dropped); while following, follows on. */
  start(fromBlock: number): void {
    this.#halted = false;
    if (this.#run) {
      // Maybe winding down towards a stop this process no longer wants: follow on, or start again once it has stopped.
      this.#stopAt = undefined;
      void this.#run.then(() => {
        if (!this.#run && !this.#halted) this.start(fromBlock);
      });
      return;
    }
    this.#stopAt = undefined;
    this.#position = fromBlock;
    this.#run = this.#follow().finally(() => {
      this.#run = undefined;
      this.#closeStream = undefined;
    });
  }

  /** Stops once every block below `block` is followed (this process projects from there on). */
  stopAt(block: number): void {
    this.#stopAt = block;
    if ((this.#position ?? 0) >= block) this.stop();
  }

  stop(): void {
    this.#halted = true;
    this.#stopAt = 0;
    this.#closeStream?.();
  }

  #done(): boolean {
    return this.#stopAt !== undefined && (this.#position ?? 0) >= this.#stopAt;
  }

  async #follow(): Promise<void> {
    while (!this.#done()) {
      try {
        const blocks = await this.gateway.getNetwork(this.channel).getBlockEvents({ startBlock: BigInt(this.#position ?? 0) });
        this.#closeStream = () => blocks.close();
        if (this.#done()) break;
        const queue = new BlockQueue(blocks, GROUP_LIMITS.blocks);
        for (let group = await queue.nextGroup(GROUP_LIMITS); group; group = await queue.nextGroup(GROUP_LIMITS)) {
          await this.#follow1(group);
          if (this.#done()) break;
        }
      } catch (error) {
        if (this.#done()) break;
        this.log.warn({ err: error }, 'following the ledger failed; reconnecting');
        await sleep(1000);
      } finally {
        this.#closeStream?.();
      }
    }
  }

  async #follow1(group: readonly ReadBlock[]): Promise<void> {
    const keys = new Set<string>();
    for (const { transactions } of group) {
      for (const tx of transactions) {
        if (tx.validationCode !== VALID || tx.chaincodeId !== this.chaincode || !tx.event) continue;
        let record: unknown;
        try {
          record = JSON.parse(Buffer.from(tx.event.payload).toString('utf8'));
        } catch {
          continue; // the projector dead-letters it; the dead letters say what it touched
        }
        for (const key of touchedKeys(this.projections, tx.event.name, record)) keys.add(key);
      }
    }
    const next = group[group.length - 1].number + 1;
    while (this.#storedNext < next) {
      if (this.#done()) return;
      this.#storedNext = await this.storedCheckpoint();
      if (this.#storedNext < next) await sleep(CHECKPOINT_POLL_MS);
    }
    this.cache.invalidate(keys);
    this.#position = next;
    if (Date.now() - this.#lastDeadLetterLoad > DEAD_LETTER_RELOAD_MS) {
      this.#lastDeadLetterLoad = Date.now();
      await this.deadLetters.load();
    }
  }
}
