import type { Model } from 'mongoose';
import { addDays, shanghaiDateOf } from '../../../model/src';
import { journeyRows, type JourneyStore } from '../projection/coldchain';
import type { ListPage } from '../projection/pagedList';
import { compareTrackingEvents, EVENT_ROW_PAGE_ITEMS, trackingEventListIds, type TrackingEventRow } from '../projection/trackingEventRow';
import { Refusal } from '../refusal';
import { allItems, itemsIn, listHead } from './listPages';

/** What a regulator asks for: any of a lot, a GTIN, an enterprise, and a window of Shanghai days (both ends included). */
export interface TrackingEventFilter {
  lotId?: string;
  gtin?: string;
  enterpriseId?: string;
  from?: string;
  to?: string;
}

/**
 * Rows a lot's, GTIN's or enterprise's export sorts in memory at most; a window alone is streamed a
 * day at a time and may hold more. Past either bound the regulator is asked to narrow the filter.
 */
export const MAX_SORTED_EXPORT_ROWS = 200_000;
export const MAX_WINDOW_EXPORT_ROWS = 1_000_000;
/** Rows handed to the writer at once. */
const BATCH_ROWS = 5_000;

/** The export lists of each domain that keeps them, and the lots' journeys (a lot's rows are its journey's). */
export interface TrackingEventLists {
  coldChain: Model<ListPage<TrackingEventRow>>;
  drug: Model<ListPage<TrackingEventRow>>;
  journeys: Pick<JourneyStore, 'read'>;
}

/** A planned export: how many rows the lists hold (before the window cuts them), and the rows in event-time order. */
export interface TrackingEventExport {
  listedRows: number;
  batches(): AsyncIterable<TrackingEventRow[]>;
}

function* inBatches(rows: readonly TrackingEventRow[]): Generator<TrackingEventRow[]> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

/** The Shanghai days from `from` to `to`, both included. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Whether a row matches every part of the filter (the list it came from matches one part already). */
const matches = (filter: TrackingEventFilter) => (row: TrackingEventRow): boolean => {
  if (filter.lotId !== undefined && row.itemId !== filter.lotId) return false;
  if (filter.gtin !== undefined && row.gtin !== filter.gtin) return false;
  if (filter.enterpriseId !== undefined && row.recordedBy !== filter.enterpriseId && row.from !== filter.enterpriseId && row.to !== filter.enterpriseId) return false;
  if (filter.from !== undefined || filter.to !== undefined) {
    const day = shanghaiDateOf(row.eventTime);
    if (filter.from !== undefined && day < filter.from) return false;
    if (filter.to !== undefined && day > filter.to) return false;
  }
  return true;
};

/**
 * Plans the export of the critical tracking events a filter names, from the projection's export
 * lists alone (`_id` reads, never a scan): a lot's journey; else the narrowest list the filter names —
 * the GTIN's (cold chain), the enterprise's (cold chain and drugs) — read whole, cut by the rest of the
 * filter and sorted by event time; a window alone is read day list by day list (both domains), each
 * day sorted, which is event-time order overall.
 * Refuses (409) an export past its bound before anything is sent.
 *
 * @example
 * const plan = await planTrackingEventExport({ coldChain: models.eventRows, drug: models.drugEventRows }, { gtin: '09521234543213', from: '2026-11-01', to: '2026-11-30' });
 * for await (const rows of plan.batches()) write(rows);
 */
export async function planTrackingEventExport(rowLists: TrackingEventLists, filter: TrackingEventFilter): Promise<TrackingEventExport> {
  const keep = matches(filter);
  if (filter.lotId !== undefined) {
    const journey = await rowLists.journeys.read(filter.lotId);
    const rows = journey ? journeyRows(journey).filter(keep).sort(compareTrackingEvents) : [];
    return {
      listedRows: journey?.custody.length ?? 0,
      batches: async function* () {
        yield* inBatches(rows);
      },
    };
  }
  // GTINs are the cold chain's; enterprises and days are every domain's.
  const narrowest =
    filter.gtin !== undefined ? { listId: trackingEventListIds.gtin(filter.gtin), models: [rowLists.coldChain] }
    : filter.enterpriseId !== undefined ? { listId: trackingEventListIds.enterprise(filter.enterpriseId), models: [rowLists.coldChain, rowLists.drug] }
    : undefined;
  if (narrowest !== undefined) {
    const { listId, models } = narrowest;
    const heads = await Promise.all(models.map((model) => listHead(model, listId)));
    const listedRows = heads.reduce((sum, head) => sum + itemsIn(head, EVENT_ROW_PAGE_ITEMS), 0);
    if (listedRows > MAX_SORTED_EXPORT_ROWS) {
      throw new Refusal('CONFLICT', `the filter names ${listedRows} events, more than the ${MAX_SORTED_EXPORT_ROWS} one export sorts; add a window (from, to) or name a lot`);
    }
    return {
      listedRows,
      async *batches() {
        const rows = (await Promise.all(models.map((model, i) => allItems(model, listId, heads[i])))).flat().filter(keep).sort(compareTrackingEvents);
        yield* inBatches(rows);
      },
    };
  }
  if (filter.from === undefined || filter.to === undefined) throw new Refusal('INVALID', 'name a lotId, a gtin, an enterpriseId, or a window from and to');
  const days = daysOf(filter.from, filter.to);
  const models = [rowLists.coldChain, rowLists.drug];
  const heads = await Promise.all(days.flatMap((day) => models.map((model) => listHead(model, trackingEventListIds.day(day)))));
  const listedRows = heads.reduce((sum, head) => sum + itemsIn(head, EVENT_ROW_PAGE_ITEMS), 0);
  if (listedRows > MAX_WINDOW_EXPORT_ROWS) {
    throw new Refusal('CONFLICT', `the window holds ${listedRows} events, more than the ${MAX_WINDOW_EXPORT_ROWS} one export streams; export a shorter window`);
  }
  return {
    listedRows,
    async *batches() {
      for (const [d, day] of days.entries()) {
        const listId = trackingEventListIds.day(day);
        const rows = await Promise.all(models.map((model, m) => allItems(model, listId, heads[d * models.length + m])));
        yield* inBatches(rows.flat().sort(compareTrackingEvents));
      }
    },
  };
}
