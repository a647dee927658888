import { EndorseError } from '@hyperledger/fabric-gateway';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { lotIdOf } from '../../../model/src';
import type { NetworkLayout } from '../../../network/src/layout';
import { chainEnterprises, type ChainEnterprise } from './chainEnterprises';

/**
 * Data generator for benchmarks: builds cold-chain volume through the batch paths of the real
 * chaincode (createLotBatch, recordCustodyBatch), so every event passes the same checks a live one
 * does. Each lot travels a 5-hop chain producer → port cold store → cold store → wholesaler →
 * distributor → retailer, shipped by its custodian and received by the next station (10 custody
 * events per lot). A share of the chains split at every station (a 5-level lineage) and the
 * split-off remainders meet in merges at the wholesaler, so traces cross lineage.
 */
export interface VolumeOptions {
  /** Lots to create (each adds 2 custody events per hop). Default: 100,000 lots × 5 hops = 1,000,000 events. */
  lots: number;
  /** Share of chains that split at every station (and merge their remainders). */
  lineageShare: number;
  /** Lots per transaction (createLotBatch) and events per transaction (recordCustodyBatch). */
  batchSize: number;
  /** Lots moved through all hops together; waves run `parallelWaves` at a time. */
  waveSize: number;
  parallelWaves: number;
  /** Transactions in flight per wave step. */
  concurrency: number;
  /** Custody hops per chain (0–5); each adds a shipment and a receipt per lot (0: lots only). */
  hops: number;
}

export const FULL_VOLUME_LOTS = 100_000;

/** Options from the environment (`GEN_LOTS`, `GEN_LINEAGE_SHARE`, ...), defaulting to the full volume. */
export function volumeOptionsFromEnv(env = process.env): VolumeOptions {
  return {
    lots: Number(env.GEN_LOTS ?? FULL_VOLUME_LOTS),
    lineageShare: Number(env.GEN_LINEAGE_SHARE ?? 0.01),
    batchSize: Number(env.GEN_BATCH_SIZE ?? 500),
    waveSize: Number(env.GEN_WAVE_SIZE ?? 5_000),
    parallelWaves: Number(env.GEN_PARALLEL_WAVES ?? 3),
    concurrency: Number(env.GEN_CONCURRENCY ?? 8),
    hops: Number(env.GEN_HOPS ?? 5),
  };
}

export interface GeneratedVolume {
  lots: number;
  custodyEvents: number;
  splits: number;
  merges: number;
  transactions: number;
  seconds: number;
  /** Lots at the start of a lineage chain (trace forward from them goes 5 levels deep). */
  lineageRoots: string[];
  /** The last lot of each lineage chain and the merged lots (trace back from them crosses lineage). */
  lineageLeaves: string[];
  /** Every lot created or derived, for spreading reads over many keys. */
  allLots: string[];
}

const GTIN = '09521234543213';
const PRODUCT = { gtin: GTIN, product: 'Frozen pork belly', category: 'frozen', lotType: 'domestic', originCountry: 'CN', producer: 'Jinhua meat plant SC1234', unit: 'kg', productionDate: '2026-10-01', expiryDate: '2028-10-01', assurance: 'scanned' } as const;
const QUANTITY = 1024;
/** Endorsement attempts per generated transaction (see `submit`). */
const ENDORSE_ATTEMPTS = 5;

