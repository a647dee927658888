import type { Model } from 'mongoose';
import type { ListPage } from '../projection/pagedList';
import { recallListIds, RECALL_LIST_PAGE_ITEMS, type StoredRecall } from '../projection/recalls';
import { Refusal } from '../refusal';
import type { EnterpriseDirectory } from './enterpriseDirectory';
import { allItems, itemsIn, listHead } from './listPages';
import { scopeText } from './recallReport';
import type { Sheet } from './spreadsheet';
import { byIds } from '../store/byIds';

/** Recalls one register export holds at most. */
export const MAX_RECALL_EXPORT_ROWS = 50_000;

/**
 * Whether a recall concerns a region: the responsible enterprise or an affected holder is registered
 * in it or below it. `chainOf` gives a region and those above it.
 */
export async function recallConcerns(doc: StoredRecall, region: string, directory: EnterpriseDirectory, chainOf: (region: string) => Promise<string[]>): Promise<boolean> {
  if (region === 'all') return true;
  const enterprises = [doc.recall.responsibleId, ...doc.holders.map((holder) => holder.enterpriseId)];
  await directory.learn(enterprises);
  for (const code of new Set(enterprises.map((id) => directory.regionOf(id)))) {
    if (code !== undefined && (await chainOf(code)).includes(region)) return true;
  }
  return false;
}

/**
 * The recalls of the register, oldest first: the list `GET /regulator/recalls` pages through (all, or
 * those that entered a state and are in it now), kept to those that concern the region.
 */
export async function recallRegister(
  lists: Model<ListPage<string>>,
  recalls: Model<StoredRecall>,
  filter: { region: string; state?: string },
  concerns: (doc: StoredRecall) => Promise<boolean>,
): Promise<StoredRecall[]> {
  const listId = filter.state ? recallListIds.state(filter.state) : recallListIds.all;
  const head = await listHead(lists, listId);
  const listed = itemsIn(head, RECALL_LIST_PAGE_ITEMS);
  if (listed > MAX_RECALL_EXPORT_ROWS) throw new Refusal('CONFLICT', `${listed} recalls are listed, more than the ${MAX_RECALL_EXPORT_ROWS} one export holds; ask for a state`);
  const ids = [...new Set(await allItems(lists, listId, head))];
  const docs = (await byIds(recalls, ids)) as unknown as StoredRecall[];
  const kept: StoredRecall[] = [];
  for (const doc of docs) {
    if ((filter.state === undefined || doc.recall.state === filter.state) && (await concerns(doc))) kept.push(doc);
  }
  return kept.sort((a, b) => a.recall.openedAt.localeCompare(b.recall.openedAt) || a._id.localeCompare(b._id));
}

/** A recall with the enterprises' names, as its register row reads it. */
export interface RecallRegisterRow {
  doc: StoredRecall;
  directory: EnterpriseDirectory;
}

const count = (doc: StoredRecall, test: (holder: StoredRecall['holders'][number]) => boolean): number => doc.holders.filter(test).length;

/** The recall register: one row per recall with its scope, deadlines, state and the holders' progress. */
export const recallRegisterSheet: Sheet<RecallRegisterRow> = {
  name: 'recalls',
  columns: [
    { header: 'opened at', type: 'dateTime', width: 20, value: ({ doc }) => doc.recall.openedAt },
    { header: 'recall id', type: 'text', width: 22, value: ({ doc }) => doc.recall.recallId },
    { header: 'domain', type: 'text', width: 8, value: ({ doc }) => doc.recall.domain },
    { header: 'level', type: 'number', width: 6, value: ({ doc }) => doc.recall.level },
    { header: 'state', type: 'text', width: 10, value: ({ doc }) => doc.recall.state },
    { header: 'reason', type: 'text', width: 40, value: ({ doc }) => doc.recall.reason },
    { header: 'scope', type: 'text', width: 40, value: ({ doc }) => scopeText(doc.recall.scope) },
    { header: 'responsible', type: 'text', width: 20, value: ({ doc }) => doc.recall.responsibleId },
    { header: 'responsible name', type: 'text', width: 28, value: ({ doc, directory }) => directory.nameOf(doc.recall.responsibleId) },
    { header: 'opened by', type: 'text', width: 24, value: ({ doc }) => doc.recall.openedBy.actorId },
    { header: 'acknowledge by', type: 'dateTime', width: 20, value: ({ doc }) => doc.recall.acknowledgeBy },
    { header: 'finish by', type: 'text', width: 11, value: ({ doc }) => doc.recall.finishBy },
    { header: 'holders', type: 'number', width: 8, value: ({ doc }) => doc.holders.length },
    { header: 'items', type: 'number', width: 8, value: ({ doc }) => doc.recall.itemCount },
    { header: 'acknowledged', type: 'number', width: 12, value: ({ doc }) => count(doc, (holder) => holder.acknowledgedAt !== undefined) },
    { header: 'late', type: 'number', width: 6, value: ({ doc }) => count(doc, (holder) => holder.late === true) },
    { header: 'silent past deadline', type: 'number', width: 10, value: ({ doc }) => count(doc, (holder) => holder.overdueSince !== undefined && holder.acknowledgedAt === undefined) },
    { header: 'reported', type: 'number', width: 9, value: ({ doc }) => count(doc, (holder) => holder.reportedAt !== undefined) },
    { header: 'closed at', type: 'dateTime', width: 20, value: ({ doc }) => doc.recall.closedAt },
    { header: 'closing reason', type: 'text', width: 30, value: ({ doc }) => doc.recall.closeReason },
    { header: 'transaction id', type: 'text', width: 66, value: ({ doc }) => doc.recall.txId },
  ],
};
