import { expect } from 'chai';
import { formatTopSelfTime, topSelfTime, type CpuProfile } from '../../scripts/bench/cpuProfile';
import { meetsTarget, targetText, type BenchmarkResult } from '../../scripts/bench/harness';
import { histogramChart, latencyChart, mergeResults, renderReportHtml, throughputChart } from '../../scripts/bench/reportHtml';
import { latencyHistogram, percentile, summariseLatencies } from '../../scripts/bench/stats';

function result(benchmark: string, rows: BenchmarkResult['rows']): BenchmarkResult {
  return { benchmark, when: '2026-11-29T20:00:00.000Z', baselinePerSecond: 50, rows };
}

const row = (label: string, perSecond: number, extra: Partial<BenchmarkResult['rows'][number]> = {}): BenchmarkResult['rows'][number] => ({
  label,
  perSecond,
  ratio: perSecond / 50,
  p50Ms: 100,
  p90Ms: 200,
  p99Ms: 400,
  completed: 10,
  failed: 0,
  ...extra,
});

describe('benchmark statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).to.equal(50);
    expect(percentile(samples, 99)).to.equal(99);
    expect(percentile(samples, 100)).to.equal(100);
    expect(percentile([], 50)).to.equal(undefined);
  });

  it('counts latencies into 1-2-5 buckets with an overflow bucket', () => {
    const histogram = latencyHistogram([0.5, 1, 1.5, 7, 70_000], [1, 2, 5, 10]);
    expect(histogram.counts).to.deep.equal([2, 1, 0, 1, 1]);
    expect(histogram.boundsMs).to.deep.equal([1, 2, 5, 10]);
  });

  it('summarises samples into p50/p90/p99, max and a histogram holding every sample', () => {
    const summary = summariseLatencies(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect([summary.p50Ms, summary.p90Ms, summary.p99Ms, summary.maxMs]).to.deep.equal([500, 900, 990, 1000]);
    expect(summary.histogram.counts.reduce((a, b) => a + b, 0)).to.equal(1000);
    expect(summariseLatencies([]).p50Ms).to.equal(undefined);
  });
});

describe('benchmark targets', () => {
  it('meets a ratio target only at or above that multiple of the baseline', () => {
    const target = { ratio: 50 };
    expect(meetsTarget({ ...row('batched', 2500), target }, 50)).to.equal(true);
    expect(meetsTarget({ ...row('batched', 2499), target }, 50)).to.equal(false);
    expect(meetsTarget(row('untargeted', 1), 50)).to.equal(undefined);
  });

  it('needs every bound of a target, and fails a latency bound without a latency', () => {
    const target = { perSecond: 3000, p99Ms: 50 };
    expect(meetsTarget({ ...row('scan', 3500, { p99Ms: 40 }), target }, 50)).to.equal(true);
    expect(meetsTarget({ ...row('scan', 3500, { p99Ms: 60 }), target }, 50)).to.equal(false);
    expect(meetsTarget({ ...row('scan', 3500, { p99Ms: undefined }), target }, 50)).to.equal(false);
    expect(targetText(target)).to.equal('≥ 3000/s, p99 < 50 ms');
  });
});

describe('benchmark report page', () => {
  const baseline = result('baseline', [row('1 event/tx, c=8', 20, { concurrency: 8 }), row('1 event/tx, c=32', 50, { concurrency: 32 }), row('1 event/tx, c=64', 45, { concurrency: 64 })]);
  const scan = result('scan', [
    row('GET /01/{gtin}/21/{serial}, c=64', 3200, { concurrency: 64, p99Ms: 45, target: { perSecond: 3000, p99Ms: 50 }, met: true, histogram: latencyHistogram([3, 4, 40]) }),
    row('trace forward 5 hops <script>', 4, { p50Ms: 250, target: { p50Ms: 200 }, met: false }),
  ]);
  const html = renderReportHtml(mergeResults([scan, baseline], '2 cores (test)', '2026-11-29T20:10:00.000Z'));

  it('has a table row per measurement plus a header row per benchmark', () => {
    expect(html.match(/<tr>/g)).to.have.length(5 + 2);
    expect(html).to.contain('<strong class="met">met</strong>');
    expect(html).to.contain('<strong class="missed">missed</strong>');
  });

  it('draws one SVG per chart: throughput, latency per benchmark, histogram per row with samples', () => {
    expect(html.match(/<svg /g)).to.have.length(1 + 2 + 1);
    expect(throughputChart([scan, baseline])).to.match(/^<svg [^]*<\/svg>$/);
    expect(throughputChart([result('none', [row('no concurrency', 1)])])).to.equal(undefined);
    expect(latencyChart(result('empty', [row('no latency', 1, { p50Ms: undefined, p90Ms: undefined, p99Ms: undefined })]))).to.equal(undefined);
    expect(histogramChart('h', latencyHistogram([1, 2, 3])).match(/<rect /g)).to.have.length(16);
  });

  it('lists the baseline first, escapes labels and loads nothing from the network', () => {
    expect(html.indexOf('id="baseline"')).to.be.lessThan(html.indexOf('id="scan"'));
    expect(html).to.contain('&lt;script&gt;');
    expect(html).not.to.contain('<script');
    expect(html).not.to.match(/(src|href)="https?:/);
  });
});

describe('CPU profile summary', () => {
  // Tree: root(1) → a(2) → b(3); samples charge each sample's delta to its node.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4] },
      { id: 2, callFrame: { functionName: 'applyCustodyEvent', url: 'file:///repo/dist/chaincode/src/coldchain/custody.js', lineNumber: 22 }, children: [3] },
      { id: 3, callFrame: { functionName: 'parse', url: 'file:///repo/node_modules/zod/v4/core.js', lineNumber: 9 } },
      { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    ],
    samples: [2, 3, 3, 4, 3],
    timeDeltas: [1000, 2000, 2000, 5000, 1000],
    startTime: 0,
    endTime: 11000,
  };

  it('ranks functions by self time with their file and line', () => {
    const top = topSelfTime(profile, 2);
    expect(top.totalMs).to.equal(11);
    expect(top.functions.map((f) => [f.name, f.selfMs])).to.deep.equal([
      ['(idle)', 5],
      ['parse (~/zod/v4/core.js:10)', 5],
    ]);
  });

  it('reports shares of busy time, idle left out', () => {
    const text = formatTopSelfTime('chaincode', profile, 5);
    expect(text).to.contain('chaincode: 0.0 s profiled, 0.0 s busy (55%)');
    expect(text).to.match(/83\.3%\s+5 ms\s+parse/);
    expect(text).to.match(/16\.7%\s+1 ms\s+applyCustodyEvent \(dist\/chaincode\/src\/coldchain\/custody\.js:23\)/);
    expect(text).not.to.contain('(idle)');
  });
});
