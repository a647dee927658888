import type { Model } from 'mongoose';
import { DrugEvents, serialOfCode, type DrugLedgerUpdate, type DrugMovement } from '../../../../model/src';
import { bulkReplace, insertOrReplace } from '../../store/bulkReplace';
import { cacheKeys } from '../cacheKeys';
import { CounterChanges } from '../counterDocuments';
import type { DomainProjection, ProjectedEvent } from '../domainProjection';
import type { LedgerSource } from '../ledgerModel';
import { appendToPagedList } from '../pagedList';
import { appendDrugEventRows } from './drugEventRows';
import { drugDocumentIds, type DrugDocument, type DrugEnterpriseCounter, type DrugModels } from './models';

/** Ids per page of the per-batch, per-product and per-region lists. */
export const DRUG_LIST_PAGE_ITEMS = 1000;

type Collection = Exclude<keyof DrugModels, 'drugBatchReports' | 'drugProductReports' | 'drugRegionAlerts' | 'drugMovements' | 'drugBatchCommissionings' | 'drugEnterpriseCounters' | 'drugEventRows'>;

/** Which collection each list of the bundle goes to, and under which `_id`. */
const RECORD_LISTS: { [L in keyof DrugLedgerUpdate]?: { collection: Collection; id: (record: NonNullable<DrugLedgerUpdate[L]>[number]) => string } } = {
  assignments: { collection: 'drugAssignments', id: (r) => r.idCode },
  delegations: { collection: 'drugDelegations', id: (r) => `${r.holderId}|${r.manufacturerId}` },
  products: { collection: 'drugProducts', id: (r) => r.productId },
  gtins: { collection: 'drugGtins', id: (r) => r.gtin },
  batches: { collection: 'drugBatches', id: (r) => r.id },
  commissionings: { collection: 'drugCommissionings', id: (r) => r.id },
  claims: { collection: 'drugClaims', id: (r) => drugDocumentIds.claim(r.idCode, r.block) },
  buckets: { collection: 'drugBuckets', id: (r) => drugDocumentIds.bucket(r.idCode, r.bucket) },
  packs: { collection: 'drugPacks', id: (r) => drugDocumentIds.pack(r.idCode, serialOfCode(r.parent)) },
  alerts: { collection: 'drugAlerts', id: (r) => drugDocumentIds.alert(r.code, r.alertId) },
  adverseReactions: { collection: 'drugAdverseReactions', id: (r) => drugDocumentIds.adverseReaction(r.batchId, r.txId) },
  holdings: { collection: 'drugHoldings', id: (r) => drugDocumentIds.holding(r.batchId, r.holderId) },
};

/**
 * Projects the drug events: every record a transaction wrote replaces its document (the last state
 * of a group of blocks wins, written once), movements are appended under their ledger position (and
 * as export rows per enterprise and day, drugEventRows.ts), and
 * adverse reactions and duplicate-sale alerts are listed per batch, product and region so that
 * regulators' counts are `_id` reads. Every write is keyed by ledger identity: a replay changes nothing.
 */
export function drugProjection(collections: DrugModels): DomainProjection {
  let projected = 0;
  return {
    name: 'drug',
    events: Object.values(DrugEvents),
    collections,
    async project(events: readonly ProjectedEvent[]): Promise<void> {
      const latest = new Map<Collection, Map<string, DrugDocument<unknown>>>();
      const movements: DrugDocument<unknown>[] = [];
      const moved: { movement: DrugMovement; source: LedgerSource }[] = [];
      const lists = { batch: new Map<string, { item: string; source: LedgerSource }[]>(), product: new Map<string, { item: string; source: LedgerSource }[]>(), region: new Map<string, { item: string; source: LedgerSource }[]>(), commissionings: new Map<string, { item: string; source: LedgerSource }[]>() };
      const listOn = (map: Map<string, { item: string; source: LedgerSource }[]>, id: string, item: string, source: LedgerSource): void => {
        map.set(id, [...(map.get(id) ?? []), { item, source }]);
      };
      const enterprises = new CounterChanges<DrugEnterpriseCounter>((id) => ({ _id: id, duplicateSales: 0 }));
      for (const { record, source } of events) {
        const update = record as DrugLedgerUpdate;
        for (const [list, target] of Object.entries(RECORD_LISTS) as [keyof DrugLedgerUpdate, { collection: Collection; id: (record: unknown) => string }][]) {
          for (const item of (update[list] as unknown[] | undefined) ?? []) {
            const id = target.id(item);
            const byId = latest.get(target.collection) ?? new Map<string, DrugDocument<unknown>>();
            byId.set(id, { _id: id, record: item, source });
            latest.set(target.collection, byId);
          }
        }
        update.movements.forEach((movement, index) => movements.push({ _id: `${source.txId}|${index}`, record: movement, source }));
        for (const movement of update.movements) moved.push({ movement, source });
        for (const report of update.adverseReactions) {
          listOn(lists.batch, report.batchId, report.reportId, source);
          listOn(lists.product, report.productId, report.reportId, source);
        }
        for (const commissioning of update.commissionings) listOn(lists.commissionings, commissioning.batchId, commissioning.id, source);
        for (const alert of update.alerts) listOn(lists.region, alert.region ?? 'none', drugDocumentIds.alert(alert.code, alert.alertId), source);
        for (const alert of update.alerts) {
          // Counted when raised: an acknowledgement writes the alert again.
          const against = alert.evidence.secondBy;
          if (alert.kind === 'duplicateSale' && alert.txId === source.txId && typeof against === 'string') enterprises.on(against, source, (c) => c.duplicateSales++);
        }
        projected += 1;
      }
      for (const [collection, byId] of latest) await bulkReplace(collections[collection] as unknown as Model<DrugDocument<unknown>>, [...byId.values()]);
      await insertOrReplace(collections.drugMovements, movements, []);
      await appendDrugEventRows(collections, moved);
      for (const [id, entries] of lists.batch) await appendToPagedList(collections.drugBatchReports, id, entries, DRUG_LIST_PAGE_ITEMS);
      for (const [id, entries] of lists.product) await appendToPagedList(collections.drugProductReports, id, entries, DRUG_LIST_PAGE_ITEMS);
      for (const [id, entries] of lists.commissionings) await appendToPagedList(collections.drugBatchCommissionings, id, entries, DRUG_LIST_PAGE_ITEMS);
      for (const [id, entries] of lists.region) await appendToPagedList(collections.drugRegionAlerts, id, entries, DRUG_LIST_PAGE_ITEMS);
      await enterprises.apply(collections.drugEnterpriseCounters);
    },
    touchedKeys(_eventName, record) {
      const update = record as DrugLedgerUpdate;
      return [
        ...update.buckets.map((bucket) => cacheKeys.drugBucket(bucket.idCode, bucket.bucket)),
        ...update.batches.map((batch) => cacheKeys.drugBatch(batch.id)),
        ...update.products.map((product) => cacheKeys.drugProduct(product.productId)),
        ...(update.gtins ?? []).map((binding) => cacheKeys.drugGtin(binding.gtin)),
        ...update.claims.map((claim) => cacheKeys.drugClaim(claim.idCode, claim.block)),
        ...update.packs.map((pack) => cacheKeys.drugPack(pack.idCode, serialOfCode(pack.parent))),
      ];
    },
    counts: () => ({ drugTransactions: projected }),
  };
}
