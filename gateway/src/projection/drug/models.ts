import type { Connection } from 'mongoose';
import type {
  AdverseReactionReport,
  CommissioningClaim,
  DrugAlert,
  DrugBatch,
  DrugCommissioning,
  DrugGtinBinding,
  DrugHolding,
  DrugMovement,
  DrugPack,
  DrugProduct,
  IdentificationCodeAssignment,
  ManufactureDelegation,
  SerialBucket,
} from '../../../../model/src';
import type { CounterDocument } from '../counterDocuments';
import { shapedModel, type LedgerSource } from '../ledgerModel';
import type { ListPage } from '../pagedList';
import type { TrackingEventRow } from '../trackingEventRow';

/** Per enterprise: the duplicate-sale alerts raised against its own dispensing or sale (its credit grade reads them). */
export interface DrugEnterpriseCounter extends CounterDocument {
  duplicateSales: number;
}

/** A ledger record under its ledger identity, as last written. */
export interface DrugDocument<T> {
  _id: string;
  record: T;
  source: LedgerSource;
}

/**
 * Drug records in the read store, each under the identity its ledger key has, so every lookup a scan
 * or a write's proof needs is by `_id`:
 *
 * | collection (ledger_drug_…) | `_id`                       | read by                                   |
 * | -------------------------- | --------------------------- | ----------------------------------------- |
 * | `products`                 | productId                   | verify page, routes                       |
 * | `gtins`                    | GTIN                        | a GS1 form's code (`/01/{gtin}/21/{serial}`) |
 * | `batches`                  | `<productId>/<batchNumber>` | verify page (expiry, hold), where-is      |
 * | `commissionings`           | commissioning id            | proofs (root → the stored list)           |
 * | `claims`                   | `<idCode>\|<block>`         | a code's commissioning                    |
 * | `buckets`                  | `<idCode>\|<bucket>`        | a code's state, parent and holder         |
 * | `packs`                    | `<idCode><serial9>`         | counts for anyone, children for its holder |
 * | `movements`                | `<txId>\|<n>`               | append-only history                       |
 * | `alerts`                   | `<code>\|<alertId>`         | regulators                                |
 * | `adverse_reactions`        | `<batchId>\|<txId>`         | regulators                                |
 * | `holdings`                 | `<batchId>\|<holderId>`     | a party's tally of a batch, as on chain   |
 * | `batch_reports`, `product_reports`, `region_alerts` | batch id, product id, region | paged lists: counts per batch, product and region |
 * | `event_rows`               | `enterprise:<id>`, `day:<day>` | paged lists of export rows (regulator exports) |
 */
export function drugModels(connection: Connection) {
  return {
    drugAssignments: shapedModel<DrugDocument<IdentificationCodeAssignment>>(connection, 'LedgerDrugAssignment', 'drug_assignments'),
    drugDelegations: shapedModel<DrugDocument<ManufactureDelegation>>(connection, 'LedgerDrugDelegation', 'drug_delegations'),
    drugProducts: shapedModel<DrugDocument<DrugProduct>>(connection, 'LedgerDrugProduct', 'drug_products'),
    /** `_id` = GTIN: the product level its GS1 form names. */
    drugGtins: shapedModel<DrugDocument<DrugGtinBinding>>(connection, 'LedgerDrugGtin', 'drug_gtins'),
    drugBatches: shapedModel<DrugDocument<DrugBatch>>(connection, 'LedgerDrugBatch', 'drug_batches'),
    drugCommissionings: shapedModel<DrugDocument<DrugCommissioning>>(connection, 'LedgerDrugCommissioning', 'drug_commissionings'),
    drugClaims: shapedModel<DrugDocument<CommissioningClaim>>(connection, 'LedgerDrugClaim', 'drug_claims'),
    drugBuckets: shapedModel<DrugDocument<SerialBucket>>(connection, 'LedgerDrugBucket', 'drug_buckets'),
    drugPacks: shapedModel<DrugDocument<DrugPack>>(connection, 'LedgerDrugPack', 'drug_packs'),
    drugMovements: shapedModel<DrugDocument<DrugMovement>>(connection, 'LedgerDrugMovement', 'drug_movements'),
    drugAlerts: shapedModel<DrugDocument<DrugAlert>>(connection, 'LedgerDrugAlert', 'drug_alerts'),
    drugAdverseReactions: shapedModel<DrugDocument<AdverseReactionReport>>(connection, 'LedgerDrugAdverseReaction', 'drug_adverse_reactions'),
    /** `_id` = `<batchId>|<holderId>`: the units of a batch a party received and passed on (the ledger's per-batch tally). */
    drugHoldings: shapedModel<DrugDocument<DrugHolding>>(connection, 'LedgerDrugHolding', 'drug_holdings'),
    /** Per batch, per product: the ids of its adverse-reaction reports (their count is what regulators see first). */
    drugBatchReports: shapedModel<ListPage<string>>(connection, 'LedgerDrugBatchReports', 'drug_batch_reports'),
    drugProductReports: shapedModel<ListPage<string>>(connection, 'LedgerDrugProductReports', 'drug_product_reports'),
    /** Per batch: the ids of its commissionings (where-is walks them). */
    drugBatchCommissionings: shapedModel<ListPage<string>>(connection, 'LedgerDrugBatchCommissionings', 'drug_batch_commissionings'),
    /** Per 6-digit region (or `none`): the duplicate-sale alert document ids raised there. */
    drugRegionAlerts: shapedModel<ListPage<string>>(connection, 'LedgerDrugRegionAlerts', 'drug_region_alerts'),
    /** Per enterprise id: counters of the alerts raised against what it did (the second seller of a duplicate sale). */
    drugEnterpriseCounters: shapedModel<DrugEnterpriseCounter>(connection, 'LedgerDrugEnterpriseCounter', 'drug_enterprise_counters'),
    /** The regulator's export lists (drugEventRows.ts): movements as spreadsheet rows, per enterprise and Shanghai day of event time. */
    drugEventRows: shapedModel<ListPage<TrackingEventRow>>(connection, 'LedgerDrugEventRows', 'drug_event_rows'),
  };
}

export type DrugModels = ReturnType<typeof drugModels>;

const six = (n: number): string => String(n).padStart(6, '0');
/** Document ids, spelt once for the projection and its readers. */
export const drugDocumentIds = {
  claim: (idCode: string, block: number): string => `${idCode}|${six(block)}`,
  bucket: (idCode: string, bucket: number): string => `${idCode}|${six(bucket)}`,
  pack: (idCode: string, serial: number): string => `${idCode}${String(serial).padStart(9, '0')}`,
  alert: (code: string, alertId: string): string => `${code}|${alertId}`,
  adverseReaction: (batchId: string, txId: string): string => `${batchId}|${txId}`,
  holding: (batchId: string, holderId: string): string => `${batchId}|${holderId}`,
} as const;
