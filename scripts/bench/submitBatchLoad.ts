import fs from 'node:fs';
import { CHAINCODE_NAME, CHANNEL_NAME } from '../../model/src';
import { connectPeer, openGateway, type ClientIdentityFiles } from '../../gateway/src/fabric';
import { TLS_SERVER_NAME } from '../../network/src/layout';
import { runAsLoadProcess, SubmitTally } from './submitTally';

/**
 * Load process for batched writes: each worker submits `coldchain:recordCustodyBatch` transactions of
 * `eventsPerTransaction` store events spread over its own lots (no two workers touch one lot, so no
 * MVCC conflicts), for a bounded time, and prints one JSON line. Runs as its own process so that the
 * measuring script does not share its event loop with the load.
 */
export interface SubmitBatchLoadSpec {
  peerAddress: string;
  peerTlsRootCert: string;
  identity: ClientIdentityFiles;
  /** One list of lot ids per worker; the worker count is the concurrency. */
  lotsPerWorker: string[][];
  eventsPerTransaction: number;
  seconds: number;
  runId: string;
}

export interface SubmitBatchLoadResult {
  concurrency: number;
  seconds: number;
  committedTransactions: number;
  committedEvents: number;
  failed: number;
  latenciesMs: number[];
  firstError?: string;
}

const STORE_LOCATION = { address: 'Benchmark cold store, 1 Bench Rd', region: '330100', latitude: 30.27, longitude: 120.15 };

async function main(): Promise<SubmitBatchLoadResult> {
  const spec = JSON.parse(process.argv[2]) as SubmitBatchLoadSpec;
  const client = connectPeer({ address: spec.peerAddress, tlsRootCert: fs.readFileSync(spec.peerTlsRootCert), tlsServerName: TLS_SERVER_NAME });
  // Large batches commit in many seconds under load: wait for them rather than count them failed.
  const gateway = openGateway(client, spec.identity, { evaluateMs: 30_000, endorseMs: 120_000, submitMs: 60_000, commitStatusMs: 300_000 });
  const contract = gateway.getNetwork(CHANNEL_NAME).getContract(CHAINCODE_NAME);
  const tally = new SubmitTally();
  const started = Date.now();
  const deadline = started + spec.seconds * 1000;

  const worker = async (lots: string[], w: number): Promise<void> => {
    let n = 0;
    while (Date.now() < deadline) {
      // A second in the past: event times may not be ahead of the transaction's time.
      const eventTime = new Date(Date.now() - 1000).toISOString();
      const events = Array.from({ length: spec.eventsPerTransaction }, (_, i) => ({
        eventId: `${spec.runId}-w${w}-${n}-${i}`,
        action: 'store',
        lotId: lots[i % lots.length],
        eventTime,
        location: STORE_LOCATION,
      }));
      n++;
      await tally.submit(contract, 'coldchain:recordCustodyBatch', [JSON.stringify({ events })], events.length);
    }
  };
  await Promise.all(spec.lotsPerWorker.map(worker));
  gateway.close();
  client.close();
  return {
    concurrency: spec.lotsPerWorker.length,
    seconds: (Date.now() - started) / 1000,
    committedTransactions: tally.latenciesMs.length,
    committedEvents: tally.committedEvents,
    failed: tally.failed,
    latenciesMs: tally.latenciesMs,
    firstError: tally.firstError,
  };
}

runAsLoadProcess(main);
