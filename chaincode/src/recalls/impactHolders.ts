import { conflict, MAX_RECALL_ITEMS, type RecallItem } from '../../../model/src';

/** Per holder (enterprise id): its items, and whether it holds goods of the responsible enterprise directly. */
export type ImpactHolders = Map<string, { items: RecallItem[]; directConsignee: boolean }>;

/** The refusal of a scope past {@link MAX_RECALL_ITEMS}: the opening would hold and list more than one transaction may. */
export const tooMany = (what: string): Error =>
  conflict(`${what} reaches more than ${MAX_RECALL_ITEMS} items (lots and batches with what was made from them or their holders), more than one recall may hold; open recalls of narrower scopes`);

/** Adds an item to its holder's entry. */
export function listItem(holders: ImpactHolders, holderId: string, item: RecallItem, direct: boolean): void {
  const entry = holders.get(holderId) ?? { items: [], directConsignee: false };
  entry.items.push(item);
  entry.directConsignee ||= direct;
  holders.set(holderId, entry);
}
