import type { Contract } from '@hyperledger/fabric-gateway';
import fs from 'node:fs';
import { CHAINCODE_NAME, CHANNEL_NAME, type EventLocation } from '../../model/src';
import { connectPeer, openGateway, type ClientIdentityFiles } from '../../gateway/src/fabric';
import { TLS_SERVER_NAME } from '../../network/src/layout';
import { loadSpecArgument } from './harness';
import { runAsLoadProcess, SubmitTally } from './submitTally';

/**
 * Load process of the cold-chain benchmark: workers pass their own lots back and forth between two
 * enterprises — A ships, B receives, B ships back, A receives — through the fabric-gateway client,
 * `batchSize` custody events per transaction (`coldchain:recordCustodyBatch`), or one per transaction
 * (`coldchain:recordCustody`) when `batchSize` is 1. A worker checks the deadline only after a whole
 * round, so every lot is back with A when the process ends. Prints one JSON line of results.
 */
export interface LoadIdentity {
  enterpriseId: string;
  peerAddress: string;
  peerTlsRootCert: string;
  identity: ClientIdentityFiles;
}

export interface CustodyLoadSpec {
  a: LoadIdentity & { location: EventLocation };
  b: LoadIdentity & { location: EventLocation };
  /** `concurrency × batchSize` lots held by A; worker i uses the i-th slice of `batchSize`. */
  lots: string[];
  quantity: number;
  concurrency: number;
  batchSize: number;
  seconds: number;
  runId: string;
  /** Event time of the first step; each transaction of a worker is `stepMs` later than its previous one. */
  clockStartMs: number;
  stepMs: number;
}

export interface CustodyLoadResult {
  seconds: number;
  committedTransactions: number;
  committedEvents: number;
  failed: number;
  latenciesMs: number[];
  /** The latest event time used, so the next level starts after it. */
  clockEndMs: number;
  /** Lots of workers that stopped on an error, in an unknown state: not to be used again. */
  strandedLots: string[];
  firstError?: string;
}

const offset8 = 8 * 3_600_000;
const eventTime = (millis: number): string => `${new Date(millis + offset8).toISOString().slice(0, 19)}+08:00`;

async function main(): Promise<CustodyLoadResult> {
  const spec = loadSpecArgument<CustodyLoadSpec>();
  const open = (who: LoadIdentity): { contract: Contract; close: () => void } => {
    const client = connectPeer({ address: who.peerAddress, tlsRootCert: fs.readFileSync(who.peerTlsRootCert), tlsServerName: TLS_SERVER_NAME });
    const gateway = openGateway(client, who.identity);
    return { contract: gateway.getNetwork(CHANNEL_NAME).getContract(CHAINCODE_NAME), close: () => { gateway.close(); client.close(); } };
  };
  const sideA = open(spec.a);
  const sideB = open(spec.b);
  const tally = new SubmitTally();
  let clockEndMs = spec.clockStartMs;
  const strandedLots: string[] = [];
  const started = Date.now();
  const deadline = started + spec.seconds * 1000;

  const submit = (contract: Contract, events: object[]): Promise<boolean> =>
    events.length === 1
      ? tally.submit(contract, 'coldchain:recordCustody', [JSON.stringify(events[0])])
      : tally.submit(contract, 'coldchain:recordCustodyBatch', [JSON.stringify({ events })], events.length);

  const worker = async (w: number): Promise<void> => {
    const lots = spec.lots.slice(w * spec.batchSize, (w + 1) * spec.batchSize);
    let clock = spec.clockStartMs;
    let round = 0;
    const steps = [
      { by: sideA, from: spec.a, to: spec.b, action: 'ship' },
      { by: sideB, from: spec.a, to: spec.b, action: 'receive' },
      { by: sideB, from: spec.b, to: spec.a, action: 'ship' },
      { by: sideA, from: spec.b, to: spec.a, action: 'receive' },
    ] as const;
    while (Date.now() < deadline) {
      for (const [s, step] of steps.entries()) {
        const time = eventTime(clock);
        const events = lots.map((lotId, k) => {
          const eventId = `${spec.runId}-w${w}r${round}s${s}-${k}`;
          return step.action === 'ship'
            ? { eventId, action: 'ship', lotId, eventTime: time, location: step.from.location, to: step.to.enterpriseId, quantity: spec.quantity }
            : { eventId, action: 'receive', lotId, eventTime: time, location: step.to.location, decision: 'accept', quantity: spec.quantity };
        });
        if (!(await submit(step.by.contract, events))) {
          strandedLots.push(...lots);
          return;
        }
        clockEndMs = Math.max(clockEndMs, clock);
        clock += spec.stepMs;
      }
      round++;
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, (_, w) => worker(w)));
  sideA.close();
  sideB.close();
  return {
    seconds: (Date.now() - started) / 1000,
    committedTransactions: tally.latenciesMs.length,
    committedEvents: tally.committedEvents,
    failed: tally.failed,
    latenciesMs: tally.latenciesMs,
    clockEndMs,
    strandedLots,
    firstError: tally.firstError,
  };
}

runAsLoadProcess(main);
