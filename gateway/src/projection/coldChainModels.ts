import type { Connection } from 'mongoose';
import type { ColdChainJourney } from './coldChainJourney';
import type { UnitRunBucket, UnitSaleDocument } from './coldChainUnits';
import { ledgerModel, shapedModel } from './ledgerModel';

/**
 * Cold-chain records in the read store. Per-lot facts live in one journey document per lot (read by
 * `_id`); records that are read by their own ledger identity keep a collection each.
 */
export function coldChainModels(connection: Connection) {
  return {
    journeys: shapedModel<ColdChainJourney>(connection, 'LedgerColdChainJourney', 'coldchain_journeys'),
    loggers: ledgerModel(connection, 'LedgerColdChainLogger', 'coldchain_loggers'),
    loggerAttachments: ledgerModel(connection, 'LedgerColdChainAttachment', 'coldchain_logger_attachments'),
    readingAnchors: ledgerModel(connection, 'LedgerColdChainAnchor', 'coldchain_reading_anchors'),
    unitRuns: shapedModel<UnitRunBucket>(connection, 'LedgerColdChainUnitRuns', 'coldchain_unit_runs'),
    unitSales: shapedModel<UnitSaleDocument>(connection, 'LedgerColdChainUnitSale', 'coldchain_unit_sales'),
  };
}
