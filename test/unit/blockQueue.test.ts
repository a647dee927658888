import { expect } from 'chai';
import type { common } from '@hyperledger/fabric-protos';
import { BlockQueue } from '../../gateway/src/projection/blockQueue';

/** A block as the peer streams it, with only a number: readBlock finds no transactions in it. */
const block = (n: number): common.Block =>
  ({ getHeader: () => ({ getNumber: () => n }), getMetadata: () => undefined, getData: () => ({ getDataList_asU8: () => [] }) }) as unknown as common.Block;

/** A stream the test feeds by hand. */
function feed(): { source: AsyncIterable<common.Block>; push(n: number): void; end(error?: Error): void; read(): number } {
  const queued: (number | Error | null)[] = [];
  let wake: (() => void) | undefined;
  let read = 0;
  return {
    source: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          while (queued.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          const next = queued.shift();
          if (next === null || next === undefined) return;
          if (next instanceof Error) throw next;
          read++;
          yield block(next);
        }
      },
    },
    push: (n) => {
      queued.push(n);
      wake?.();
    },
    end: (error) => {
      queued.push(error ?? null);
      wake?.();
    },
    read: () => read,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('block queue of the projector', () => {
  it('hands over every block that arrived while the last group was written, in order', async () => {
    const stream = feed();
    const queue = new BlockQueue(stream.source, 100);
    stream.push(0);
    expect((await queue.nextGroup({ blocks: 10, transactions: 10 }))?.map((b) => b.number)).to.deep.equal([0]);
    for (const n of [1, 2, 3]) stream.push(n);
    await tick();
    expect((await queue.nextGroup({ blocks: 10, transactions: 10 }))?.map((b) => b.number)).to.deep.equal([1, 2, 3]);
  });

  it('keeps a group within its block limit and leaves the rest for the next', async () => {
    const stream = feed();
    const queue = new BlockQueue(stream.source, 100);
    for (const n of [0, 1, 2, 3, 4]) stream.push(n);
    await tick();
    expect((await queue.nextGroup({ blocks: 2, transactions: 10 }))?.map((b) => b.number)).to.deep.equal([0, 1]);
    expect((await queue.nextGroup({ blocks: 2, transactions: 10 }))?.map((b) => b.number)).to.deep.equal([2, 3]);
  });

  it('stops reading the stream ahead once it holds its maximum', async () => {
    const stream = feed();
    const queue = new BlockQueue(stream.source, 3);
    for (let n = 0; n < 10; n++) stream.push(n);
    await tick();
    expect(stream.read()).to.equal(3);
    await queue.nextGroup({ blocks: 2, transactions: 10 });
    await tick();
    expect(stream.read()).to.equal(5);
  });

  it('ends after the last block, and reports a stream error only after the blocks before it', async () => {
    const stream = feed();
    const queue = new BlockQueue(stream.source, 10);
    stream.push(7);
    stream.end(new Error('stream broke'));
    await tick();
    expect((await queue.nextGroup({ blocks: 10, transactions: 10 }))?.map((b) => b.number)).to.deep.equal([7]);
    let failure: unknown;
    await queue.nextGroup({ blocks: 10, transactions: 10 }).catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('stream broke');

    const ended = feed();
    const quiet = new BlockQueue(ended.source, 10);
    ended.end();
    expect(await quiet.nextGroup({ blocks: 10, transactions: 10 })).to.equal(undefined);
  });
});
