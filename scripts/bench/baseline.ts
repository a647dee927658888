import { NetworkLayout, profileNamed } from '../../network/src/layout';
import { runCommand } from '../cli';
import { registerBenchEnterprise } from './benchEnterprise';
import { measureBaseline, report, saveRunBaseline, withBenchNetwork } from './harness';

/**
 * The baseline every performance figure is a ratio of: the peak rate of one trace event per
 * transaction through the fabric-gateway client, best of concurrency 8, 32 and 64 (BENCH_BASELINE_SECONDS
 * each, default 10), from a separate load process, on the bench network with its block settings.
 * Under `npm run bench` it runs first and the later benchmarks of the run reuse its figure.
 */
runCommand(async () => {
  const layout = new NetworkLayout(profileNamed('bench'));
  await withBenchNetwork(layout, { store: false, gateway: false }, async () => {
    const firm = await registerBenchEnterprise(layout);
    const baseline = await measureBaseline(layout, firm);
    saveRunBaseline(baseline);
    const cutting = baseline.blockCutting as { BatchTimeout: string; BatchSize: { MaxMessageCount: number; PreferredMaxBytes: string } };
    process.stdout.write(
      `\nBaseline: one trace event per transaction, peak ${baseline.perSecond.toFixed(1)} tx/s at c=${baseline.concurrency}; ` +
        `BatchTimeout ${cutting.BatchTimeout}, MaxMessageCount ${cutting.BatchSize.MaxMessageCount}, PreferredMaxBytes ${cutting.BatchSize.PreferredMaxBytes}\n`,
    );
    report('baseline', baseline.perSecond, baseline.levels, { baselineConcurrency: baseline.concurrency });
  });
});
