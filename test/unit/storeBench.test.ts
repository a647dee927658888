import { expect } from 'chai';
import { baselineSentence } from '../../scripts/bench/reportHtml';
import { storeBenchSettings } from '../../scripts/bench/store/settings';
import { rowOf, runWorkers } from '../../scripts/bench/store/workers';

const never = (): Promise<number> => new Promise<number>(() => undefined);

describe('store benchmark settings', () => {
  it('defaults to the issue table: 10,000 journeys, 4 writers, 8 readers, 10 per insert call, bulk size 50 only', () => {
    const settings = storeBenchSettings({}, { bulkSize: 50 });
    expect(settings).to.include({ docs: 10_000, writers: 4, readers: 8, insertBatch: 10, block: 50 });
    expect(settings.bulkSizes).to.deep.equal([50]);
    expect(settings.parallelReplaces).to.deep.equal([4, 8]);
  });

  it('adds asked bulk sizes to the gateway size, sorted and without repeats', () => {
    expect(storeBenchSettings({ BENCH_STORE_BULK_SIZES: '200, 100,100' }, { bulkSize: 50 }).bulkSizes).to.deep.equal([50, 100, 200]);
    expect(storeBenchSettings({ BENCH_STORE_BULK_SIZES: '25' }, { bulkSize: 50 }).bulkSizes).to.deep.equal([25, 50]);
  });

  it('refuses a count that is not a positive whole number, naming the variable', () => {
    expect(() => storeBenchSettings({ BENCH_STORE_DOCS: '1e3x' }, { bulkSize: 50 })).to.throw(/BENCH_STORE_DOCS/);
    expect(() => storeBenchSettings({ BENCH_STORE_WRITERS: '0' }, { bulkSize: 50 })).to.throw(/BENCH_STORE_WRITERS/);
    expect(() => storeBenchSettings({ BENCH_STORE_BULK_SIZES: '100,1.5' }, { bulkSize: 50 })).to.throw(/BENCH_STORE_BULK_SIZES/);
  });
});

describe('store benchmark workers', () => {
  it('makes every call on the given number of workers and counts journeys, not calls', async () => {
    let inFlight = 0;
    let most = 0;
    const run = await runWorkers({ workers: 3, calls: 10, budgetMs: 10_000, callTimeoutMs: 1_000 }, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return 10;
    });
    expect(run).to.include({ completed: 100, failed: 0, hung: false, cutShort: false });
    expect(run.latenciesMs).to.have.length(10);
    expect(most).to.equal(3);
  });

  it('takes a call unanswered for the call timeout as a hung store and stops at once', async () => {
    const started = Date.now();
    const run = await runWorkers({ workers: 2, calls: 100, budgetMs: 10_000, callTimeoutMs: 50 }, async (i) => (i < 4 ? 1 : never()));
    expect(run.hung).to.equal(true);
    expect(run.completed).to.equal(4);
    expect(Date.now() - started).to.be.below(1_000);
    const row = rowOf('bulkWrite of 100', run);
    expect(row.perSecond).to.equal(0);
    expect(row.hung).to.equal(true);
    expect(row.label).to.match(/HUNG/);
  });

  it('stops taking calls when the time budget runs out, and counts refused calls as failed', async () => {
    const run = await runWorkers({ workers: 1, calls: 1_000, budgetMs: 30, callTimeoutMs: 1_000 }, async (i) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (i === 0) throw new Error('duplicate key');
      return 1;
    });
    expect(run.cutShort).to.equal(true);
    expect(run.failed).to.equal(1);
    expect(run.firstError).to.equal('duplicate key');
    expect(run.completed).to.be.below(999);
    expect(rowOf('replaceOne', run).label).to.match(/time budget reached/);
  });
});

describe('benchmark report baseline', () => {
  it("names a benchmark's own baseline row instead of the Fabric baseline when it has one", () => {
    const store = { benchmark: 'store', when: '2026-12-02T12:00:00Z', baselinePerSecond: 3700, baselineLabel: 'bulk inserts, 4 writers, 10 per call (baseline)', rows: [] };
    expect(baselineSentence(store)).to.contain('bulk inserts, 4 writers').and.not.contain('one event per transaction');
    expect(baselineSentence({ ...store, baselineLabel: undefined })).to.contain('peak of one event per transaction');
  });
});
