import type { Context } from 'fabric-contract-api';
import {
  lotParties,
  notFound,
  type TracedItem,
  type Audience,
  type CustodyRecord,
  type CustodyTransaction,
  type LineageLink,
  type LotLineage,
  type LotTrace,
  type LotVersionRecord,
  type RiskAlert,
} from '../../../model/src';
import { KeyTypes } from '../common/keys';
import { readerAudience } from '../registry/readerAudience';
import { readRecord, readRecordsByPartialKey } from '../common/state';
import { custodyTransactionKey, lotKey } from './supplyChainKeys';
import { confirmedShipment } from './custody';
import { withCorrection } from './lineageCorrection';

/** Reads for anyone on the channel; all by key or key range. Evaluate functions cut them to the caller's audience ({@link lotReaderAudience}). */

export async function readLot<Item extends TracedItem = TracedItem>(ctx: Context, lotId: string): Promise<Item> {
  const lot = await readRecord<Item>(ctx, lotKey(ctx, lotId));
  if (!lot) {
    throw notFound(`lot ${lotId} does not exist`);
  }
  return lot;
}

/** The audience the caller reads `lot` for: a party when its enterprise is in the lot's record (see `lotParties`). */
export function lotReaderAudience(ctx: Context, lot: TracedItem): Promise<Audience> {
  return readerAudience(ctx, async () => lotParties(lot, await readCustodyLog(ctx, lot.id)));
}

export type LotVersion<Item extends TracedItem = TracedItem> = LotVersionRecord<Item>;

/** Every state the lot key held, oldest first, from the history database. */
export async function readLotHistory<Item extends TracedItem = TracedItem>(ctx: Context, lotId: string): Promise<LotVersion<Item>[]> {
  await readLot(ctx, lotId);
  const iterator = await ctx.stub.getHistoryForKey(lotKey(ctx, lotId));
  const versions: LotVersion<Item>[] = [];
  try {
    for (let entry = await iterator.next(); !entry.done; entry = await iterator.next()) {
      const { isDelete, value, timestamp, txId } = entry.value;
      if (!isDelete) {
        const millis = Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1e6);
        versions.push({ txId, timestamp: new Date(millis).toISOString(), lot: JSON.parse(Buffer.from(value).toString('utf8')) as Item });
      }
    }
  } finally {
    await iterator.close();
  }
  // The history database returns newest first.
  return versions.reverse();
}

/**
 * The lot's custody log in the order it was recorded: the lot's records in the custody keys of the
 * transactions that recorded them, each shipment shown confirmed by the acceptance that follows it.
 * The transactions come from the lot's custody index (a range read, re-checked at commit, so writes
 * may rely on it); lots recorded before the index existed fall back to the lot key's history, which
 * only reads should trust.
 */
export async function readCustodyLog(ctx: Context, lotId: string): Promise<CustodyRecord[]> {
  const indexed = (await readRecordsByPartialKey<{ txId: string }>(ctx, KeyTypes.lotCustody, lotId)).map((entry) => entry.txId);
  const txIds = new Set(indexed.length > 0 ? indexed : (await readLotHistory(ctx, lotId)).map((version) => version.txId));
  const records: CustodyRecord[] = [];
  for (const txId of txIds) {
    const custody = await readRecord<CustodyTransaction>(ctx, custodyTransactionKey(ctx, txId));
    records.push(...(custody?.records.filter((record) => record.lotId === lotId) ?? []));
  }
  records.sort((a, b) => a.sequence - b.sequence);
  let shipment: number | undefined;
  records.forEach((record, index) => {
    if (record.action === 'ship') {
      shipment = index;
    } else if (record.action === 'receive' && shipment !== undefined) {
      if (record.decision === 'accept') {
        records[shipment] = confirmedShipment(records[shipment], record.eventId);
      }
      shipment = undefined;
    }
  });
  return records;
}

/** The links of one end of a lot, each with its correction applied. */
async function linksOf(ctx: Context, type: typeof KeyTypes.lineageParent | typeof KeyTypes.lineageChild, lotId: string): Promise<LineageLink[]> {
  const links: LineageLink[] = [];
  for (const link of await readRecordsByPartialKey<LineageLink>(ctx, type, lotId)) {
    links.push(await withCorrection(ctx, link));
  }
  return links;
}

export async function readLineage(ctx: Context, lotId: string): Promise<LotLineage> {
  return {
    lotId,
    parents: await linksOf(ctx, KeyTypes.lineageParent, lotId),
    children: await linksOf(ctx, KeyTypes.lineageChild, lotId),
  };
}

/** How many lots a trace walks before it stops; the projection answers wider questions. */
const MAX_TRACE_LOTS = 500;

/** Walks lineage links back to every ancestor and forward to every descendant. */
export async function traceLot(ctx: Context, lotId: string): Promise<LotTrace> {
  await readLot(ctx, lotId);
  const links = new Map<string, LineageLink>();
  const walk = async (direction: 'back' | 'forward'): Promise<string[]> => {
    const found: string[] = [];
    const seen = new Set([lotId]);
    const queue = [lotId];
    while (queue.length > 0 && seen.size <= MAX_TRACE_LOTS) {
      const current = queue.shift() as string;
      const type = direction === 'back' ? KeyTypes.lineageParent : KeyTypes.lineageChild;
      for (const link of await linksOf(ctx, type, current)) {
        links.set(`${link.parentId}>${link.childId}`, link);
        const next = direction === 'back' ? link.parentId : link.childId;
        if (!seen.has(next)) {
          seen.add(next);
          found.push(next);
          queue.push(next);
        }
      }
    }
    return found;
  };
  const ancestors = await walk('back');
  const descendants = await walk('forward');
  return { lotId, ancestors, descendants, links: [...links.values()] };
}

export function readAlerts(ctx: Context, lotId: string): Promise<RiskAlert[]> {
  return readRecordsByPartialKey<RiskAlert>(ctx, KeyTypes.riskAlert, lotId);
}
