import type { Connection } from 'mongoose';
import type { UnitRun, UnitSale } from '../../../../model/src';
import { ledgerModel, shapedModel, type LedgerSource } from '../ledgerModel';
import type { ListPage } from '../pagedList';
import type { TrackingEventRow } from '../trackingEventRow';
import type { ColdChainJourney } from './journey';
import { JourneyStore } from './journeyStore';

/**
 * The runs of one GTIN and prefix that touch one bucket of 1,000 serial numbers, under
 * `<gtin>|<prefix>|<floor(number / 1000)>` (`ledger_coldchain_unit_runs`). A run spanning buckets
 * is listed in each, so a serial's lot is one keyed read.
 */
export interface UnitRunBucket {
  _id: string;
  runs: { from: number; count: number; lotId: string }[];
  source: LedgerSource;
}

/** The first recorded sale of a unit, under `<gtin>|<serial>` (`ledger_coldchain_unit_sales`). */
export interface UnitSaleDocument {
  _id: string;
  sale: UnitSale;
  source: LedgerSource;
}

/**
 * Cold-chain collections in the read store. Per-lot facts live in journeys (a base document per lot
 * and appended versions, journeyStore.ts); records that are read by their own ledger identity keep a
 * collection each.
 */
export function coldChainCollections(connection: Connection) {
  return {
    /** Each lot's journey as last compacted, under the lot id, with the version it holds. */
    journeyBases: shapedModel<ColdChainJourney>(connection, 'LedgerColdChainJourney', 'coldchain_journeys'),
    /** Journeys written since, under `<lotId>@<version>`. */
    journeyVersions: shapedModel<ColdChainJourney>(connection, 'LedgerColdChainJourneyVersion', 'coldchain_journey_versions'),
    loggers: ledgerModel(connection, 'LedgerColdChainLogger', 'coldchain_loggers'),
    loggerAttachments: ledgerModel(connection, 'LedgerColdChainAttachment', 'coldchain_logger_attachments'),
    readingAnchors: ledgerModel(connection, 'LedgerColdChainAnchor', 'coldchain_reading_anchors'),
    unitRuns: shapedModel<UnitRunBucket>(connection, 'LedgerColdChainUnitRuns', 'coldchain_unit_runs'),
    unitSales: shapedModel<UnitSaleDocument>(connection, 'LedgerColdChainUnitSale', 'coldchain_unit_sales'),
    /** Every alert under `<lotId>|<alertId>`, as last written (raised, then acknowledged); journeys keep only the newest. */
    alerts: ledgerModel(connection, 'LedgerColdChainAlert', 'coldchain_alerts'),
    /** Per enterprise (head `_id` = its credit code, see enterpriseLists.ts): the lots it came to own, hold or be sent. */
    enterpriseLots: shapedModel<ListPage<string>>(connection, 'LedgerColdChainEnterpriseLots', 'coldchain_enterprise_lots'),
    /** Per enterprise: the alert documents (`<lotId>|<alertId>`) raised while it owned or held the lot. */
    enterpriseAlerts: shapedModel<ListPage<string>>(connection, 'LedgerColdChainEnterpriseAlerts', 'coldchain_enterprise_alerts'),
    /** Per enterprise: the ids of the loggers it registered. */
    enterpriseLoggers: shapedModel<ListPage<string>>(connection, 'LedgerColdChainEnterpriseLoggers', 'coldchain_enterprise_loggers'),
    /** Per enterprise: the unit runs it commissioned, whole (runs never change). */
    enterpriseUnitRuns: shapedModel<ListPage<UnitRun>>(connection, 'LedgerColdChainEnterpriseUnitRuns', 'coldchain_enterprise_unit_runs'),
    /** The regulator's export lists (eventRows.ts): custody events as spreadsheet rows, per GTIN, enterprise and Shanghai day of event time. */
    eventRows: shapedModel<ListPage<TrackingEventRow>>(connection, 'LedgerColdChainEventRows', 'coldchain_event_rows'),
  };
}

export type ColdChainCollections = ReturnType<typeof coldChainCollections>;

/** The collections, and the journeys read and written through their store. */
export function coldChainModels(connection: Connection) {
  const collections = coldChainCollections(connection);
  return { ...collections, journeys: new JourneyStore(collections.journeyBases, collections.journeyVersions) };
}

export type ColdChainModels = ReturnType<typeof coldChainModels>;
