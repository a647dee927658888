import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Ledger-derived collections (prefix `ledger_`): everything in them is rebuilt from the chain by
 * `npm run reproject`. Primary off-chain data lives in other collections (see store/primaryData.ts)
 * and is never touched by reprojection.
 */
export const LEDGER_COLLECTION_PREFIX = 'ledger_';

/** Where a projected document came from on the ledger. */
export interface LedgerSource {
  txId: string;
  blockNumber: number;
  /** Position of the transaction in its block. */
  txIndex: number;
  /** Position of the event within the transaction (Fabric keeps one event per transaction: 0). */
  eventIndex: number;
}

const sourceSchema = new Schema<LedgerSource>({ txId: String, blockNumber: Number, txIndex: Number, eventIndex: Number }, { _id: false });

export interface ProjectedDocument {
  _id: string;
  record: Record<string, unknown>;
  source: LedgerSource;
}

export function ledgerModel(connection: Connection, name: string, collection: string, indexes: Record<string, 1 | -1>[] = []): Model<ProjectedDocument> {
  const schema = new Schema<ProjectedDocument>(
    { _id: String, record: { type: Schema.Types.Mixed, required: true }, source: { type: sourceSchema, required: true } },
    { collection: `${LEDGER_COLLECTION_PREFIX}${collection}`, versionKey: false, minimize: false },
  );
  for (const index of indexes) {
    schema.index(index);
  }
  return connection.models[name] ?? connection.model<ProjectedDocument>(name, schema);
}


/**
 * A ledger-derived collection of documents shaped for one query and read by `_id` (journeys, subject
 * timelines); the projector writes them whole, so the schema only names the key.
 */
export function shapedModel<T extends { _id: string }>(connection: Connection, name: string, collection: string): Model<T> {
  const schema = new Schema<T>({ _id: String } as never, { collection: `${LEDGER_COLLECTION_PREFIX}${collection}`, versionKey: false, minimize: false, strict: false, autoIndex: false });
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}
