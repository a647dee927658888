import { targetText, type BenchmarkResult, type ReportedRow } from './harness';
import type { LatencyHistogram } from './stats';

/**
 * The run report of `npm run bench`: every benchmark's bench-results/<name>.json merged
 * (report.json), and a self-contained HTML page of it (report.html) with inline SVG charts and no
 * network resources, so it can be mailed or archived as one file.
 */
export interface RunReport {
  generated: string;
  /** Free text about where the figures come from (machine, load). */
  machine: string;
  benchmarks: BenchmarkResult[];
}

export function mergeResults(results: BenchmarkResult[], machine: string, generated = new Date().toISOString()): RunReport {
  return { generated, machine, benchmarks: [...results].sort((a, b) => (a.benchmark === 'baseline' ? -1 : b.benchmark === 'baseline' ? 1 : a.benchmark.localeCompare(b.benchmark))) };
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const num = (n: number | undefined, digits = 0): string => (n === undefined || !Number.isFinite(n) ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const COLOURS = ['#1b6ca8', '#d1495b', '#2a9d8f', '#e9a03b', '#6a4c93', '#577590', '#8ab17d', '#bc6c25'];

/** A row's series name: its own, or its label without the concurrency part. */
export function seriesOf(row: ReportedRow): string {
  return row.series ?? row.label.replace(/,?\s*c=\d+/, '').trim();
}

function tableOf(result: BenchmarkResult): string {
  const head = '<tr><th>measurement</th><th>per s</th><th>ratio to baseline</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>completed</th><th>failed</th><th>target</th></tr>';
  const body = result.rows
    .map((row) => {
      const verdict = row.target ? `${escape(targetText(row.target))}: <strong class="${row.met ? 'met' : 'missed'}">${row.met ? 'met' : 'missed'}</strong>` : '';
      return `<tr><td>${escape(row.label)}</td><td>${num(row.perSecond, 1)}</td><td>${num(row.ratio, 2)}×</td><td>${num(row.p50Ms)}</td><td>${num(row.p90Ms)}</td><td>${num(row.p99Ms)}</td><td>${num(row.completed)}</td><td>${num(row.failed)}</td><td>${verdict}</td></tr>`;
    })
    .join('\n');
  return `<table>\n${head}\n${body}\n</table>`;
}

interface Point {
  x: number;
  y: number;
}

/** Nice round axis ticks from 0 to at least `max`. */
function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const list: number[] = [];
  for (let t = 0; t < max + step; t += step) list.push(Number(t.toPrecision(6)));
  return list;
}

/**
 * Throughput against concurrency, one line per series, concurrency on a log-2 axis. Undefined when
 * no row of these results has a concurrency.
 */
export function throughputChart(results: BenchmarkResult[]): string | undefined {
  const series = new Map<string, Point[]>();
  for (const result of results) {
    for (const row of result.rows) {
      if (row.concurrency === undefined || row.concurrency <= 0) continue;
      const name = `${result.benchmark}: ${seriesOf(row)}`;
      series.set(name, [...(series.get(name) ?? []), { x: row.concurrency, y: row.perSecond }]);
    }
  }
  if (series.size === 0) return undefined;
  const width = 720;
  const height = 340;
  const left = 70;
  const right = 20;
  const top = 20;
  const bottom = 50;
  const all = [...series.values()].flat();
  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const lx = (x: number): number => Math.log2(x);
  const xMin = lx(xs[0]);
  const xMax = lx(xs[xs.length - 1]);
  const yTicks = ticks(Math.max(...all.map((p) => p.y)));
  const yMax = yTicks[yTicks.length - 1];
  const px = (x: number): number => left + (xMax === xMin ? (width - left - right) / 2 : ((lx(x) - xMin) / (xMax - xMin)) * (width - left - right));
  const py = (y: number): number => top + (1 - y / yMax) * (height - top - bottom);
  const parts: string[] = [];
  for (const t of yTicks) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end">${num(t)}</text>`);
  }
  for (const x of xs) {
    parts.push(`<text x="${px(x).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle">${x}</text>`);
  }
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle">concurrency (log scale)</text>`);
  parts.push(`<text x="14" y="${(top + height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(top + height - bottom) / 2})">per second</text>`);
  [...series.entries()].forEach(([name, points], i) => {
    const colour = COLOURS[i % COLOURS.length];
    const sorted = [...points].sort((a, b) => a.x - b.x);
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${sorted.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}"/>`);
    for (const p of sorted) parts.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3.5" fill="${colour}"><title>${escape(name)}: ${num(p.y, 1)}/s at c=${p.x}</title></circle>`);
    parts.push(`<rect x="${left + 10}" y="${top + 4 + i * 16}" width="10" height="10" fill="${colour}"/><text x="${left + 26}" y="${top + 13 + i * 16}">${escape(name)}</text>`);
  });
  return `<svg class="chart" role="img" aria-label="throughput against concurrency" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** p50/p90/p99 bars per row on a log-10 millisecond axis. Undefined when no row has latencies. */
export function latencyChart(result: BenchmarkResult): string | undefined {
  const rows = result.rows.filter((row) => row.p50Ms !== undefined || row.p99Ms !== undefined);
  if (rows.length === 0) return undefined;
  const labelWidth = 330;
  const width = 760;
  const barHeight = 7;
  const rowHeight = 3 * barHeight + 10;
  const top = 24;
  const height = top + rows.length * rowHeight + 30;
  const values = rows.flatMap((r) => [r.p50Ms, r.p90Ms, r.p99Ms]).filter((v): v is number => v !== undefined && v > 0);
  const decadeMin = Math.floor(Math.log10(Math.min(...values, 1)));
  const decadeMax = Math.max(decadeMin + 1, Math.ceil(Math.log10(Math.max(...values, 1))));
  const px = (ms: number): number => labelWidth + ((Math.log10(Math.max(ms, 10 ** decadeMin)) - decadeMin) / (decadeMax - decadeMin)) * (width - labelWidth - 50);
  const parts: string[] = [];
  for (let d = decadeMin; d <= decadeMax; d++) {
    const x = px(10 ** d).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${top - 6}" y2="${height - 26}" class="grid"/><text x="${x}" y="${height - 12}" text-anchor="middle">${num(10 ** d)} ms</text>`);
  }
  const kinds = [
    ['p50', '#2a9d8f'],
    ['p90', '#e9a03b'],
    ['p99', '#d1495b'],
  ] as const;
  kinds.forEach(([kind, colour], i) => parts.push(`<rect x="${labelWidth + i * 60}" y="4" width="10" height="10" fill="${colour}"/><text x="${labelWidth + 14 + i * 60}" y="13">${kind}</text>`));
  rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    // Middle ellipsis: a label's start and end both tell rows apart (settings …, … batch size).
    const label = row.label.length > 50 ? `${row.label.slice(0, 22)}…${row.label.slice(-27)}` : row.label;
    parts.push(`<text x="${labelWidth - 8}" y="${y + rowHeight / 2}" text-anchor="end">${escape(label)}</text>`);
    kinds.forEach(([kind, colour], k) => {
      const value = kind === 'p50' ? row.p50Ms : kind === 'p90' ? row.p90Ms : row.p99Ms;
      if (value === undefined) return;
      const x0 = labelWidth;
      parts.push(`<rect x="${x0}" y="${y + k * barHeight}" width="${Math.max(1, px(value) - x0).toFixed(1)}" height="${barHeight - 1}" fill="${colour}"><title>${escape(row.label)} ${kind} ${num(value)} ms</title></rect>`);
    });
  });
  return `<svg class="chart" role="img" aria-label="latency percentiles of ${escape(result.benchmark)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** A row's latency histogram as bars, one per bucket, labelled by the bucket's upper bound. */
export function histogramChart(label: string, histogram: LatencyHistogram): string {
  const width = 460;
  const height = 150;
  const left = 10;
  const bottom = 30;
  const top = 18;
  const counts = histogram.counts;
  const max = Math.max(...counts, 1);
  const slot = (width - 2 * left) / counts.length;
  const parts: string[] = [`<text x="${left}" y="12">${escape(label)}</text>`];
  counts.forEach((count, i) => {
    const h = (count / max) * (height - top - bottom);
    const x = left + i * slot;
    const bound = i < histogram.boundsMs.length ? `≤${histogram.boundsMs[i] >= 1000 ? `${histogram.boundsMs[i] / 1000}s` : histogram.boundsMs[i]}` : '>';
    parts.push(`<rect x="${(x + 1).toFixed(1)}" y="${(height - bottom - h).toFixed(1)}" width="${(slot - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="#1b6ca8"><title>${bound} ms: ${count}</title></rect>`);
    parts.push(`<text x="${(x + slot / 2).toFixed(1)}" y="${height - bottom + 12}" text-anchor="middle" class="small">${bound}</text>`);
  });
  parts.push(`<text x="${width / 2}" y="${height - 4}" text-anchor="middle" class="small">latency bucket (ms); bar height = count</text>`);
  return `<svg class="chart hist" role="img" aria-label="latency histogram of ${escape(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

function notesOf(result: BenchmarkResult): string {
  const skip = new Set(['benchmark', 'when', 'baselinePerSecond', 'rows']);
  const entries = Object.entries(result).filter(([key]) => !skip.has(key));
  if (entries.length === 0) return '';
  return `<details><summary>settings and notes</summary><pre>${escape(JSON.stringify(Object.fromEntries(entries), null, 2))}</pre></details>`;
}

/**
 * What a benchmark's ratios are taken to: the run's Fabric baseline, unless the benchmark names a
 * baseline row of its own (`baselineLabel`: the store benchmark, which runs no Fabric).
 */
export function baselineSentence(result: BenchmarkResult): string {
  if (typeof result.baselineLabel === 'string') {
    return `Ratios are to this benchmark's own baseline row: <strong>${num(result.baselinePerSecond, 1)}/s</strong> (${escape(result.baselineLabel)}).`;
  }
  return `Baseline of this run: <strong>${num(result.baselinePerSecond, 1)} tx/s</strong> (peak of one event per transaction).`;
}

