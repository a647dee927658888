import { readBlock, type BlockTransaction } from '../fabric';
import type { common } from '@hyperledger/fabric-protos';

/** A committed block as the projector reads it: its number and its parsed transactions. */
export interface ReadBlock {
  number: number;
  transactions: BlockTransaction[];
}

/** How many blocks a group may hold, and how many transactions. */
export interface GroupLimits {
  blocks: number;
  transactions: number;
}

/**
 * Reads blocks from the peer's stream ahead of the projector, so the next blocks are parsed while the
 * store writes the current ones, and hands them over in groups: everything that arrived while the
 * last group was being written, up to the limits. Under load one store round trip then carries many
 * blocks (a lot touched in several of them is written once); when idle a group is the one new block.
 *
 * Holds at most `maxQueued` blocks: past that, the stream is not read on (the peer's delivery waits).
 *
 * @example
 * const queue = new BlockQueue(blockEvents, 256);
 * for (;;) { const group = await queue.nextGroup({ blocks: 64, transactions: 400 }); if (!group) break; ... }
 */
export class BlockQueue {
  readonly #blocks: ReadBlock[] = [];
  #ended = false;
  #error: unknown;
  #wakeReader: (() => void) | undefined;
  #wakeTaker: (() => void) | undefined;

  constructor(source: AsyncIterable<common.Block>, private readonly maxQueued: number) {
    void this.#pump(source);
  }

  async #pump(source: AsyncIterable<common.Block>): Promise<void> {
    try {
      for await (const block of source) {
        this.#blocks.push({ number: Number(block.getHeader()?.getNumber() ?? 0), transactions: readBlock(block) });
        this.#wake();
        while (this.#blocks.length >= this.maxQueued) await new Promise<void>((resolve) => (this.#wakeReader = resolve));
      }
    } catch (error) {
      this.#error = error;
    } finally {
      this.#ended = true;
      this.#wake();
    }
  }

  #wake(): void {
    const wake = this.#wakeTaker;
    this.#wakeTaker = undefined;
    wake?.();
  }

  /** Whether a block waits (or the stream ended, which the next group reports). */
  get ready(): boolean {
    return this.#blocks.length > 0 || this.#ended;
  }

  /** Resolves when a block arrives or the stream ends, or after `ms`, whichever is first. */
  async arrival(ms: number): Promise<void> {
    if (this.ready) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.#wakeTaker = resolve;
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
    this.#wakeTaker = undefined;
  }

  /** The blocks waiting now (at least one, waiting for it if need be), or undefined when the stream ended; throws the stream's error once the blocks before it are taken. */
  async nextGroup(limits: GroupLimits): Promise<ReadBlock[] | undefined> {
    while (this.#blocks.length === 0) {
      if (this.#ended) {
        if (this.#error !== undefined) throw this.#error;
        return undefined;
      }
      await new Promise<void>((resolve) => (this.#wakeTaker = resolve));
    }
    let transactions = 0;
    let count = 0;
    while (count < this.#blocks.length && count < limits.blocks) {
      transactions += this.#blocks[count].transactions.length;
      count++;
      if (transactions >= limits.transactions) break;
    }
    const group = this.#blocks.splice(0, count);
    const wakeReader = this.#wakeReader;
    this.#wakeReader = undefined;
    wakeReader?.();
    return group;
  }
}
