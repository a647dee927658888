import type { TrackingEventRow } from '../projection/trackingEventRow';
import type { EnterpriseDirectory } from './enterpriseDirectory';
import type { Sheet, SheetColumn } from './spreadsheet';

/** A row with the names of the enterprises it names, as the registry has them. */
export interface NamedTrackingEventRow {
  row: TrackingEventRow;
  names: EnterpriseDirectory;
}

const text = (header: string, width: number, value: (row: TrackingEventRow, names: EnterpriseDirectory) => string | undefined): SheetColumn<NamedTrackingEventRow> => ({
  header,
  type: 'text',
  width,
  value: ({ row, names }) => value(row, names),
});

/**
 * The critical tracking events sheet: one row per event with its key data elements — what (GTIN, lot,
 * product, event type), where (GLN or address, region), when (event and recorded time), from whom, to
 * whom, how much, on which documents — the transaction that wrote it, and the domain (cold chain, drug).
 */
export const trackingEventSheet: Sheet<NamedTrackingEventRow> = {
  name: 'tracking events',
  columns: [
    { header: 'event time', type: 'dateTime', width: 20, value: ({ row }) => row.eventTime },
    { header: 'recorded at', type: 'dateTime', width: 20, value: ({ row }) => row.recordedAt },
    text('event type', 14, (row) => row.eventType),
    text('event id', 24, (row) => row.eventId),
    text('GTIN', 16, (row) => row.gtin),
    text('lot', 18, (row) => row.lotNumber),
    text('lot id', 36, (row) => row.itemId),
    text('product', 28, (row) => row.product),
    text('location GLN', 15, (row) => row.gln),
    text('location address', 32, (row) => row.address),
    text('region', 8, (row) => row.region),
    text('from', 20, (row) => row.from),
    text('from name', 28, (row, names) => names.nameOf(row.from)),
    text('to', 20, (row) => row.to),
    text('to name', 28, (row, names) => names.nameOf(row.to)),
    text('recorded by', 20, (row) => row.recordedBy),
    { header: 'quantity', type: 'number', width: 10, value: ({ row }) => row.quantity },
    text('unit', 8, (row) => row.unit),
    text('receipt', 8, (row) => row.decision),
    text('related lots', 36, (row) => row.relatedItems),
    text('reference documents', 40, (row) => row.referenceDocuments),
    text('assurance', 10, (row) => row.assurance),
    text('transaction id', 66, (row) => row.txId),
    text('domain', 10, (row) => row.domain),
  ],
};

/** The rows of each batch with their enterprises' names, read a batch at a time. */
export async function* withNames(batches: AsyncIterable<readonly TrackingEventRow[]>, names: EnterpriseDirectory): AsyncGenerator<NamedTrackingEventRow[]> {
  for await (const batch of batches) {
    await names.learn(batch.flatMap((row) => [row.from, row.to]));
    yield batch.map((row) => ({ row, names }));
  }
}
