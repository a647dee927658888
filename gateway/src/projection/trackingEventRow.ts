import { projectionTuning } from '../config';

/** Rows per page of an export list (TRACELEDGER_EVENT_ROW_PAGE_ITEMS; the test network keeps a few). */
export const EVENT_ROW_PAGE_ITEMS = projectionTuning().eventRowPageItems;

/**
 * One critical tracking event as the regulator's spreadsheet lists it: the key data elements of
 * FSMA 204 (what, where, when, from whom, to whom, how much, on which documents) and the transaction
 * that wrote it. Each domain that moves goods keeps such rows in paged lists of its own (the cold
 * chain: `ledger_coldchain_event_rows`), shaped when the event is projected, so an export reads a
 * few pages by `_id` instead of rebuilding rows from journeys at request time. Fields a domain does
 * not know are left out, never written empty.
 */
export interface TrackingEventRow {
  /** When it happened, as the writer recorded it (with its UTC offset). */
  eventTime: string;
  /** The transaction's time: when the ledger recorded it (cold chain; a drug movement does not carry it). */
  recordedAt?: string;
  domain: 'coldchain' | 'drug';
  /** The cold chain's custody action (create, ship, receive, store, releaseForSale, sell, split, merge, transform) or the drug movement (commission, pack, unpack, ship, receive, refuse, dispense, sale, return, retire, hold, liftHold). */
  eventType: string;
  eventId: string;
  /** The traced item: a lot id `01/<GTIN>/10/<lot>`, or the drug trace codes a movement named. */
  itemId: string;
  gtin?: string;
  lotNumber?: string;
  product?: string;
  gln?: string;
  address?: string;
  /** The 6-digit region code of the place. */
  region?: string;
  /** The enterprise the goods came from (the shipper of a receipt) and went to (the consignee of a shipment). */
  from?: string;
  to?: string;
  /** The enterprise whose identity recorded it. */
  recordedBy: string;
  /** A lot's quantity in its unit; a drug movement's number of codes named, its unit the packaging levels moved (`2 box, 20 unit`). */
  quantity?: number;
  unit?: string;
  /** A receipt's accept or refuse. */
  decision?: string;
  /** The lots a split, merge or transformation made or consumed. */
  relatedItems?: string;
  /** The item's entry documents as they stood after the event: `<kind> <number>`, `; `-separated. */
  referenceDocuments?: string;
  assurance?: string;
  txId: string;
}

/** The ids of the export lists every domain keeps its rows under (head `_id`; pages under `<id>|<n>`). */
export const trackingEventListIds = {
  gtin: (gtin: string): string => `gtin:${gtin}`,
  enterprise: (enterpriseId: string): string => `enterprise:${enterpriseId}`,
  /** An Asia/Shanghai calendar day of the events' time, `YYYY-MM-DD`: a day's rows sorted are in order among all days'. */
  day: (day: string): string => `day:${day}`,
} as const;

/**
 * Event-time order (instants, whatever the offsets written), then item and event id, so equal times
 * sort the same in every export.
 */
export function compareTrackingEvents(a: TrackingEventRow, b: TrackingEventRow): number {
  return Date.parse(a.eventTime) - Date.parse(b.eventTime) || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}
