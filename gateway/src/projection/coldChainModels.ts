import type { Connection } from 'mongoose';
import { ledgerModel } from './ledgerModel';

/** Cold-chain records in the read store, one collection per record kind. */
export function coldChainModels(connection: Connection) {
  return {
    lots: ledgerModel(connection, 'LedgerColdChainLot', 'coldchain_lots', [{ 'record.gtin': 1 }, { 'record.custodianId': 1 }]),
    custodyEvents: ledgerModel(connection, 'LedgerColdChainCustody', 'coldchain_custody', [{ 'record.lotId': 1, 'record.eventTime': 1 }]),
    alerts: ledgerModel(connection, 'LedgerColdChainAlert', 'coldchain_alerts', [{ 'record.lotId': 1 }, { 'record.kind': 1 }]),
    lineage: ledgerModel(connection, 'LedgerColdChainLineage', 'coldchain_lineage', [{ 'record.parentId': 1 }, { 'record.childId': 1 }]),
    loggers: ledgerModel(connection, 'LedgerColdChainLogger', 'coldchain_loggers', [{ 'record.ownerId': 1 }]),
    loggerAttachments: ledgerModel(connection, 'LedgerColdChainAttachment', 'coldchain_logger_attachments', [{ 'record.lotId': 1 }]),
    readingAnchors: ledgerModel(connection, 'LedgerColdChainAnchor', 'coldchain_reading_anchors', [{ 'record.loggerId': 1 }]),
  };
}
