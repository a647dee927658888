import { Schema, type Connection, type Model } from 'mongoose';
import { CODE_CHUNK_SIZE, codeChunkRoots, codeListSummary, rootOfChunks, serialOfCode } from '../../../model/src';
import { insertOrReplace } from '../store/bulkReplace';
import { PRIMARY_COLLECTION_PREFIX } from '../store/primaryData';

/**
 * The code lists of commissionings: primary data, since the ledger keeps only each list's Merkle root.
 * Stored under the root (content-addressed), so a list the ledger then refuses (an overlapping span)
 * can never overwrite the list of a commissioning it accepted; every lookup is by `_id`.
 *
 * | collection (primary_drug_…) | `_id`            | holds                                                           |
 * | --------------------------- | ---------------- | --------------------------------------------------------------- |
 * | `code_lists`                | root             | span, count, each chunk's root and first serial                  |
 * | `code_chunks`               | `<root>\|<k>`    | up to {@link CODE_CHUNK_SIZE} codes in serial order, as one string of 20-digit codes |
 *
 * A chunk is one string, not an array: FerretDB converts every value of a document, so a chunk costs
 * one value, not a thousand.
 */
export interface DrugCodeListDocument {
  _id: string;
  idCode: string;
  firstSerial: number;
  lastSerial: number;
  count: number;
  chunkRoots: string[];
  chunkFirstSerials: number[];
  uploadedBy: string;
  uploadedAt: Date;
}

export interface DrugCodeChunkDocument {
  _id: string;
  codes: string;
}

export function drugCodeListModels(connection: Connection): { lists: Model<DrugCodeListDocument>; chunks: Model<DrugCodeChunkDocument> } {
  const model = <T>(name: string, collection: string): Model<T> =>
    (connection.models[name] as Model<T> | undefined) ??
    connection.model<T>(name, new Schema<T>({ _id: String } as never, { collection: `${PRIMARY_COLLECTION_PREFIX}${collection}`, versionKey: false, strict: false, autoIndex: false }));
  return { lists: model<DrugCodeListDocument>('DrugCodeList', 'drug_code_lists'), chunks: model<DrugCodeChunkDocument>('DrugCodeChunk', 'drug_code_chunks') };
}

export type DrugCodeListModels = ReturnType<typeof drugCodeListModels>;

export const chunkId = (root: string, chunk: number): string => `${root}|${chunk}`;

/**
 * Stores a canonical list (chunks first, the list document last, so a list document always has its
 * chunks) and answers what the ledger anchors of it. Storing the same list again changes nothing.
 */
export async function storeCodeList(models: DrugCodeListModels, list: readonly string[], uploadedBy: string): Promise<ReturnType<typeof codeListSummary>> {
  // The root from the chunk roots: the list is hashed once, not once for the root and again per chunk.
  const chunkRoots = codeChunkRoots(list);
  const summary = codeListSummary(list, rootOfChunks(chunkRoots));
  if (await models.lists.exists({ _id: summary.merkleRoot })) return summary;
  const chunks: DrugCodeChunkDocument[] = [];
  const chunkFirstSerials: number[] = [];
  for (let start = 0, k = 0; start < list.length; start += CODE_CHUNK_SIZE, k++) {
    const codes = list.slice(start, start + CODE_CHUNK_SIZE);
    chunks.push({ _id: chunkId(summary.merkleRoot, k), codes: codes.join('') });
    chunkFirstSerials.push(serialOfCode(codes[0]));
  }
  await insertOrReplace(models.chunks, chunks, []);
  const document: DrugCodeListDocument = {
    _id: summary.merkleRoot,
    idCode: summary.idCode,
    firstSerial: summary.firstSerial,
    lastSerial: summary.lastSerial,
    count: summary.count,
    chunkRoots,
    chunkFirstSerials,
    uploadedBy,
    uploadedAt: new Date(),
  };
  await models.lists.replaceOne({ _id: document._id }, document, { upsert: true });
  return summary;
}
