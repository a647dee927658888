import { BLOCK_CUTTING } from '../../network/src/configtx';
import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { networkDown, networkUp } from '../../network/src/network';
import { step } from '../../network/src/progress';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { measureOneEventPerTransaction, report, type ThroughputRow } from './harness';

/**
 * The baseline every performance figure is a ratio of: one trace event per transaction through the
 * fabric-gateway client, at concurrency 1, 8 and 32, each for a bounded time, from a separate load
 * process, on a network of its own (profile `bench`). The peak is the baseline.
 */
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('bench'));
  await networkUp(layout, { store: false, gateway: false });
  try {
    const firm = await registerBenchEnterprise(layout);
    const rows: ThroughputRow[] = [];
    for (const concurrency of CONCURRENCY) {
      step('bench', `one event per transaction, concurrency ${concurrency}, ${SECONDS}s`);
      const row = await measureOneEventPerTransaction(layout, firm, concurrency, SECONDS);
      if (row.firstError) step('bench', `  ${row.failed} failed; first error: ${row.firstError}`);
      rows.push(row);
    }
    process.stdout.write(`\nBaseline: one trace event per transaction; BatchTimeout ${BLOCK_CUTTING.BatchTimeout}, MaxMessageCount ${BLOCK_CUTTING.BatchSize.MaxMessageCount}\n`);
    report('baseline', Math.max(...rows.map((r) => r.perSecond)), rows, { secondsPerLevel: SECONDS, blockCutting: BLOCK_CUTTING });
  } finally {
    await networkDown(layout);
  }
});
