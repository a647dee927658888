import type { RiskAlert } from '../supplychain/alerts';
import type { SupplyChainLedgerUpdate } from '../supplychain/ledgerUpdate';
import type { AlertKind } from './alerts';
import type { ColdChainLot } from './lot';
import type { LoggerAttachment, ReadingAnchor, TemperatureLogger } from './logger';
import type { LoggerGrant } from './loggerGrant';

/** The payload of every cold-chain chaincode event: the supply-chain records plus the cold chain's own. */
export interface ColdChainLedgerUpdate extends SupplyChainLedgerUpdate<ColdChainLot> {
  alerts: RiskAlert<AlertKind>[];
  loggers: TemperatureLogger[];
  attachments: LoggerAttachment[];
  anchors: ReadingAnchor[];
  /** Present only when the transaction granted a logger or revoked a grant. */
  loggerGrants?: LoggerGrant[];
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
