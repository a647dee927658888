import path from 'node:path';
import { lotIdOf } from '../../model/src';
import type { EnrolledIdentity } from '../../network/src/ca';
import type { NetworkLayout } from '../../network/src/layout';
import { withContract } from '../../network/src/ledgerClient';
import { step } from '../../network/src/progress';
import { runLoadProcess, type ThroughputRow } from './harness';
import { summariseLatencies } from './stats';
import type { SubmitBatchLoadResult, SubmitBatchLoadSpec } from './submitBatchLoad';

const BENCH_GTIN = '09521234543213';

/** Creates `count` domestic lots of the producer, 16 in flight; returns their ids. */
export async function createBenchLots(layout: NetworkLayout, producer: EnrolledIdentity, count: number, runId: string): Promise<string[]> {
  const lotNumbers = Array.from({ length: count }, (_, i) => `B${runId}${i}`.slice(-20));
  await withContract(layout, producer, async (contract) => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < lotNumbers.length) {
        const lotNumber = lotNumbers[next++];
        await contract.submitTransaction(
          'coldchain:createLot',
          JSON.stringify({
            gtin: BENCH_GTIN,
            lotNumber,
            product: 'Frozen pork belly',
            category: 'frozen',
            lotType: 'domestic',
            originCountry: 'CN',
            producer: 'Benchmark Producer plant 1',
            quantity: 1000,
            unit: 'kg',
            productionDate: '2026-09-01',
            expiryDate: '2028-09-01',
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  });
  return lotNumbers.map((lotNumber) => lotIdOf(BENCH_GTIN, lotNumber));
}

export interface CustodyBatchLoad {
  concurrency: number;
  eventsPerTransaction: number;
  /** Lots each worker spreads its events over. */
  lotsPerWorker: number;
  seconds: number;
  /** Called as the load process starts (after the lots exist), e.g. to start a profiler. */
  onLoadStart?: () => void;
}

/**
 * Batched custody writes (`coldchain:recordCustodyBatch`, store events with every per-event check)
 * through the fabric-gateway client from a separate process. The row's rate is events per second;
 * its latencies are per transaction (submit to commit).
 */
export async function measureCustodyBatches(layout: NetworkLayout, producer: EnrolledIdentity, load: CustodyBatchLoad): Promise<ThroughputRow & { firstError?: string; transactionsPerSecond: number }> {
  const runId = Date.now().toString(36);
  step('bench', `creating ${load.concurrency * load.lotsPerWorker} lots for the custody batches`);
  const lots = await createBenchLots(layout, producer, load.concurrency * load.lotsPerWorker, runId);
  const peer = layout.peers.find((p) => p.org.mspId === producer.mspId) ?? layout.peers[0];
  const spec: SubmitBatchLoadSpec = {
    peerAddress: peer.address,
    peerTlsRootCert: path.join(peer.tlsDir, 'ca.crt'),
    identity: { mspId: producer.mspId, certificate: producer.certificate, privateKey: producer.privateKey },
    lotsPerWorker: Array.from({ length: load.concurrency }, (_, w) => lots.slice(w * load.lotsPerWorker, (w + 1) * load.lotsPerWorker)),
    eventsPerTransaction: load.eventsPerTransaction,
    seconds: load.seconds,
    runId: `cb-${runId}`,
  };
  step('bench', `custody batches of ${load.eventsPerTransaction} events, c=${load.concurrency}, ${load.seconds}s`);
  const running = runLoadProcess<SubmitBatchLoadResult>('submitBatchLoad.js', spec, load.seconds + 300);
  load.onLoadStart?.();
  const result = await running;
  const latency = summariseLatencies(result.latenciesMs);
  return {
    label: `custody batch ${load.eventsPerTransaction} events/tx, c=${load.concurrency}`,
    series: `custody batch ${load.eventsPerTransaction} events/tx`,
    concurrency: load.concurrency,
    perSecond: result.committedEvents / result.seconds,
    transactionsPerSecond: result.committedTransactions / result.seconds,
    p50Ms: latency.p50Ms,
    p90Ms: latency.p90Ms,
    p99Ms: latency.p99Ms,
    maxMs: latency.maxMs,
    histogram: latency.histogram,
    completed: result.committedEvents,
    failed: result.failed,
    firstError: result.firstError,
  };
}
