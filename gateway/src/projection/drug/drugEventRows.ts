import { shanghaiDateOf, type DrugMovement } from '../../../../model/src';
import { mapParallel } from '../../store/mapParallel';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import { EVENT_ROW_PAGE_ITEMS, trackingEventListIds, type TrackingEventRow } from '../trackingEventRow';
import type { DrugModels } from './models';

/** Codes a row names in full; a movement of more (a dispensing upload of 1,000 units) names these and counts the rest. */
const CODES_SHOWN = 20;
const PARALLEL_LISTS = 8;

/** The parties a movement's `to` names: a shipment's consignee, or a receipt's senders (comma-joined). */
const partiesIn = (to: string | undefined): string[] => (to ? to.split(',').filter((id) => id.length > 0) : []);

/**
 * The row of one drug movement. A receipt or refusal names its senders in `to`: they are its "from",
 * the receiver its "to". The codes named are the item; their count the quantity, the levels moved the unit.
 */
export function drugMovementRow(movement: DrugMovement): TrackingEventRow {
  const incoming = movement.action === 'receive' || movement.action === 'refuse';
  const shown = movement.codes.slice(0, CODES_SHOWN).join(' ');
  const levels = Object.entries(movement.counts).map(([level, count]) => `${count} ${level}`).join(', ');
  const row: Record<string, unknown> = {
    eventTime: movement.eventTime,
    domain: 'drug',
    eventType: movement.action,
    eventId: movement.eventId,
    itemId: movement.codes.length > CODES_SHOWN ? `${shown} … (${movement.codes.length} codes)` : shown,
    region: movement.region,
    from: incoming ? movement.to : movement.by,
    to: incoming ? movement.by : movement.to,
    recordedBy: movement.by,
    quantity: movement.codes.length > 0 ? movement.codes.length : Object.values(movement.counts).reduce((sum, count) => sum + (count ?? 0), 0),
    unit: levels,
    relatedItems: movement.detail,
    txId: movement.txId,
  };
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined && value !== '')) as unknown as TrackingEventRow;
}

/**
 * Appends a group's movements to the drug export lists: each under the Shanghai day of its event time
 * and every enterprise it names. Entries arrive in ledger order (a transaction's movements in the
 * order recorded), so a rebuild lists them as the live projection did; high-water marks skip a replay.
 */
export async function appendDrugEventRows(models: Pick<DrugModels, 'drugEventRows'>, movements: readonly { movement: DrugMovement; source: LedgerSource }[]): Promise<void> {
  const lists = new Map<string, { item: TrackingEventRow; source: LedgerSource }[]>();
  for (const { movement, source } of movements) {
    const row = drugMovementRow(movement);
    const listIds = [trackingEventListIds.day(shanghaiDateOf(row.eventTime))];
    for (const enterpriseId of new Set([movement.by, ...partiesIn(movement.to)])) listIds.push(trackingEventListIds.enterprise(enterpriseId));
    for (const listId of listIds) lists.set(listId, [...(lists.get(listId) ?? []), { item: row, source }]);
  }
  await mapParallel([...lists.keys()], PARALLEL_LISTS, (listId) => appendToPagedList(models.drugEventRows, listId, lists.get(listId) ?? [], EVENT_ROW_PAGE_ITEMS));
}
