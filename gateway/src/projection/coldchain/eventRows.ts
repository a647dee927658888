import { DocumentKinds, shanghaiDateOf, type ColdChainLot, type CustodyRecord } from '../../../../model/src';
import { mapParallel } from '../../store/mapParallel';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import { EVENT_ROW_PAGE_ITEMS, trackingEventListIds, type TrackingEventRow } from '../trackingEventRow';
import type { ColdChainJourney, LotChanges } from './journey';
import type { ColdChainCollections } from './models';

/** Lists written at once: each is its own documents, so they do not contend. */
const PARALLEL_LISTS = 8;

function referenceDocumentsOf(lot: ColdChainLot): string | undefined {
  const numbers = DocumentKinds.flatMap((kind) => (lot.documents[kind] ?? []).map((document) => `${kind} ${document.number}`));
  if (lot.customsDeclarationNumber && !numbers.some((text) => text.endsWith(` ${lot.customsDeclarationNumber}`))) numbers.unshift(`customsDeclaration ${lot.customsDeclarationNumber}`);
  return numbers.length > 0 ? numbers.join('; ') : undefined;
}

/** The lots a derivation names in its detail (`children` of a split, `parents` of a merge or transformation). */
function relatedItemsOf(record: CustodyRecord): string | undefined {
  const related = [record.detail?.children, record.detail?.parents].flatMap((ids) => (Array.isArray(ids) ? ids : []));
  return related.length > 0 ? related.join('; ') : undefined;
}

/** Without the fields a row does not know: stored documents carry no empty fields, so a rebuild writes byte-for-byte the same. */
const defined = (row: Record<string, unknown>): TrackingEventRow => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== '')) as unknown as TrackingEventRow;

/**
 * The row of one custody record, with the lot as the recording transaction left it (or, read from a
 * journey, as it is now). A receipt's shipper is the enterprise of the shipment it confirms.
 */
export function custodyEventRow(record: CustodyRecord, lot: ColdChainLot | null, shipper: string | undefined): TrackingEventRow {
  const outgoing = record.action === 'ship';
  const incoming = record.action === 'receive';
  return defined({
    eventTime: record.eventTime,
    recordedAt: record.recordedAt,
    domain: 'coldchain',
    eventType: record.action,
    eventId: record.eventId,
    itemId: record.lotId,
    gtin: lot?.gtin,
    lotNumber: lot?.lotNumber,
    product: lot?.product,
    gln: record.location?.gln,
    address: record.location?.address,
    region: record.location?.region,
    from: incoming ? shipper : record.enterpriseId,
    to: outgoing ? record.to : incoming ? record.enterpriseId : undefined,
    recordedBy: record.enterpriseId,
    quantity: record.quantity,
    unit: lot?.unit,
    decision: record.decision,
    relatedItems: relatedItemsOf(record),
    referenceDocuments: lot ? referenceDocumentsOf(lot) : undefined,
    assurance: record.assurance,
    txId: record.txId,
  });
}

interface Entry {
  row: TrackingEventRow;
  /** Orders a transaction's rows the same way however blocks were grouped: lot, then place in its log. */
  sequence: number;
  source: LedgerSource;
}

/** The shipper of each receipt in a custody log: the enterprise of the shipment it confirmed. */
const shipperOf = (custody: readonly CustodyRecord[], receipt: CustodyRecord): string | undefined =>
  custody.find((other) => other.action === 'ship' && other.confirmedByEventId === receipt.eventId)?.enterpriseId;

/**
 * A lot's rows from its journey (one `_id` read), in log order: a lot's export needs no list of its
 * own, which would cost a read and a replace per lot and group — the journeys' appended versions
 * exist to avoid exactly that. The lot is as it is now, so its documents are those it carries now.
 */
export function journeyRows(journey: ColdChainJourney): TrackingEventRow[] {
  return journey.custody.map((record) => custodyEventRow(record, journey.lot, record.action === 'receive' ? shipperOf(journey.custody, record) : undefined));
}

/**
 * What one group adds to the export lists: each custody event the group's transactions recorded,
 * once under its GTIN, the Shanghai day of its event time, and every enterprise it names (recorder,
 * shipper, consignee). A lot's own events are its journey's (journeyRows).
 */
export class EventRowEntries {
  readonly lists = new Map<string, Entry[]>();

  /** One transaction's change of one lot: the custody events it recorded (a receipt also reports the shipment it confirms, which is not new). */
  note(before: ColdChainJourney | undefined, after: ColdChainJourney, changes: LotChanges, source: LedgerSource): void {
    for (const record of changes.custody) {
      if (record.txId !== source.txId) continue;
      const shipper = record.action === 'receive' ? (shipperOf(changes.custody, record) ?? before?.lot?.shipment?.from) : undefined;
      const row = custodyEventRow(record, after.lot, shipper);
      const listIds = [trackingEventListIds.day(shanghaiDateOf(row.eventTime))];
      if (row.gtin) listIds.push(trackingEventListIds.gtin(row.gtin));
      for (const enterpriseId of new Set([row.recordedBy, row.from, row.to])) if (enterpriseId) listIds.push(trackingEventListIds.enterprise(enterpriseId));
      for (const listId of listIds) {
        const list = this.lists.get(listId) ?? [];
        list.push({ row, sequence: record.sequence, source });
        this.lists.set(listId, list);
      }
    }
  }
}

const inLedgerOrder = (entries: readonly Entry[]): Entry[] =>
  [...entries].sort(
    (a, b) =>
      a.source.blockNumber - b.source.blockNumber ||
      a.source.txIndex - b.source.txIndex ||
      (a.row.itemId < b.row.itemId ? -1 : a.row.itemId > b.row.itemId ? 1 : 0) ||
      a.sequence - b.sequence,
  );

/**
 * Appends a group's rows. Like the enterprise lists, before the group's journeys are written: a replay
 * after a crash notes the same rows, and each list's high-water mark skips those it holds.
 */
export async function appendEventRows(models: Pick<ColdChainCollections, 'eventRows'>, entries: EventRowEntries): Promise<void> {
  await mapParallel([...entries.lists.keys()], PARALLEL_LISTS, (listId) =>
    appendToPagedList(models.eventRows, listId, inLedgerOrder(entries.lists.get(listId) ?? []).map(({ row, source }) => ({ item: row, source })), EVENT_ROW_PAGE_ITEMS),
  );
}