/** The whole report as one HTML document. */
export function renderReportHtml(report: RunReport): string {
  const sections = report.benchmarks.map((result) => {
    const latency = latencyChart(result);
    const histograms = result.rows.filter((row) => row.histogram && row.histogram.counts.some((c) => c > 0)).map((row) => histogramChart(row.label, row.histogram as LatencyHistogram));
    return [
      `<section id="${escape(result.benchmark)}">`,
      `<h2>${escape(result.benchmark)}</h2>`,
      `<p>${baselineSentence(result)} Measured ${escape(result.when)}.</p>`,
      tableOf(result),
      latency ? `<h3>Latency percentiles</h3>\n${latency}` : '',
      histograms.length > 0 ? `<details><summary>Latency histograms (${histograms.length})</summary>\n${histograms.join('\n')}\n</details>` : '',
      notesOf(result),
      '</section>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const throughput = throughputChart(report.benchmarks);
  const missed = report.benchmarks.flatMap((b) => b.rows.filter((r) => r.met === false).map((r) => `${b.benchmark}: ${r.label}`));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>traceledger benchmark report ${escape(report.generated)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: right; }
th:first-child, td:first-child, td:last-child { text-align: left; }
.met { color: #1d7a3a; } .missed { color: #b3261e; }
svg.chart { display: block; margin: .5rem 0; font: 11px system-ui, sans-serif; }
svg .grid { stroke: #e4e4e4; } svg .small { font-size: 9px; }
pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>traceledger benchmark report</h1>
<p>Generated ${escape(report.generated)}. ${escape(report.machine)}</p>
<p>Every figure is compared with the baseline measured in the same run: the peak rate of one event per transaction through the fabric-gateway client (best of concurrency 8/32/64) on the same network and block settings.</p>
${missed.length > 0 ? `<p><strong class="missed">Targets missed (${missed.length}):</strong> ${missed.map(escape).join('; ')}</p>` : ''}
${throughput ? `<h2>Throughput against concurrency</h2>\n${throughput}` : ''}
${sections.join('\n')}
</body>
</html>
`;
}