/** Runs `jobs` with at most `limit` in flight. */
async function inParallel(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

/** Event times only move forward: one logical clock, one second per step, ending before now. */
class EventClock {
  #ms: number;
  constructor(steps: number) {
    this.#ms = Math.floor(Date.now() / 1000) * 1000 - steps * 1000 - 60_000;
  }
  next(): string {
    this.#ms += 1000;
    return new Date(this.#ms).toISOString().replace('.000Z', 'Z');
  }
}

export async function generateColdChainVolume(layout: NetworkLayout, options: VolumeOptions, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<GeneratedVolume> {
  const started = Date.now();
  const { stations: allStations, close } = await chainEnterprises(layout);
  const stations = allStations.slice(0, Math.max(0, Math.min(options.hops, allStations.length - 1)) + 1);
  const run = Date.now().toString(36).slice(-5).toUpperCase();
  const waves = Math.ceil(options.lots / options.waveSize);
  const clock = new EventClock(waves * 40);
  const bars = new MultiBar({ format: '{label} |{bar}| {value}/{total} {unit} {rate}/s eta {eta_formatted}', hideCursor: true, clearOnComplete: false, stopOnComplete: false, noTTYOutput: true, notTTYSchedule: 10_000 }, Presets.shades_classic);
  const labels = new Map<SingleBar, { label: string; unit: string }>();
  const bar = (label: string, total: number, unit: string): SingleBar => {
    const created = bars.create(total, 0, { label: label.padEnd(14), unit, rate: '0' });
    created.setTotal(total);
    labels.set(created, { label: label.padEnd(14), unit });
    return created;
  };
  const lotsBar = bar('lots', options.lots, 'lots');
  const eventsBar = bar('custody events', options.lots * 2 * (stations.length - 1), 'events');
  const rate = (b: SingleBar, value: number): void => b.update(value, { ...labels.get(b), rate: (value / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
  const totals = { lots: 0, events: 0, splits: 0, merges: 0, transactions: 0 };
  const result: GeneratedVolume = { lots: 0, custodyEvents: 0, splits: 0, merges: 0, transactions: 0, seconds: 0, lineageRoots: [], lineageLeaves: [], allLots: [] };
  let derived = 0;

  const submit = async (station: ChainEnterprise, fn: string, arg: unknown): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await station.contract.submitTransaction(fn, JSON.stringify(arg));
        break;
      } catch (error) {
        // Endorsement failed (nothing was ordered): under full load another org's peer may not yet have
        // committed the block that made the lot this transaction names. Try again a little later.
        if (!(error instanceof EndorseError) || attempt >= ENDORSE_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
    totals.transactions++;
  };
  const chunksOf = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / options.batchSize) }, (_, i) => items.slice(i * options.batchSize, (i + 1) * options.batchSize));

  const runWave = async (wave: number): Promise<void> => {
    const count = Math.min(options.waveSize, options.lots - wave * options.waveSize);
    const numbers = Array.from({ length: count }, (_, i) => `G${run}${(wave * options.waveSize + i).toString(36).toUpperCase()}`);
    await inParallel(chunksOf(numbers).map((chunk) => async () => {
      await submit(stations[0], 'coldchain:createLotBatch', { lots: chunk.map((lotNumber) => ({ ...PRODUCT, lotNumber, quantity: QUANTITY })) });
      totals.lots += chunk.length;
      rate(lotsBar, totals.lots);
    }), options.concurrency);
    /** The lot each chain moves on; lineage chains move the split-off child instead. */
    const moving = numbers.map((n) => ({ lotId: lotIdOf(GTIN, n), quantity: QUANTITY }));
    const lineageChains = moving.slice(0, Math.round(count * options.lineageShare));
    result.lineageRoots.push(...lineageChains.map((c) => c.lotId));
    result.allLots.push(...moving.map((c) => c.lotId));
    for (let hop = 0; hop < stations.length - 1; hop++) {
      const holder = stations[hop];
      const receiver = stations[hop + 1];
      if (lineageChains.length > 0) {
        const splitTime = clock.next();
        const remainders: string[] = [];
        await inParallel(lineageChains.map((chain) => async () => {
          const keep = Math.floor(chain.quantity / 2);
          const [onward, rest] = [`D${run}${(derived++).toString(36).toUpperCase()}`, `D${run}${(derived++).toString(36).toUpperCase()}`];
          await submit(holder, 'coldchain:splitLot', {
            eventId: `gen-split-${onward}`, lotId: chain.lotId, eventTime: splitTime, location: holder.location, assurance: 'scanned',
            children: [{ lotNumber: onward, quantity: chain.quantity - keep }, { lotNumber: rest, quantity: keep }],
          });
          totals.splits++;
          chain.lotId = lotIdOf(GTIN, onward);
          chain.quantity -= keep;
          remainders.push(lotIdOf(GTIN, rest));
          result.allLots.push(lotIdOf(GTIN, onward), lotIdOf(GTIN, rest));
        }), 32);
        if (hop === 3) {
          // The wholesaler combines pairs of split-off remainders of different chains.
          const mergeTime = clock.next();
          const pairs = Array.from({ length: Math.floor(remainders.length / 2) }, (_, i) => [remainders[2 * i], remainders[2 * i + 1]]);
          await inParallel(pairs.map((pair) => async () => {
            const merged = `M${run}${(derived++).toString(36).toUpperCase()}`;
            await submit(holder, 'coldchain:mergeLots', { eventId: `gen-merge-${merged}`, lotIds: pair, eventTime: mergeTime, location: holder.location, assurance: 'scanned', child: { gtin: GTIN, lotNumber: merged } });
            totals.merges++;
            result.lineageLeaves.push(lotIdOf(GTIN, merged));
            result.allLots.push(lotIdOf(GTIN, merged));
          }), 32);
        }
      }
      const shipTime = clock.next();
      const receiveTime = clock.next();
      const tag = `${run}-${wave}-${hop}`;
      await inParallel(chunksOf(moving).map((chunk) => async () => {
        await submit(holder, 'coldchain:recordCustodyBatch', {
          events: chunk.map((c) => ({ action: 'ship', eventId: `gen-ship-${tag}`, lotId: c.lotId, eventTime: shipTime, location: holder.location, assurance: 'scanned', to: receiver.id, quantity: c.quantity })),
        });
        totals.events += chunk.length;
        rate(eventsBar, totals.events);
      }), options.concurrency);
      await inParallel(chunksOf(moving).map((chunk) => async () => {
        await submit(receiver, 'coldchain:recordCustodyBatch', {
          events: chunk.map((c) => ({ action: 'receive', eventId: `gen-receive-${tag}`, lotId: c.lotId, eventTime: receiveTime, location: receiver.location, assurance: 'scanned', decision: 'accept', quantity: c.quantity })),
        });
        totals.events += chunk.length;
        rate(eventsBar, totals.events);
      }), options.concurrency);
    }
    result.lineageLeaves.push(...lineageChains.map((c) => c.lotId));
  };

  try {
    let nextWave = 0;
    await Promise.all(Array.from({ length: Math.min(options.parallelWaves, waves) }, async () => {
      while (nextWave < waves) await runWave(nextWave++);
    }));
  } finally {
    bars.stop();
    close();
  }
  Object.assign(result, { lots: totals.lots, custodyEvents: totals.events, splits: totals.splits, merges: totals.merges, transactions: totals.transactions, seconds: (Date.now() - started) / 1000 });
  log(`generated ${result.lots} lots, ${result.custodyEvents} custody events, ${result.splits} splits, ${result.merges} merges in ${result.transactions} transactions: ${result.seconds.toFixed(1)} s (${(result.custodyEvents / result.seconds).toFixed(0)} events/s)`);
  return result;
}
