import type { RiskAlert } from './alerts';
import type { CustodyRecord } from './custody';
import type { LineageLink } from './lineage';
import type { LineageCorrection } from './lineageQuantity';
import type { ColdChainLot } from './lot';
import type { LoggerAttachment, ReadingAnchor, TemperatureLogger } from './logger';
import type { LoggerGrant } from './loggerGrant';
import type { UnitRun, UnitSale } from './units';

/**
 * The payload of every cold-chain chaincode event: the full records a transaction wrote, so the read
 * store can be rebuilt from events alone. Fabric keeps one event per transaction, hence one bundle.
 */
export interface ColdChainLedgerUpdate {
  lots: ColdChainLot[];
  custodyEvents: CustodyRecord[];
  alerts: RiskAlert[];
  lineage: LineageLink[];
  loggers: TemperatureLogger[];
  attachments: LoggerAttachment[];
  anchors: ReadingAnchor[];
  /** Present only when the transaction commissioned serials or recorded unit sales. */
  unitRuns?: UnitRun[];
  unitSales?: UnitSale[];
  /** Present only when the transaction granted a logger or revoked a grant. */
  loggerGrants?: LoggerGrant[];
  /**
   * Present only when the transaction corrected lineage links; `lineage` then carries each corrected
   * link as readers should see it (its key on the ledger keeps the figures first written).
   */
  lineageCorrections?: LineageCorrection[];
}

/** Names of the cold-chain chaincode events. */
export const ColdChainEvents = {
  lotCreated: 'ColdChainLotCreated',
  documentAdded: 'ColdChainDocumentAdded',
  custodyRecorded: 'ColdChainCustodyRecorded',
  lotsDerived: 'ColdChainLotsDerived',
  holdChanged: 'ColdChainHoldChanged',
  lineageCorrected: 'ColdChainLineageCorrected',
  loggerRegistered: 'ColdChainLoggerRegistered',
  loggerAttachmentChanged: 'ColdChainLoggerAttachmentChanged',
  loggerGrantChanged: 'ColdChainLoggerGrantChanged',
  readingsAnchored: 'ColdChainReadingsAnchored',
  coverageChecked: 'ColdChainCoverageChecked',
  unitsCommissioned: 'ColdChainUnitsCommissioned',
  unitsSold: 'ColdChainUnitsSold',
  alertAcknowledged: 'ColdChainAlertAcknowledged',
} as const;
