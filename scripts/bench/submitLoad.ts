import { CHAINCODE_NAME, CHANNEL_NAME } from '../../model/src';
import { connectPeer, openGateway, type ClientIdentityFiles } from '../../gateway/src/fabric';
import { TLS_SERVER_NAME } from '../../network/src/layout';
import fs from 'node:fs';
import { runAsLoadProcess, SubmitTally } from './submitTally';

/**
 * Load process for benchmarks: submits one trace event per transaction through the fabric-gateway
 * client at a fixed concurrency for a bounded time, and prints one JSON line of results. Runs as its
 * own process so that the measuring script does not share its event loop with the load.
 */
export interface SubmitLoadSpec {
  peerAddress: string;
  peerTlsRootCert: string;
  identity: ClientIdentityFiles;
  concurrency: number;
  seconds: number;
  runId: string;
}

export interface SubmitLoadResult {
  concurrency: number;
  seconds: number;
  committed: number;
  failed: number;
  latenciesMs: number[];
  firstError?: string;
}

async function main(): Promise<SubmitLoadResult> {
  const spec = JSON.parse(process.argv[2]) as SubmitLoadSpec;
  const client = connectPeer({ address: spec.peerAddress, tlsRootCert: fs.readFileSync(spec.peerTlsRootCert), tlsServerName: TLS_SERVER_NAME });
  const gateway = openGateway(client, spec.identity);
  const contract = gateway.getNetwork(CHANNEL_NAME).getContract(CHAINCODE_NAME);
  const tally = new SubmitTally();
  let sequence = 0;
  const started = Date.now();
  const deadline = started + spec.seconds * 1000;

  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const n = sequence++;
      const event = {
        eventId: `${spec.runId}-${n}`,
        subjectId: `bench/${spec.runId}/${n}`,
        bizStep: 'storing',
        eventTime: new Date().toISOString(),
        details: { temperatureC: -18.5 },
      };
      await tally.submit(contract, 'trace:recordEvent', [JSON.stringify(event)]);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  gateway.close();
  client.close();
  return {
    concurrency: spec.concurrency,
    seconds: (Date.now() - started) / 1000,
    committed: tally.latenciesMs.length,
    failed: tally.failed,
    latenciesMs: tally.latenciesMs,
    firstError: tally.firstError,
  };
}

runAsLoadProcess(main);
