import { BLOCK_CUTTING, blockCutting } from '../../network/src/configtx';
import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { networkDown, networkReset, networkUp } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { BENCH_PRODUCER, registerBenchEnterprise } from './benchEnterprise';
import { measureCustodyBatches } from './custodyBatches';
import { measureBaseline, report, type ThroughputRow } from './harness';

/**
 * Block cutting: the effect of the orderer's BatchTimeout, MaxMessageCount and PreferredMaxBytes on
 * the baseline (one event per transaction, best of c=8/32/64) and on batched custody writes. Every
 * setting gets a fresh network (the settings are fixed when the channel is created), its own baseline,
 * and its batched run; ratios are to that network's baseline. BENCH_BLOCKS_SECONDS per level (default
 * 5); BENCH_BLOCKS_CELLS picks settings, e.g. `100ms/100,250ms/1000/512 KB`.
 */
interface Cell {
  batchTimeout: string;
  maxMessageCount: number;
  preferredMaxBytes: string;
  eventsPerTransaction: number;
}

const DEFAULT_PREFERRED = BLOCK_CUTTING.BatchSize.PreferredMaxBytes;
const MATRIX: Cell[] = [
  ...['100ms', '250ms', '500ms'].flatMap((batchTimeout) =>
    [100, 1000].map((maxMessageCount) => ({ batchTimeout, maxMessageCount, preferredMaxBytes: DEFAULT_PREFERRED, eventsPerTransaction: 200 })),
  ),
  ...['512 KB', '2 MB'].map((preferredMaxBytes) => ({ batchTimeout: '250ms', maxMessageCount: 1000, preferredMaxBytes, eventsPerTransaction: 1000 })),
];

function selectedCells(): Cell[] {
  const wanted = process.env.BENCH_BLOCKS_CELLS;
  if (!wanted) return MATRIX;
  return wanted.split(',').map((spec) => {
    const [batchTimeout, count, preferred, events] = spec.split('/');
    return { batchTimeout, maxMessageCount: Number(count), preferredMaxBytes: preferred ?? DEFAULT_PREFERRED, eventsPerTransaction: Number(events ?? (preferred ? 1000 : 200)) };
  });
}

const SECONDS = Number(process.env.BENCH_BLOCKS_SECONDS ?? 5);
const BATCH_CONCURRENCY = Number(process.env.BENCH_BLOCKS_BATCH_CONCURRENCY ?? 8);

runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('bench'));
  const rows: ThroughputRow[] = [];
  const summary: string[] = [];
  let defaultBaseline: number | undefined;
  for (const cell of selectedCells()) {
    process.env.TRACELEDGER_BATCH_TIMEOUT = cell.batchTimeout;
    process.env.TRACELEDGER_MAX_MESSAGE_COUNT = String(cell.maxMessageCount);
    process.env.TRACELEDGER_PREFERRED_MAX_BYTES = cell.preferredMaxBytes;
    const name = `timeout ${cell.batchTimeout}, max ${cell.maxMessageCount} msgs, preferred ${blockCutting().BatchSize.PreferredMaxBytes}`;
    step('blocks', `${name}: fresh network`);
    await networkReset(layout);
    try {
      await networkUp(layout, { store: false, gateway: false });
      const coldStore = await registerBenchEnterprise(layout);
      const producer = await registerBenchEnterprise(layout, BENCH_PRODUCER);
      const baseline = await measureBaseline(layout, coldStore, { seconds: SECONDS });
      const batched = await measureCustodyBatches(layout, producer, { concurrency: BATCH_CONCURRENCY, eventsPerTransaction: cell.eventsPerTransaction, lotsPerWorker: 10, seconds: SECONDS + 3 });
      if (batched.firstError) step('blocks', `  ${batched.failed} batches failed; first error: ${batched.firstError}`);
      const best = baseline.levels.find((level) => level.concurrency === baseline.concurrency) as ThroughputRow;
      // No concurrency or series on these rows: one point per network would clutter the report's chart.
      rows.push({ ...best, concurrency: undefined, series: undefined, label: `${name}: baseline (1 event/tx, peak at c=${baseline.concurrency})`, baselinePerSecond: baseline.perSecond });
      rows.push({
        ...batched,
        concurrency: undefined,
        series: undefined,
        label: `${name}: custody batch ${cell.eventsPerTransaction} events/tx, c=${BATCH_CONCURRENCY} (events/s; ${batched.transactionsPerSecond.toFixed(1)} tx/s)`,
        baselinePerSecond: baseline.perSecond,
      });
      summary.push(
        `${name.padEnd(48)} baseline ${baseline.perSecond.toFixed(1).padStart(6)} tx/s (c=${baseline.concurrency}, p50/p99 ${best.p50Ms?.toFixed(0)}/${best.p99Ms?.toFixed(0)} ms)  ` +
          `batched ${batched.perSecond.toFixed(0).padStart(6)} events/s = ${(batched.perSecond / baseline.perSecond).toFixed(1)}× (p50/p99 ${batched.p50Ms?.toFixed(0)}/${batched.p99Ms?.toFixed(0)} ms per tx)`,
      );
      if (cell.batchTimeout === BLOCK_CUTTING.BatchTimeout && cell.maxMessageCount === BLOCK_CUTTING.BatchSize.MaxMessageCount && cell.preferredMaxBytes === DEFAULT_PREFERRED) {
        defaultBaseline = baseline.perSecond;
      }
      defaultBaseline ??= baseline.perSecond;
    } finally {
      await networkDown(layout);
    }
  }
  process.stdout.write(`\nBlock cutting matrix (${SECONDS}s per baseline level, ${SECONDS + 3}s of batches; each setting on a fresh network, ratios to its own baseline):\n${summary.join('\n')}\n`);
  report('blocks', defaultBaseline ?? 1, rows, { secondsPerLevel: SECONDS, batchConcurrency: BATCH_CONCURRENCY, blockCutting: 'per row (see labels)' });
});
