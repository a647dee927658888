import type { RiskAlert } from './alerts';
import type { CustodyRecord } from './custody';
import type { LineageLink } from './lineage';
import type { LineageCorrection } from './lineageQuantity';
import type { TracedItem } from './tracedItem';
import type { UnitRun, UnitSale } from './units';

/**
 * The supply-chain part of a domain's chaincode event payload: the full records a transaction wrote,
 * so the read store can be rebuilt from events alone. Fabric keeps one event per transaction, hence
 * one bundle, which each domain extends with its own lists (e.g. `ColdChainLedgerUpdate`).
 */
export interface SupplyChainLedgerUpdate<Item extends TracedItem = TracedItem> {
  lots: Item[];
  custodyEvents: CustodyRecord[];
  alerts: RiskAlert[];
  lineage: LineageLink[];
  /** Present only when the transaction commissioned serials or recorded unit sales. */
  unitRuns?: UnitRun[];
  unitSales?: UnitSale[];
  /**
   * Present only when the transaction corrected lineage links; `lineage` then carries each corrected
   * link as readers should see it (its key on the ledger keeps the figures first written).
   */
  lineageCorrections?: LineageCorrection[];
}
